import type { BookLine as CustomsBookLine } from '../customs/receipts/receipt';
import {
  addDecimal,
  compareDecimal,
  Decimal,
  fromDecimal,
  isDecimalString,
  isZeroDecimal,
  QUANTITY_DECIMALS,
  subtractDecimal,
  toDecimal,
} from '../domain/decimal';
import type { OfficialBookLineRow } from './declaration-rows';

const decimalOrUndefined = (value: string | undefined) =>
  value !== undefined && isDecimalString(value) ? value : undefined;

/**
 * Customs' book lines from an INV211, as rows. The stock is inQty − actlRedcQty; where totalAmt ÷
 * avgPrice says otherwise the line is flagged, not silently trusted (customs-domain.md §1.4: the rule is
 * inferred from one real receipt). A line without a book number takes the list's putrecNo.
 */
export function officialLinesOf(
  lines: readonly CustomsBookLine[],
  context: { fallbackBook: string | undefined; asOf: string; receiptId: string },
): OfficialBookLineRow[] {
  return lines.flatMap((line) => {
    const putrecNo = line.bookNo ?? context.fallbackBook;
    if (putrecNo === undefined) return [];
    const inQty = decimalOrUndefined(line.inQty);
    const actlRedcQty = decimalOrUndefined(line.actlRedcQty);
    const avgPrice = decimalOrUndefined(line.avgPrice);
    const totalAmt = decimalOrUndefined(line.totalAmt);
    const byValue =
      avgPrice !== undefined && totalAmt !== undefined && !isZeroDecimal(avgPrice)
        ? fromDecimal(
            toDecimal(totalAmt)
              .dividedBy(toDecimal(avgPrice))
              .toDecimalPlaces(QUANTITY_DECIMALS, Decimal.ROUND_HALF_UP),
          )
        : undefined;
    const byQuantity = inQty === undefined ? undefined : subtractDecimal(inQty, actlRedcQty ?? '0');
    const stock = byQuantity ?? byValue ?? '0';
    const disagreement =
      byQuantity !== undefined && byValue !== undefined && compareDecimal(byQuantity, byValue) !== 0
        ? `inQty − actlRedcQty = ${byQuantity}, totalAmt ÷ avgPrice = ${byValue}`
        : undefined;
    return [
      {
        putrecNo,
        gdsSeqno: line.gdsSeqno,
        ...(line.gdsMtno !== undefined && { gdsMtno: line.gdsMtno }),
        stock,
        ...(inQty !== undefined && { inQty }),
        ...(decimalOrUndefined(line.actlIncQty) !== undefined && { actlIncQty: line.actlIncQty }),
        ...(actlRedcQty !== undefined && { actlRedcQty }),
        ...(avgPrice !== undefined && { avgPrice }),
        ...(totalAmt !== undefined && { totalAmt }),
        ...(disagreement !== undefined && { stockDisagreement: disagreement }),
        asOf: context.asOf,
        receiptId: context.receiptId,
      },
    ];
  });
}

/** How far customs' counters of a line have run: 入仓 and 实减 only ever grow. */
const progressOf = (row: OfficialBookLineRow) => addDecimal(row.inQty ?? '0', row.actlRedcQty ?? '0');

/**
 * Whether an INV211's line may replace the one kept: a later receipt wins. Receipts sent within the same
 * second (customs writes send_time to the second, and posts several lists at once) are told apart by the
 * line's own counters, which only grow, so a late-delivered older receipt never overwrites a newer line.
 */
export function isNewerOfficialLine(stored: OfficialBookLineRow | undefined, candidate: OfficialBookLineRow) {
  if (stored === undefined) return true;
  if (candidate.asOf !== stored.asOf) return candidate.asOf > stored.asOf;
  return compareDecimal(progressOf(candidate), progressOf(stored)) >= 0;
}
