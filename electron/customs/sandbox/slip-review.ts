import type { Sas111Document } from '../../../shared/customs/model/sas111';
import { addDecimal, compareDecimal, subtractDecimal } from '../../../shared/domain/decimal';
import { bookKey, inZoneOf, type SandboxBook } from './sandbox-book';
import type { DocumentRecord, FormRecord, SlipLink } from './sandbox-state';

export interface SlipReview {
  readonly reasons: readonly string[];
  /** What the slip moves per book line, to hold once approved. */
  readonly links: readonly SlipLink[];
}

const formByNumber = (documents: Readonly<Record<string, DocumentRecord>>, sasDclNo: string) =>
  Object.values(documents).find(
    (record): record is FormRecord => record.kind === 'SAS101' && record.customsNo === sasDclNo,
  );

/**
 * Customs' check of an 出入库单: it draws on an approved 业务申报表 of the same book and business type,
 * every line names a line of that form and its book line, and an outbound slip takes out of the zone no
 * more than customs' copy of the book holds there (stock not already out on other slips or reserved by
 * approved lists).
 */
export function reviewSlip(
  document: Sas111Document,
  documents: Readonly<Record<string, DocumentRecord>>,
  book: SandboxBook,
): SlipReview {
  const { head, lines } = document;
  const form = formByNumber(documents, head.sasDclNo);
  if (!form)
    return {
      reasons: [`表头：业务申报表 ${head.sasDclNo} 不存在 (no such 业务申报表: sasDclNo)`],
      links: [],
    };
  if (form.status !== 'approved')
    return {
      reasons: [
        `表头：业务申报表 ${head.sasDclNo} 状态为 ${form.status}，未审核通过 (the form is not approved)`,
      ],
      links: [],
    };
  const bookNo = form.document.head.areainOriactNo;
  const reasons: string[] = [];
  if (head.areainOriactNo !== undefined && head.areainOriactNo !== bookNo)
    reasons.push(
      `表头：区内账册 ${head.areainOriactNo} 与业务申报表的账册 ${bookNo} 不一致 (the slip and its form are of different books)`,
    );
  if (head.businessTypecd !== form.document.head.businessTypecd)
    reasons.push(
      `表头：业务类型 ${head.businessTypecd} 与业务申报表的 ${form.document.head.businessTypecd} 不一致 (businessTypecd differs from the form)`,
    );
  const links: SlipLink[] = [];
  for (const line of lines) {
    const where = `第${line.sasStockSeqno}项(${line.gdsMtno})`;
    const formLine = form.document.lines.find((candidate) => candidate.sasDclSeqno === line.sasDclSeqno);
    if (!formLine || formLine.oriactGdsSeqno !== line.oriactGdsSeqno) {
      reasons.push(
        `${where}：申报表序号 ${line.sasDclSeqno} 在业务申报表 ${head.sasDclNo} 中不对应底账序号 ${line.oriactGdsSeqno} (not a line of the form)`,
      );
      continue;
    }
    const key = bookKey(bookNo, line.oriactGdsSeqno);
    const bookLine = book[key];
    if (!bookLine) {
      reasons.push(`${where}：账册 ${bookNo} 无底账商品序号 ${line.oriactGdsSeqno} (no such book line)`);
      continue;
    }
    if (bookLine.gdsMtno !== line.gdsMtno || bookLine.dclUnitcd !== line.dclUnitcd) {
      reasons.push(`${where}：料号或计量单位与底账不一致 (item or unit differs from the book line)`);
      continue;
    }
    links.push({ sasStockSeqno: line.sasStockSeqno, bookKey: key, qty: line.dclQty });
  }
  if (head.stockTypecd === 'E' && reasons.length === 0) {
    const wanted = new Map<string, string>();
    for (const link of links) wanted.set(link.bookKey, addDecimal(wanted.get(link.bookKey) ?? '0', link.qty));
    for (const [key, qty] of wanted) {
      const line = book[key];
      if (!line) continue;
      const inZone = inZoneOf(line);
      if (compareDecimal(qty, inZone) > 0)
        reasons.push(
          `料号 ${line.gdsMtno}(账册 ${line.bwsNo} 备案序号 ${line.gdsSeqno})：出区数量 ${qty} 超过区内可用数量 ${inZone}` +
            `，短少 ${subtractDecimal(qty, inZone)} (more than the zone holds of this book line)`,
        );
    }
  }
  return { reasons, links: reasons.length > 0 ? [] : links };
}
