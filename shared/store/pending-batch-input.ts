import { isBusinessChainKind, type BatchInput } from '../customs/batching';
import type { AccountBook } from '../domain/account-book';
import type { Enterprise } from '../domain/enterprise';
import type { BookLineRow, ZonebookDb } from './db';
import { businessFormsOf } from './business-forms';
import type { DeclareStatus } from './rows';

/** What the batching policy is run on: the pending movements in journal order and what they draw on. */
export interface PendingBatchInput {
  input: BatchInput;
  /** Each stored 业务申报表's row id, by its enterprise-internal number. */
  formIdOf: ReadonlyMap<string, string>;
}

/**
 * Reads the batching's input — for batchPending, which stores what it makes, and for heldMovements,
 * which only shows what it would hold — inside the caller's transaction over the journal, books, book
 * lines, enterprises and declarations. Undefined when nothing is pending.
 */
export async function readPendingBatchInput(db: ZonebookDb): Promise<PendingBatchInput | undefined> {
  const pending = (
    await db.journal
      .where('declareStatus')
      .equals('pending' satisfies DeclareStatus)
      .toArray()
  ).sort((a, b) => a.localSeq - b.localSeq);
  if (pending.length === 0) return undefined;
  const movements = pending.map((row) => row.entry.movement);
  const [books, bookLines] = await Promise.all([
    db.books.bulkGet([...new Set(movements.map((m) => m.bookId))]),
    db.bookLines.bulkGet([...new Set(movements.flatMap((m) => m.lines.map((line) => line.bookLineId)))]),
  ]);
  const knownBooks = books.filter((book): book is AccountBook => book !== undefined);
  const [enterprises, forms] = await Promise.all([
    db.enterprises.bulkGet([...new Set(knownBooks.map((book) => book.ownerEnterpriseId))]),
    businessFormsOf(db, [...new Set(movements.filter(isBusinessChainKind).map((m) => m.bookId))]),
  ]);
  return {
    input: {
      movements,
      books: knownBooks,
      bookLines: bookLines.filter((line): line is BookLineRow => line !== undefined),
      enterprises: enterprises.filter((enterprise): enterprise is Enterprise => enterprise !== undefined),
      businessForms: forms.refs,
    },
    formIdOf: forms.idOf,
  };
}
