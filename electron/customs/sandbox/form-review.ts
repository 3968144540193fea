import { isKnownCurrency, isKnownUnit } from '../../../shared/codes/lookups';
import type { Sas101Document } from '../../../shared/customs/model/sas101';
import { bookKey, type SandboxBook } from './sandbox-book';

/** Business types that send goods to a processor outside the zone, who must be named (区外企业). */
const withProcessor = new Set(['B', 'D', 'E', 'F']);

/**
 * Customs' check of a 业务申报表 before approval: a book customs knows, lines that are lines of that book
 * (same HS code and unit), known codes, a processor for processing, repair and testing and a display site
 * for 保税展示交易, and a validity that has not ended. Each reason names the line or field to fix.
 */
export function reviewForm(document: Sas101Document, book: SandboxBook, today: string): string[] {
  const { head, lines } = document;
  const reasons: string[] = [];
  const bookNo = head.areainOriactNo;
  if (!Object.values(book).some((line) => line.bwsNo === bookNo))
    reasons.push(`表头：区内账册 ${bookNo} 不存在 (no such book: areainOriactNo)`);
  if (
    withProcessor.has(head.businessTypecd) &&
    (!head.areaoutEtpsSccd || !head.areaoutEtpsno || !head.areaoutEtpsNm)
  )
    reasons.push(
      `表头：业务类型 ${head.businessTypecd} 须填写区外企业社会信用代码、编码及名称 (name the processor: areaoutEtpsSccd, areaoutEtpsno, areaoutEtpsNm)`,
    );
  if (head.businessTypecd === 'C' && !head.exhibitionPlace)
    reasons.push('表头：保税展示交易须填写展示地 (exhibitionPlace is required for business type C)');
  if (head.validTime < today)
    reasons.push(`表头：有效期 ${head.validTime} 早于申报日期 ${today} (validTime has passed)`);
  for (const line of lines) {
    const where = `第${line.sasDclSeqno}项`;
    const bookLine = book[bookKey(bookNo, line.oriactGdsSeqno)];
    if (!bookLine) {
      reasons.push(`${where}：账册 ${bookNo} 无底账商品序号 ${line.oriactGdsSeqno} (no such book line)`);
      continue;
    }
    if (bookLine.gdecd !== line.gdecd)
      reasons.push(
        `${where}：商品编码 ${line.gdecd} 与底账 ${bookLine.gdecd} 不一致 (gdecd differs from the book line)`,
      );
    if (bookLine.dclUnitcd !== line.dclUnitcd)
      reasons.push(
        `${where}：申报计量单位 ${line.dclUnitcd} 与底账 ${bookLine.dclUnitcd} 不一致 (dclUnitcd differs from the book line)`,
      );
    if (!isKnownUnit(line.dclUnitcd))
      reasons.push(`${where}：计量单位 ${line.dclUnitcd} 不存在 (unknown dclUnitcd)`);
    if (!isKnownCurrency(line.dclCurrcd))
      reasons.push(`${where}：币制 ${line.dclCurrcd} 不存在 (unknown dclCurrcd)`);
  }
  return reasons;
}
