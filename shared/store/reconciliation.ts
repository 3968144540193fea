import { isCustodyAccount, balanceDeltas, postMovement as postingsOf } from '../ledger';
import {
  addDecimal,
  compareDecimal,
  negateDecimal,
  subtractDecimal,
  sumDecimals,
  type DecimalString,
} from '../domain/decimal';
import type { ZonebookDb } from './db';
import { isBusinessChainKind } from '../customs/batching';
import type { DeclarationRow } from './declaration-rows';
import { queuedPending } from './outbox-queue';
import type { JournalRow, LeftPendingStatus } from './rows';

/**
 * A movement declared by 出入库单 under a 业务申报表 moves goods between our own custody accounts (the
 * zone and `processing` or `display`): customs' book does not change, so it accounts for no difference.
 */
const chainMovesNothing = (row: JournalRow): boolean => isBusinessChainKind(row.entry.movement);

/**
 * Why our projected balance and customs' posted one differ on a book line:
 * `matched`              they agree;
 * `awaitingDeclaration`  movements not yet declared (pending or batched) account for the difference;
 * `awaitingPosting`      declared movements customs has not posted (INV211) yet account for it;
 * `unexplained`          nothing in flight accounts for it: look at it (a stocktake adjustment customs
 *                        never heard of, a posting we did not expect, a receipt not yet arrived…).
 */
export type ReconciliationExplanation = 'matched' | 'awaitingDeclaration' | 'awaitingPosting' | 'unexplained';

export interface ReconciliationRow {
  gdsSeqno: number;
  gdsMtno?: string;
  bookLineId?: string;
  /** Sum of our custody accounts for the line (in the zone, on display, in transit, out for processing). */
  projected: DecimalString;
  /** Customs' posted stock plus what it has pre-posted (预核扣) since. */
  prePosted: DecimalString;
  /** Customs' posted stock (INV211); 0 while customs has not reported the line. */
  posted: DecimalString;
  postedKnown: boolean;
  /** projected − posted. */
  difference: DecimalString;
  /** The part of the difference movements not yet declared account for. */
  awaitingDeclaration: DecimalString;
  /** The part declared movements, not yet posted, account for. */
  awaitingPosting: DecimalString;
  explanation: ReconciliationExplanation;
  /** Customs' own figures for the line disagree with each other (see official-book.ts). */
  officialDisagreement?: string;
}

/**
 * Journal rows on their way to customs' book: pending ones through the outbox queue, the others by
 * status. One equality read per status: anyOf over an index most rows share walks a cursor that
 * fake-indexeddb re-seeks past every equal key at each step, which made the simulation's closing
 * reconciliation quadratic in the journal's size.
 */
const inFlightMovements = async (db: ZonebookDb): Promise<JournalRow[]> =>
  (
    await Promise.all([
      ...(['batched', 'declared'] satisfies LeftPendingStatus[]).map((status) =>
        db.journal.where('leftPendingAs').equals(status).toArray(),
      ),
      queuedPending(db).then(({ rows }) => rows),
    ])
  ).flat();

/**
 * Our balances beside customs' for every line of one book, in book order, in one read transaction.
 *
 * Goods out for processing, repair, testing or on display are declared by 出入库单, which customs never
 * posts: they stay on its book, and on ours in the `processing` and `display` custody accounts. So a
 * movement of that chain moves nothing between our custody and the outside, neither in `projected` nor
 * in the amounts in flight, whatever its slip's status (see chainMovesNothing); only a display sale, a
 * list of its own, takes them off.
 */
export async function reconcileBook(db: ZonebookDb, bookId: string): Promise<ReconciliationRow[]> {
  return db.transaction(
    'r',
    [
      db.books,
      db.bookLines,
      db.balances,
      db.journal,
      db.outboxQueue,
      db.meta,
      db.declarations,
      db.officialBookLines,
      db.prePostings,
    ],
    async () => {
      const book = await db.books.get(bookId);
      if (!book) return [];
      const [lines, balances, inFlight, official, prePostings] = await Promise.all([
        db.bookLines.where('[bookId+gdsSeqno]').between([bookId, 0], [bookId, Infinity]).toArray(),
        db.balances.where('bookId').equals(bookId).toArray(),
        inFlightMovements(db),
        db.officialBookLines.where('putrecNo').equals(book.putrecNo).toArray(),
        db.prePostings.where('putrecNo').equals(book.putrecNo).toArray(),
      ]);
      const documentIds = [...new Set(inFlight.flatMap((row) => (row.documentId ? [row.documentId] : [])))];
      const documents = new Map(
        (await db.declarations.bulkGet(documentIds))
          .filter((row): row is DeclarationRow => row !== undefined)
          .map((row) => [row.id, row]),
      );

      const projected = new Map<string, DecimalString[]>();
      for (const row of balances)
        if (isCustodyAccount(row.account))
          projected.set(row.bookLineId, [...(projected.get(row.bookLineId) ?? []), row.qty]);
      const awaitingDeclaration = new Map<string, DecimalString[]>();
      const awaitingPosting = new Map<string, DecimalString[]>();
      for (const row of inFlight) {
        if (row.bookId !== bookId || chainMovesNothing(row)) continue;
        const posted =
          row.documentId !== undefined && documents.get(row.documentId)?.state.status === 'posted';
        if (posted) continue;
        const target = row.declareStatus === 'declared' ? awaitingPosting : awaitingDeclaration;
        for (const delta of balanceDeltas(postingsOf(row.entry.movement)))
          if (isCustodyAccount(delta.account))
            target.set(delta.bookLineId, [...(target.get(delta.bookLineId) ?? []), delta.delta]);
      }
      const officialBySeqno = new Map(official.map((row) => [row.gdsSeqno, row]));
      const prePostedBySeqno = new Map<number, DecimalString[]>();
      for (const row of prePostings)
        prePostedBySeqno.set(row.putrecSeqno, [
          ...(prePostedBySeqno.get(row.putrecSeqno) ?? []),
          row.ie === 'I' ? row.qty : negateDecimal(row.qty),
        ]);

      const rows: ReconciliationRow[] = lines.map((line) => {
        const officialLine = officialBySeqno.get(line.gdsSeqno);
        const posted = officialLine?.stock ?? '0';
        const ours = sumDecimals(projected.get(line.id) ?? []);
        const undeclared = sumDecimals(awaitingDeclaration.get(line.id) ?? []);
        const unposted = sumDecimals(awaitingPosting.get(line.id) ?? []);
        const difference = subtractDecimal(ours, posted);
        return {
          gdsSeqno: line.gdsSeqno,
          gdsMtno: line.gdsMtno,
          bookLineId: line.id,
          projected: ours,
          prePosted: addDecimal(posted, sumDecimals(prePostedBySeqno.get(line.gdsSeqno) ?? [])),
          posted,
          postedKnown: officialLine !== undefined,
          difference,
          awaitingDeclaration: undeclared,
          awaitingPosting: unposted,
          explanation: explain(difference, undeclared, unposted),
          ...(officialLine?.stockDisagreement !== undefined && {
            officialDisagreement: officialLine.stockDisagreement,
          }),
        };
      });
      // Lines customs holds that our book does not know at all.
      const known = new Set(lines.map((line) => line.gdsSeqno));
      for (const officialLine of official.filter((row) => !known.has(row.gdsSeqno)))
        rows.push({
          gdsSeqno: officialLine.gdsSeqno,
          ...(officialLine.gdsMtno !== undefined && { gdsMtno: officialLine.gdsMtno }),
          projected: '0',
          prePosted: officialLine.stock,
          posted: officialLine.stock,
          postedKnown: true,
          difference: negateDecimal(officialLine.stock),
          awaitingDeclaration: '0',
          awaitingPosting: '0',
          explanation: compareDecimal(officialLine.stock, '0') === 0 ? 'matched' : 'unexplained',
        });
      return rows.sort((a, b) => a.gdsSeqno - b.gdsSeqno);
    },
  );
}

function explain(
  difference: DecimalString,
  undeclared: DecimalString,
  unposted: DecimalString,
): ReconciliationExplanation {
  if (compareDecimal(difference, '0') === 0) return 'matched';
  if (compareDecimal(difference, addDecimal(undeclared, unposted)) !== 0) return 'unexplained';
  return compareDecimal(undeclared, '0') !== 0 ? 'awaitingDeclaration' : 'awaitingPosting';
}
