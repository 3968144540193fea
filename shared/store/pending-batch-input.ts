import {
  declaresOutboundList,
  isBusinessChainKind,
  type BatchInput,
  type CustomsStock,
} from '../customs/batching';
import { DocumentStatus } from '../customs/lifecycle/document-status';
import type { AccountBook } from '../domain/account-book';
import { addDecimal, type DecimalString } from '../domain/decimal';
import type { Enterprise } from '../domain/enterprise';
import { balanceDeltas, isCustodyAccount, postMovement, type Movement } from '../ledger';
import type { BookLineRow, ZonebookDb } from './db';
import { businessFormsOf } from './business-forms';
import { journalRowsOfLines } from './line-history-pages';
import { queuedPending, type QueuedPending } from './outbox-queue';
import type { DeclarationRow } from './declaration-rows';
import type { DeclareStatus, JournalRow } from './rows';

/** What the batching policy is run on: the pending movements in journal order and what they draw on. */
export interface PendingBatchInput {
  input: BatchInput;
  /** Each stored 业务申报表's row id, by its enterprise-internal number. */
  formIdOf: ReadonlyMap<string, string>;
  /** What the outbox queue held when read: the batching rewrites it to the rows it leaves pending. */
  queued: QueuedPending;
}

/** The tables readPendingBatchInput reads: the caller's transaction must span them all. */
export const pendingBatchInputTables = (db: ZonebookDb) => [
  db.journal,
  db.outboxQueue,
  db.meta,
  db.lineHistory,
  db.books,
  db.bookLines,
  db.enterprises,
  db.declarations,
  db.officialBookLines,
  db.prePostings,
];

/**
 * Reads the batching's input — for batchPending, which stores what it makes, and for heldMovements,
 * which only shows what it would hold — inside the caller's transaction over pendingBatchInputTables.
 * Undefined when nothing is pending.
 */
export async function readPendingBatchInput(db: ZonebookDb): Promise<PendingBatchInput | undefined> {
  const queued = await queuedPending(db);
  const pending = queued.rows;
  if (pending.length === 0) return undefined;
  const movements = pending.map((row) => row.entry.movement);
  const [books, bookLines] = await Promise.all([
    db.books.bulkGet([...new Set(movements.map((m) => m.bookId))]),
    db.bookLines.bulkGet([...new Set(movements.flatMap((m) => m.lines.map((line) => line.bookLineId)))]),
  ]);
  const knownBooks = books.filter((book): book is AccountBook => book !== undefined);
  const knownLines = bookLines.filter((line): line is BookLineRow => line !== undefined);
  const [enterprises, forms, customsStock] = await Promise.all([
    db.enterprises.bulkGet([...new Set(knownBooks.map((book) => book.ownerEnterpriseId))]),
    businessFormsOf(db, [...new Set(movements.filter(isBusinessChainKind).map((m) => m.bookId))]),
    customsStockOf(db, movements.filter(declaresOutboundList), knownBooks, knownLines),
  ]);
  return {
    input: {
      movements,
      books: knownBooks,
      bookLines: knownLines,
      enterprises: enterprises.filter((enterprise): enterprise is Enterprise => enterprise !== undefined),
      businessForms: forms.refs,
      customsStock,
    },
    formIdOf: forms.idOf,
    queued,
  };
}

/**
 * Statuses in which an outbound list takes from customs' book before a list made now would: customs
 * holds it (under review, pre-deducted 预核扣, through the gate, a deletion not yet approved) or will
 * review it first (drafted, queued, sent, a failed import resent under the same number). A posted list
 * is in the posted stock already; a rejected one holds nothing at customs (the sandbox reserves a list's
 * quantities only on approval); a withdrawn one gave its movements back to pending.
 */
const releasing: ReadonlySet<DocumentStatus> = new Set(['posted', 'rejected', 'withdrawn']);
const claimingStatuses = DocumentStatus.options.filter((status) => !releasing.has(status));
/**
 * Through the gate is where passes and slips end, so that status holds every one ever sent: lists
 * there are found by their pre-posted lines (INV201 预核扣, kept until INV211) instead.
 */
const claimingBeforeGate = claimingStatuses.filter((status) => status !== 'gatePassed');

/** A movement still on its way to customs' book: not declared yet, or on a document customs has not posted. */
const inFlightStatuses: ReadonlySet<DeclareStatus | undefined> = new Set(['pending', 'batched', 'declared']);

const lineKey = (putrecNo: string, gdsSeqno: number) => `${putrecNo}#${gdsSeqno}`;

/**
 * The rows of an index equal to each key, one equality read a key: anyOf over keys many rows share walks
 * a cursor that fake-indexeddb re-seeks past every equal key at each step (see reconciliation.ts).
 */
const eachEqual = async <Key, Row>(keys: readonly Key[], read: (key: Key) => Promise<Row[]>) =>
  (await Promise.all(keys.map(read))).flat();

/**
 * Customs' book for the lines the outbound movements take from: its posted stock and what live outbound
 * lists already declare out of it.
 *
 * The posted stock is the last INV211's. A line customs has not reported in any INV211 still has stock
 * on customs' book when Zonebook's book began with some: opening balances are posted as undeclared
 * stocktake adjustments (openingBalanceMovement) and never reach the official book by a receipt. For such
 * a line the stock is what our own journal says customs holds: every movement's effect on our custody,
 * less those of movements customs has not posted yet (pending, or on a document not posted).
 */
async function customsStockOf(
  db: ZonebookDb,
  outbound: readonly Movement[],
  books: readonly AccountBook[],
  bookLines: readonly BookLineRow[],
): Promise<CustomsStock[]> {
  const wanted = new Set(outbound.flatMap((movement) => movement.lines.map((line) => line.bookLineId)));
  const putrecNoOf = new Map(books.map((book) => [book.id, book.putrecNo]));
  const lines = bookLines.flatMap((line) => {
    const putrecNo = putrecNoOf.get(line.bookId);
    return wanted.has(line.id) && putrecNo !== undefined ? [{ line, putrecNo }] : [];
  });
  if (lines.length === 0) return [];

  const [official, prePosted, beforeGate] = await Promise.all([
    db.officialBookLines.bulkGet(lines.map(({ line, putrecNo }) => [putrecNo, line.gdsSeqno])),
    eachEqual([...new Set(lines.map(({ putrecNo }) => putrecNo))], (putrecNo) =>
      db.prePostings.where('putrecNo').equals(putrecNo).toArray(),
    ),
    eachEqual(claimingBeforeGate, (status) => db.declarations.where('state.status').equals(status).toArray()),
  ]);
  const seen = new Set(beforeGate.map((row) => row.id));
  const throughGate = await db.declarations.bulkGet([
    ...new Set(
      prePosted.flatMap((row) => (row.ie === 'E' && !seen.has(row.documentId) ? [row.documentId] : [])),
    ),
  ]);
  const declaredOut = new Map<string, DecimalString>();
  for (const row of [...beforeGate, ...throughGate]) {
    if (!row || row.document.kind !== 'INV101' || row.document.head.impexpMarkcd !== 'E') continue;
    if (!claimingStatuses.includes(row.state.status)) continue;
    const { putrecNo } = row.document.head;
    for (const listLine of row.document.lines) {
      if (listLine.putrecSeqno === undefined) continue;
      const key = lineKey(putrecNo, listLine.putrecSeqno);
      declaredOut.set(key, addDecimal(declaredOut.get(key) ?? '0', listLine.dclQty));
    }
  }

  const unreported = lines.filter((_, index) => official[index] === undefined).map(({ line }) => line.id);
  const ownBook = await stockCustomsHoldsByOurJournal(db, unreported);
  return lines.map(({ line, putrecNo }, index) => {
    const reported = official[index];
    return {
      bookLineId: line.id,
      posted: reported ? reported.stock : (ownBook.get(line.id) ?? '0'),
      postedFrom: reported ? 'inv211' : 'ownBook',
      declaredOut: declaredOut.get(lineKey(putrecNo, line.gdsSeqno)) ?? '0',
    };
  });
}

/** Per book line: our custody as customs has heard of it, from every journal row of the line. */
async function stockCustomsHoldsByOurJournal(
  db: ZonebookDb,
  bookLineIds: readonly string[],
): Promise<Map<string, DecimalString>> {
  const stock = new Map<string, DecimalString>();
  if (bookLineIds.length === 0) return stock;
  const wanted = new Set(bookLineIds);
  const rows = await journalRowsOfLines(db, bookLineIds);
  const documents = new Map(
    (
      await db.declarations.bulkGet([
        ...new Set(rows.flatMap((row) => (row.documentId !== undefined ? [row.documentId] : []))),
      ])
    )
      .filter((row): row is DeclarationRow => row !== undefined)
      .map((row) => [row.id, row]),
  );
  const postedByCustoms = (row: JournalRow) =>
    !inFlightStatuses.has(row.declareStatus) ||
    (row.documentId !== undefined && documents.get(row.documentId)?.state.status === 'posted');
  for (const row of rows.filter(postedByCustoms))
    for (const delta of balanceDeltas(postMovement(row.entry.movement)))
      if (wanted.has(delta.bookLineId) && isCustodyAccount(delta.account))
        stock.set(delta.bookLineId, addDecimal(stock.get(delta.bookLineId) ?? '0', delta.delta));
  return stock;
}
