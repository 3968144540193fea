import { z } from 'zod';
import {
  addDecimal,
  compareDecimal,
  isDecimalString,
  isNegativeDecimal,
  subtractDecimal,
  toDecimal,
  fromDecimal,
  type DecimalString,
} from '../../../shared/domain/decimal';
import {
  CustomsBookLineDescription,
  describeBookLine,
  type OpeningStockLine,
} from '../../../shared/customs/opening-stock';

/**
 * Customs' copy of the account book: one line per book and 备案序号 (bwsNo, gdsSeqno), the way INV211
 * reports it (BwsDt, customs-domain.md §1.4). Quantities are in the line's declared unit, as decimal
 * strings. What the fields hold here:
 *   inQty        every quantity ever booked in: the opening stock plus each posted increase
 *   actlIncQty   实增: the posted increases (so inQty = opening + actlIncQty)
 *   actlRedcQty  实减: the posted decreases
 *   prevdIncQty / prevdRedcQty  预增 / 预减: approved lists not yet posted
 *   stock        inQty − actlRedcQty; and totalAmt = avgPrice × stock exactly, so totalAmt / avgPrice
 *                gives the same figure, the two readings customs-domain.md says a reconciler can use.
 */
export interface SandboxBookLine {
  bwsNo: string;
  gdsSeqno: number;
  gdsMtno: string;
  gdecd: string;
  gdsNm: string;
  gdsSpcfModelDesc?: string;
  natcd?: string;
  dclUnitcd: string;
  lawfUnitcd?: string;
  secdLawfUnitcd?: string;
  dclUprcAmt?: string;
  dclCurrcd?: string;
  inQty: DecimalString;
  inLawfQty: DecimalString;
  inSecdLawfQty?: DecimalString;
  actlIncQty: DecimalString;
  actlRedcQty: DecimalString;
  prevdIncQty: DecimalString;
  prevdRedcQty: DecimalString;
  inDate?: string;
  outDate?: string;
  /** The list and its line that last posted here (invtNo / invtGNo). */
  invtNo?: string;
  invtGNo?: number;
  /**
   * Goods of the line out of the zone under approved 出入库单 (processing, repair, testing, display) and
   * not back yet: still on the book, so the stock keeps them, but not in the zone to send out again.
   * Absent in states written before the sandbox read slips.
   */
  outOnSlips?: DecimalString;
  /**
   * The movements whose opening stock the line holds (holdOpeningStock): told again, one is not added
   * twice. Absent in states written before the sandbox was told of opening stock.
   */
  openingMovements?: string[];
  /** Created by a list (modfMarkcd 3 on its first INV211) rather than seeded. */
  addedByList: boolean;
  postings: number;
}

export type SandboxBook = Record<string, SandboxBookLine>;

export const bookKey = (bwsNo: string, gdsSeqno: number): string => `${bwsNo}#${gdsSeqno}`;

const decimalText = z.string().refine(isDecimalString, 'a plain decimal such as 12.5');

/** A line of opening stock for customs' book (what the enterprise's book held when the sandbox starts). */
export const OpeningBookLine = CustomsBookLineDescription.extend({
  dclUprcAmt: decimalText.optional(),
  stock: decimalText.refine((value) => !isNegativeDecimal(value), 'not negative'),
  lawfStock: decimalText.optional(),
});
export type OpeningBookLine = z.input<typeof OpeningBookLine>;

export const openingLine = (input: OpeningBookLine): SandboxBookLine => {
  const line = OpeningBookLine.parse(input);
  return {
    ...line,
    inQty: line.stock,
    inLawfQty: line.lawfStock ?? line.stock,
    actlIncQty: '0',
    actlRedcQty: '0',
    prevdIncQty: '0',
    prevdRedcQty: '0',
    addedByList: false,
    postings: 0,
  };
};

/** A line customs' book opens with nothing on it yet, described as the list or the opening stock names it. */
export const emptyBookLine = (
  line: CustomsBookLineDescription,
  inDate: string,
  addedByList: boolean,
): SandboxBookLine => ({
  ...describeBookLine(line),
  inQty: '0',
  inLawfQty: '0',
  actlIncQty: '0',
  actlRedcQty: '0',
  prevdIncQty: '0',
  prevdRedcQty: '0',
  inDate,
  addedByList,
  postings: 0,
});

/**
 * Adds one movement's opening stock to its book line — creating the line, empty, when customs' book has
 * none yet — unless the line holds that movement's already; answers whether it added. Keyed by movement
 * rather than set per line: a book line gets stock from several such movements (two opening files, a
 * stocktake), and lists customs posted since must stay, so neither replacing the line nor setting it
 * only when absent would give the sum.
 */
export function holdOpeningStock(book: SandboxBook, entry: OpeningStockLine, now: string): boolean {
  const key = bookKey(entry.bwsNo, entry.gdsSeqno);
  const line = (book[key] ??= emptyBookLine(entry, now, false));
  if (line.openingMovements?.includes(entry.movementId)) return false;
  line.inQty = addDecimal(line.inQty, entry.qty);
  line.inLawfQty = addDecimal(line.inLawfQty, entry.lawfQty);
  line.openingMovements = [...(line.openingMovements ?? []), entry.movementId];
  return true;
}

export const stockOf = (line: SandboxBookLine): DecimalString =>
  subtractDecimal(line.inQty, line.actlRedcQty);

/** What an E list may still take: the stock less what approved, unposted lists have already reserved. */
export const availableOf = (line: SandboxBookLine): DecimalString =>
  subtractDecimal(stockOf(line), line.prevdRedcQty);

/**
 * What an outbound 出入库单 may still take out of the zone: the stock, with goods customs has already
 * approved in (预增, their list approved) and less what approved lists will take (预减), less what is
 * out on slips already [INF: customs' own rule for slips is not documented].
 */
export const inZoneOf = (line: SandboxBookLine): DecimalString => {
  const out = line.outOnSlips ?? '0';
  return subtractDecimal(
    subtractDecimal(addDecimal(stockOf(line), line.prevdIncQty), line.prevdRedcQty),
    isNegativeDecimal(out) ? '0' : out,
  );
};

/** Goods leave the zone (E) or come back (I) under an approved slip; the book's figures stay as they are. */
export function moveOnSlip(line: SandboxBookLine, ie: 'I' | 'E', qty: DecimalString) {
  const out = line.outOnSlips ?? '0';
  line.outOnSlips = ie === 'E' ? addDecimal(out, qty) : subtractDecimal(out, qty);
}

/** avgPrice: the line's declared unit price (customs reprices in USD; the sandbox keeps the declared one). */
export const avgPriceOf = (line: SandboxBookLine): DecimalString => line.dclUprcAmt ?? '0';

export const totalAmtOf = (line: SandboxBookLine): DecimalString =>
  fromDecimal(toDecimal(avgPriceOf(line)).times(toDecimal(stockOf(line))));

export const nextGdsSeqno = (book: SandboxBook, bwsNo: string): number =>
  Math.max(
    0,
    ...Object.values(book)
      .filter((line) => line.bwsNo === bwsNo)
      .map((line) => line.gdsSeqno),
  ) + 1;

/** Posts a reserved quantity for good; throws if that would take the line below zero (a sandbox bug). */
export function postQuantity(
  line: SandboxBookLine,
  ie: 'I' | 'E',
  qty: DecimalString,
  lawfQty: DecimalString,
) {
  if (ie === 'I') {
    line.prevdIncQty = subtractDecimal(line.prevdIncQty, qty);
    line.actlIncQty = addDecimal(line.actlIncQty, qty);
    line.inQty = addDecimal(line.inQty, qty);
    line.inLawfQty = addDecimal(line.inLawfQty, lawfQty);
  } else {
    if (compareDecimal(qty, stockOf(line)) > 0)
      throw new Error(`posting ${qty} on ${bookKey(line.bwsNo, line.gdsSeqno)} would go below zero`);
    line.prevdRedcQty = subtractDecimal(line.prevdRedcQty, qty);
    line.actlRedcQty = addDecimal(line.actlRedcQty, qty);
  }
  line.postings += 1;
}

export function reserveQuantity(line: SandboxBookLine, ie: 'I' | 'E', qty: DecimalString) {
  if (ie === 'I') line.prevdIncQty = addDecimal(line.prevdIncQty, qty);
  else line.prevdRedcQty = addDecimal(line.prevdRedcQty, qty);
}

export function releaseQuantity(line: SandboxBookLine, ie: 'I' | 'E', qty: DecimalString) {
  if (ie === 'I') line.prevdIncQty = subtractDecimal(line.prevdIncQty, qty);
  else line.prevdRedcQty = subtractDecimal(line.prevdRedcQty, qty);
}

/** What customs has posted on one line: the figures a simulation compares its projected balance with. */
export interface PostedBookLine {
  readonly bwsNo: string;
  readonly gdsSeqno: number;
  readonly gdsMtno: string;
  readonly dclUnitcd: string;
  readonly stock: DecimalString;
  readonly inQty: DecimalString;
  readonly actlIncQty: DecimalString;
  readonly actlRedcQty: DecimalString;
  readonly prevdIncQty: DecimalString;
  readonly prevdRedcQty: DecimalString;
}

export const postedLine = (line: SandboxBookLine): PostedBookLine => ({
  bwsNo: line.bwsNo,
  gdsSeqno: line.gdsSeqno,
  gdsMtno: line.gdsMtno,
  dclUnitcd: line.dclUnitcd,
  stock: stockOf(line),
  inQty: line.inQty,
  actlIncQty: line.actlIncQty,
  actlRedcQty: line.actlRedcQty,
  prevdIncQty: line.prevdIncQty,
  prevdRedcQty: line.prevdRedcQty,
});
