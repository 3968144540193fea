import { describeBookLine, type OpeningStockLine } from '../customs/opening-stock';
import type { AccountBook } from '../domain/account-book';
import { lawfQtyOf } from '../domain/book-line';
import { addDecimal, isZeroDecimal, type DecimalString } from '../domain/decimal';
import { balanceDeltas, isCustodyAccount, postMovement } from '../ledger';
import type { BookLineRow, ZonebookDb } from './db';
import type { JournalRow, LeftPendingStatus } from './rows';

/**
 * How far the journal has been told to one state of the sandbox's book (its id, as the sandbox answers
 * it): every row up to `localSeq`, which held `movementId` — checked, since a restored backup renumbers
 * the journal from 1 — and of those, the cancelled ones by key, so a row cancelled after it was passed
 * over as pending is told later.
 */
export interface OpeningStockTold {
  stateId: string;
  localSeq: number;
  movementId?: string;
  cancelled: number[];
}

const toldKey = 'openingStockTold';
const cancelled: LeftPendingStatus = 'cancelled';
/** Rows read at a time, so a first telling of a million entries never holds them all at once. */
const chunk = 5_000;

/**
 * A row customs hears of by no list of ours: an undeclared kind (no declare status), or a declared
 * movement reversed before it was declared (cancelled) — whose reversal, undeclared, is here too, so the
 * two cancel out on customs' book as they do in ours.
 */
const unheardOf = (row: JournalRow) => row.declareStatus === undefined || row.declareStatus === cancelled;

interface CustodyChange {
  movementId: string;
  bookLineId: string;
  qty: DecimalString;
}

/** One movement's net effect on custody, per book line. */
function custodyChangesOf(row: JournalRow): CustodyChange[] {
  const perLine = new Map<string, DecimalString>();
  for (const delta of balanceDeltas(postMovement(row.entry.movement)))
    if (isCustodyAccount(delta.account))
      perLine.set(delta.bookLineId, addDecimal(perLine.get(delta.bookLineId) ?? '0', delta.delta));
  // A relocation moves goods within the zone: nothing changes on customs' book.
  return [...perLine]
    .filter(([, qty]) => !isZeroDecimal(qty))
    .map(([bookLineId, qty]) => ({ movementId: row.movementId, bookLineId, qty }));
}

async function rememberedFor(db: ZonebookDb, stateId: string): Promise<OpeningStockTold> {
  const told = (await db.meta.get(toldKey))?.value as OpeningStockTold | undefined;
  if (told?.stateId !== stateId) return { stateId, localSeq: 0, cancelled: [] };
  const last = told.localSeq === 0 ? undefined : await db.journal.get(told.localSeq);
  return last?.movementId === told.movementId ? told : { stateId, localSeq: 0, cancelled: [] };
}

/**
 * The stock customs' book holds without a declaration of ours (see OpeningStockLine) that the sandbox
 * state `stateId` has not been told yet: per movement and book line, its net effect on custody. The same
 * rows the batching counts as customs' stock for a line no INV211 has reported (pending-batch-input.ts),
 * so the sandbox and the batching agree on what customs lets go out. Only the rows after the remembered
 * mark are read, and those cancelled since the mark was set (found by the leftPendingAs index); a state
 * not told before gets the whole journal. `told` is what to remember once the endpoint has taken every
 * line (rememberOpeningStockTold); until then the next call tells the same again, which the sandbox,
 * holding each movement once per book line, takes as already held.
 */
export async function openingStockOf(
  db: ZonebookDb,
  stateId: string,
): Promise<{ lines: OpeningStockLine[]; told: OpeningStockTold }> {
  // One read transaction: a reversal and the cancelling of its original are told together or not at all.
  const { changes, told } = await db.transaction('r', db.meta, db.journal, async () => {
    const since = await rememberedFor(db, stateId);
    const changes: CustodyChange[] = [];
    const cancelledKeys = await db.journal.where('leftPendingAs').equals(cancelled).primaryKeys();
    const toldCancelled = new Set(since.cancelled);
    const newlyCancelled = cancelledKeys.filter((key) => key <= since.localSeq && !toldCancelled.has(key));
    for (const row of await db.journal.bulkGet(newlyCancelled))
      if (row) changes.push(...custodyChangesOf(row));
    let last: JournalRow | undefined;
    for (;;) {
      const rows = await db.journal
        .where(':id')
        .above(last?.localSeq ?? since.localSeq)
        .limit(chunk)
        .toArray();
      for (const row of rows) if (unheardOf(row)) changes.push(...custodyChangesOf(row));
      last = rows[rows.length - 1] ?? last;
      if (rows.length < chunk) break;
    }
    const told: OpeningStockTold = last
      ? { stateId, localSeq: last.localSeq, movementId: last.movementId, cancelled: cancelledKeys }
      : { ...since, cancelled: cancelledKeys };
    return { changes, told };
  });
  return { lines: await describedOnCustomsBook(db, changes), told };
}

/** Remembers, once the endpoint has taken every line openingStockOf gave, how far it has been told. */
export async function rememberOpeningStockTold(db: ZonebookDb, told: OpeningStockTold): Promise<void> {
  await db.meta.put({ key: toldKey, value: told });
}

/** Each change on its book line as customs' book names and describes it. */
async function describedOnCustomsBook(
  db: ZonebookDb,
  changes: readonly CustodyChange[],
): Promise<OpeningStockLine[]> {
  if (changes.length === 0) return [];
  const lines = new Map(
    (await db.bookLines.bulkGet([...new Set(changes.map((change) => change.bookLineId))]))
      .filter((line): line is BookLineRow => line !== undefined)
      .map((line) => [line.id, line]),
  );
  const books = new Map(
    (await db.books.bulkGet([...new Set([...lines.values()].map((line) => line.bookId))]))
      .filter((book): book is AccountBook => book !== undefined)
      .map((book) => [book.id, book]),
  );
  return changes.flatMap(({ movementId, bookLineId, qty }) => {
    const line = lines.get(bookLineId);
    const book = line && books.get(line.bookId);
    if (!line || !book) return [];
    return [
      {
        movementId,
        ...describeBookLine({ ...line, bwsNo: book.putrecNo }),
        qty,
        lawfQty: lawfQtyOf(line, qty),
      },
    ];
  });
}
