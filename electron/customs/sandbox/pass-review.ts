import type { Sas121Document } from '../../../shared/customs/model/sas121';
import { addDecimal, compareDecimal, subtractDecimal } from '../../../shared/domain/decimal';
import { documentKey, type DocumentRecord, type ListRecord, type PassAllotment } from './sandbox-state';

/**
 * Customs' check of a 核放单 against the 核注清单 it carries goods for (rltTbTypecd 1): the list exists
 * and is approved, goes the same way, and the pass carries no more of a list line than remains unissued
 * (what actlPassQty / passportUsedQty guard in the real system). The lines of a pass refer to the list
 * named in its head. Passes for slips or bills of lading, and empty-vehicle passes, are not linked.
 */
export interface PassReview {
  readonly reasons: readonly string[];
  readonly allotments: readonly PassAllotment[];
}

const listByCustomsNo = (documents: Readonly<Record<string, DocumentRecord>>, customsNo: string) =>
  Object.values(documents).find(
    (record): record is ListRecord => record.kind === 'INV101' && record.customsNo === customsNo,
  );

export function reviewPass(
  document: Sas121Document,
  documents: Readonly<Record<string, DocumentRecord>>,
): PassReview {
  const { head, lines, related } = document;
  if (head.passportTypecd === '6' || head.rltTbTypecd !== '1') return { reasons: [], allotments: [] };
  const reasons: string[] = [];
  const listNumbers = [
    ...new Set([head.rltNo, ...related.filter((rlt) => rlt.rltTbTypecd === '1').map((rlt) => rlt.rltNo)]),
  ];
  for (const rltNo of listNumbers) {
    const list = listByCustomsNo(documents, rltNo);
    if (!list) reasons.push(`关联核注清单 ${rltNo} 不存在 (no such list; declare the list first)`);
    else if (list.status !== 'approved')
      reasons.push(
        `关联核注清单 ${rltNo} 状态不允许核放 (the list is ${list.status}, not approved and awaiting the gate)`,
      );
    else if (list.document.head.impexpMarkcd !== head.ioTypecd)
      reasons.push(
        `进出标志 ${head.ioTypecd} 与关联核注清单 ${rltNo} 的 ${list.document.head.impexpMarkcd} 不一致 (ioTypecd differs from the list)`,
      );
  }
  const list = listByCustomsNo(documents, head.rltNo);
  if (reasons.length > 0 || !list) return { reasons, allotments: [] };

  const allotments: PassAllotment[] = [];
  const listKey = documentKey('INV101', list.etpsInnerNo);
  for (const line of lines) {
    const where = `第${line.passportSeqNo}项(${line.gdsMtno})`;
    const listLine = list.document.lines.find((candidate) => candidate.gdsSeqno === line.rltGdsSeqno);
    if (!listLine) {
      reasons.push(
        `${where}：关联商品序号 ${line.rltGdsSeqno} 不在清单 ${head.rltNo} 中 (no such list line)`,
      );
      continue;
    }
    if (listLine.gdsMtno !== line.gdsMtno || listLine.dclUnitcd !== line.dclUnitcd) {
      reasons.push(
        `${where}：料号或计量单位与清单第${listLine.gdsSeqno}项不一致 (item or unit differs from the list line)`,
      );
      continue;
    }
    const already = [
      ...allotments,
      { listKey, listGdsSeqno: line.rltGdsSeqno, qty: list.allotted[String(line.rltGdsSeqno)] ?? '0' },
    ]
      .filter((allotment) => allotment.listGdsSeqno === line.rltGdsSeqno)
      .reduce((sum, allotment) => addDecimal(sum, allotment.qty), '0');
    const remaining = subtractDecimal(listLine.dclQty, already);
    if (compareDecimal(line.dclQty, remaining) > 0) {
      reasons.push(
        `${where}：核放数量 ${line.dclQty} 超过清单第${listLine.gdsSeqno}项剩余可核放数量 ${remaining} (more than the list line has left to pass)`,
      );
      continue;
    }
    allotments.push({ listKey, listGdsSeqno: line.rltGdsSeqno, qty: line.dclQty });
  }
  return { reasons, allotments: reasons.length > 0 ? [] : allotments };
}
