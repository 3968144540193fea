import {
  batchMovements,
  counterAllocator,
  isBusinessChainKind,
  defaultBatchingPolicy,
  defaultDeclarationSettings,
  type BatchingPolicy,
  type DeclarationSettings,
  type HeldMovement,
} from '../customs/batching';
import type { AccountBook } from '../domain/account-book';
import type { Enterprise } from '../domain/enterprise';
import type { MovementKind } from '../ledger';
import { businessFormsOf } from './business-forms';
import type { BookLineRow, ZonebookDb } from './db';
import type { DeclareStatus } from './rows';

export interface HeldMovementView extends HeldMovement {
  bookId: string;
  kind: MovementKind;
  occurredAt: string;
}

/**
 * The pending movements the batching policy would leave pending now, each with its reason — what the
 * Declarations screen shows beside "batch now". It runs the same policy as batchPending over the same
 * rows, read-only: the numbers the trial mints are thrown away and nothing is written.
 */
export async function heldMovements(
  db: ZonebookDb,
  options: { now: string; policy?: BatchingPolicy; settings?: DeclarationSettings },
): Promise<HeldMovementView[]> {
  return db.transaction(
    'r',
    [db.journal, db.books, db.bookLines, db.enterprises, db.declarations],
    async () => {
      const pending = (
        await db.journal
          .where('declareStatus')
          .equals('pending' satisfies DeclareStatus)
          .toArray()
      ).sort((a, b) => a.localSeq - b.localSeq);
      if (pending.length === 0) return [];
      const movements = pending.map((row) => row.entry.movement);
      const [books, bookLines] = await Promise.all([
        db.books.bulkGet([...new Set(movements.map((m) => m.bookId))]),
        db.bookLines.bulkGet([...new Set(movements.flatMap((m) => m.lines.map((line) => line.bookLineId)))]),
      ]);
      const knownBooks = books.filter((book): book is AccountBook => book !== undefined);
      const enterprises = (
        await db.enterprises.bulkGet([...new Set(knownBooks.map((book) => book.ownerEnterpriseId))])
      ).filter((enterprise): enterprise is Enterprise => enterprise !== undefined);
      const forms = await businessFormsOf(db, [
        ...new Set(movements.filter(isBusinessChainKind).map((m) => m.bookId)),
      ]);
      const { held } = batchMovements(
        {
          movements,
          books: knownBooks,
          bookLines: bookLines.filter((line): line is BookLineRow => line !== undefined),
          enterprises,
          businessForms: forms.refs,
        },
        {
          policy: options.policy ?? defaultBatchingPolicy,
          settings: options.settings ?? defaultDeclarationSettings,
          now: options.now,
          allocate: counterAllocator('held-movements-trial', 0).allocate,
        },
      );
      const byId = new Map(movements.map((movement) => [movement.id, movement]));
      return held.flatMap((hold) => {
        const movement = byId.get(hold.movementId);
        return movement
          ? [{ ...hold, bookId: movement.bookId, kind: movement.kind, occurredAt: movement.occurredAt }]
          : [];
      });
    },
  );
}
