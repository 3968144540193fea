import type { BookLine } from '../../domain/book-line';
import {
  addDecimal,
  compareDecimal,
  isNegativeDecimal,
  subtractDecimal,
  type DecimalString,
} from '../../domain/decimal';
import { kinds, type Movement } from '../../ledger';

/**
 * Where customs' posted stock of a book line was read from: `inv211`, the line as customs last reported
 * it; `ownBook`, before any INV211 reported the line — what our own journal says customs holds (the
 * opening balance Zonebook started with, plus lists customs has posted).
 */
export type PostedStockSource = 'inv211' | 'ownBook';

/**
 * What customs' book holds for one book line, as the store knows it, for the outbound lists still to
 * be made. Customs approves an E 核注清单 only while the line's posted stock, less what approved lists
 * already pre-deduct (预核扣), covers it (customs-domain.md §1.4–1.5, §2.2; the sandbox's list review).
 */
export interface CustomsStock {
  /** Our BookLine id. */
  readonly bookLineId: string;
  /** Posted stock (库存: inQty − actlRedcQty). */
  readonly posted: DecimalString;
  readonly postedFrom: PostedStockSource;
  /**
   * Declared on outbound lists that customs holds or will review before a new one (drafted, sent, under
   * review, pre-deducted, through the gate) and has not posted: customs deducts them first.
   */
  readonly declaredOut: DecimalString;
}

/** One book line customs' book cannot cover yet, with the figures a compliance officer checks. */
export interface CustomsShortfall {
  readonly gdsSeqno: number;
  readonly gdsMtno: string;
  /** What the movement takes out of the line. */
  readonly needed: DecimalString;
  /** What customs' book lets it take now: posted − declaredOut − earlierPending, never below 0. */
  readonly allowed: DecimalString;
  readonly posted: DecimalString;
  readonly postedFrom: PostedStockSource;
  readonly declaredOut: DecimalString;
  /** Taken by earlier pending movements of the line, which go first. */
  readonly earlierPending: DecimalString;
}

/**
 * Whether the movement is declared by an outbound (E) 核注清单, the document customs checks against its
 * book: exit abroad, release to the domestic market, transfers out, 分送集报 and display sales, scrap.
 * Slips (出入库单) are not: their goods stay on the book.
 */
export const declaresOutboundList = (movement: Pick<Movement, 'kind'>): boolean => {
  const rule = kinds[movement.kind];
  return rule.declare && rule.ie === 'E' && (rule.documents as readonly string[]).includes('INV101');
};

export interface CustomsCover {
  /**
   * Claims the movement's quantities on customs' book, in journal order; answers the lines it cannot
   * cover (none: it may be declared). A movement that must wait keeps its claim, so a later movement of
   * the same line never overtakes it: the earliest goods are declared first.
   */
  claim(movement: Movement): CustomsShortfall[];
}

export function customsCover(
  stock: readonly CustomsStock[],
  bookLines: ReadonlyMap<string, BookLine>,
): CustomsCover {
  const stockOf = new Map(stock.map((line) => [line.bookLineId, line]));
  const claimed = new Map<string, DecimalString>();
  return {
    claim(movement) {
      const needs = new Map<string, DecimalString>();
      for (const line of movement.lines)
        needs.set(line.bookLineId, addDecimal(needs.get(line.bookLineId) ?? '0', line.qty));
      const shortfalls: CustomsShortfall[] = [];
      for (const [bookLineId, needed] of needs) {
        // batchMovements holds a movement with an unknown book line (missingMasterData) before it claims.
        const line = bookLines.get(bookLineId) as BookLine;
        // A line customs' book has no figures for holds nothing customs would let go out.
        const known = stockOf.get(bookLineId) ?? {
          bookLineId,
          posted: '0',
          postedFrom: 'ownBook',
          declaredOut: '0',
        };
        const earlierPending = claimed.get(bookLineId) ?? '0';
        const left = subtractDecimal(subtractDecimal(known.posted, known.declaredOut), earlierPending);
        claimed.set(bookLineId, addDecimal(earlierPending, needed));
        if (compareDecimal(needed, left) <= 0) continue;
        shortfalls.push({
          gdsSeqno: line.gdsSeqno,
          gdsMtno: line.gdsMtno,
          needed,
          allowed: isNegativeDecimal(left) ? '0' : left,
          posted: known.posted,
          postedFrom: known.postedFrom,
          declaredOut: known.declaredOut,
          earlierPending,
        });
      }
      return shortfalls;
    },
  };
}

/** The hold reason in words, each short line with its figures. */
export function shortfallReason(shortfalls: readonly CustomsShortfall[]): string {
  const lines = shortfalls.map(
    (short) =>
      `book line ${short.gdsSeqno} (${short.gdsMtno}) needs ${short.needed} but customs' book allows ` +
      `${short.allowed}: posted stock ${short.posted} ` +
      (short.postedFrom === 'inv211'
        ? '(last INV211)'
        : '(no INV211 for the line yet: the opening balance and the lists customs has posted)') +
      `, less ${short.declaredOut} on outbound lists not yet posted` +
      `, less ${short.earlierPending} for earlier pending movements`,
  );
  return (
    `customs would reject the list (退单) for want of stock — ${lines.join('; ')}. ` +
    'It is declared once customs posts (INV211) the goods coming in'
  );
}
