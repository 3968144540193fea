import type { Sas121Document } from '../../../shared/customs/model/sas121';
import { addDecimal, compareDecimal, subtractDecimal } from '../../../shared/domain/decimal';
import {
  documentKey,
  type DocumentRecord,
  type ListRecord,
  type PassAllotment,
  type SlipRecord,
} from './sandbox-state';

/**
 * Customs' check of a 核放单 against the document it carries goods for: a 核注清单 (rltTbTypecd 1) or an
 * 出入库单 (2). The carrier exists and is approved, goes the same way, and the pass carries no more of a
 * carrier line than remains unissued (what actlPassQty / passportUsedQty guard in the real system). The
 * lines of a pass refer to the carrier named in its head. Passes for bills of lading, and empty-vehicle
 * passes, are not linked.
 */
export interface PassReview {
  readonly reasons: readonly string[];
  readonly allotments: readonly PassAllotment[];
}

type Carrier = ListRecord | SlipRecord;

/** How customs' 退单 texts name the carrier: in full beside 关联, shortly beside a line number. */
const words = { '1': '核注清单', '2': '出入库单' } as const;
const shortWords = { '1': '清单', '2': '出入库单' } as const;

const carrierByCustomsNo = (
  documents: Readonly<Record<string, DocumentRecord>>,
  type: '1' | '2',
  customsNo: string,
) =>
  Object.values(documents).find(
    (record): record is Carrier =>
      record.kind === (type === '1' ? 'INV101' : 'SAS111') && record.customsNo === customsNo,
  );

const ieOf = (carrier: Carrier) =>
  carrier.kind === 'INV101' ? carrier.document.head.impexpMarkcd : carrier.document.head.stockTypecd;

/** The carrier's lines as a pass sees them: its own line number, item, unit and quantity. */
const linesOf = (carrier: Carrier) =>
  carrier.kind === 'INV101'
    ? carrier.document.lines.map((line) => ({ seqno: line.gdsSeqno, ...line }))
    : carrier.document.lines.map((line) => ({ seqno: line.sasStockSeqno, ...line }));

export function reviewPass(
  document: Sas121Document,
  documents: Readonly<Record<string, DocumentRecord>>,
): PassReview {
  const { head, lines, related } = document;
  if (head.passportTypecd === '6' || (head.rltTbTypecd !== '1' && head.rltTbTypecd !== '2'))
    return { reasons: [], allotments: [] };
  const type = head.rltTbTypecd;
  const name = words[type];
  const short = shortWords[type];
  const reasons: string[] = [];
  const carrierNumbers = [
    ...new Set([head.rltNo, ...related.filter((rlt) => rlt.rltTbTypecd === type).map((rlt) => rlt.rltNo)]),
  ];
  for (const rltNo of carrierNumbers) {
    const carrier = carrierByCustomsNo(documents, type, rltNo);
    if (!carrier) reasons.push(`关联${name} ${rltNo} 不存在 (no such document; declare it first)`);
    else if (carrier.status !== 'approved')
      reasons.push(
        `关联${name} ${rltNo} 状态不允许核放 (it is ${carrier.status}, not approved and awaiting the gate)`,
      );
    else if (ieOf(carrier) !== head.ioTypecd)
      reasons.push(
        `进出标志 ${head.ioTypecd} 与关联${name} ${rltNo} 的 ${ieOf(carrier)} 不一致 (ioTypecd differs from it)`,
      );
  }
  const carrier = carrierByCustomsNo(documents, type, head.rltNo);
  if (reasons.length > 0 || !carrier) return { reasons, allotments: [] };

  const allotments: PassAllotment[] = [];
  const listKey = documentKey(carrier.kind, carrier.etpsInnerNo);
  const carrierLines = linesOf(carrier);
  for (const line of lines) {
    const where = `第${line.passportSeqNo}项(${line.gdsMtno})`;
    const carrierLine = carrierLines.find((candidate) => candidate.seqno === line.rltGdsSeqno);
    if (!carrierLine) {
      reasons.push(`${where}：关联商品序号 ${line.rltGdsSeqno} 不在${short} ${head.rltNo} 中 (no such line)`);
      continue;
    }
    if (carrierLine.gdsMtno !== line.gdsMtno || carrierLine.dclUnitcd !== line.dclUnitcd) {
      reasons.push(
        `${where}：料号或计量单位与${short}第${carrierLine.seqno}项不一致 (item or unit differs from its line)`,
      );
      continue;
    }
    const already = [
      ...allotments,
      { listKey, listGdsSeqno: line.rltGdsSeqno, qty: carrier.allotted[String(line.rltGdsSeqno)] ?? '0' },
    ]
      .filter((allotment) => allotment.listGdsSeqno === line.rltGdsSeqno)
      .reduce((sum, allotment) => addDecimal(sum, allotment.qty), '0');
    const remaining = subtractDecimal(carrierLine.dclQty, already);
    if (compareDecimal(line.dclQty, remaining) > 0) {
      reasons.push(
        `${where}：核放数量 ${line.dclQty} 超过${short}第${carrierLine.seqno}项剩余可核放数量 ${remaining} (more than its line has left to pass)`,
      );
      continue;
    }
    allotments.push({ listKey, listGdsSeqno: line.rltGdsSeqno, qty: line.dclQty });
  }
  return { reasons, allotments: reasons.length > 0 ? [] : allotments };
}
