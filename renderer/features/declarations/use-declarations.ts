import { useLiveQuery } from 'dexie-react-hooks';
import {
  heldMovements,
  reconcileBook,
  type DeclarationRow,
  type HeldMovementView,
  type JournalRow,
  type ReceiptRow,
  type ReconciliationRow,
  type ZonebookDb,
} from '../../../shared/store';

// Every querier is async and awaits its helper: Dexie watches the reads of an async querier through
// all its awaits, and stops after the first await of a plain one.

/** The book's documents, newest first (ids are UUIDv7, so they sort by creation). */
export function useBookDeclarations(db: ZonebookDb, bookId: string): DeclarationRow[] | undefined {
  return useLiveQuery(
    async () =>
      (await db.declarations.where('bookId').equals(bookId).toArray()).sort((a, b) =>
        b.id.localeCompare(a.id),
      ),
    [db, bookId],
  );
}

/** Every receipt applied to the document, in arrival order. */
export function useReceiptsOf(db: ZonebookDb, documentId: string): ReceiptRow[] | undefined {
  return useLiveQuery(
    async () => await db.receipts.where('documentId').equals(documentId).sortBy('receivedAt'),
    [db, documentId],
  );
}

/** The receipts of several documents at once, by document id. */
export function useReceiptsOfMany(db: ZonebookDb, documentIds: readonly string[]): Map<string, ReceiptRow[]> {
  const key = documentIds.join(',');
  const rows = useLiveQuery(
    async () =>
      documentIds.length
        ? await db.receipts
            .where('documentId')
            .anyOf([...documentIds])
            .toArray()
        : [],
    // The ids' content, not the array's identity, decides when to read again.
    [db, key],
  );
  const byDocument = new Map<string, ReceiptRow[]>();
  for (const row of rows ?? [])
    if (row.documentId) byDocument.set(row.documentId, [...(byDocument.get(row.documentId) ?? []), row]);
  return byDocument;
}

export function useMovementsOf(db: ZonebookDb, movementIds: readonly string[]): JournalRow[] | undefined {
  const key = movementIds.join(',');
  return useLiveQuery(
    async () =>
      movementIds.length
        ? (
            await db.journal
              .where('movementId')
              .anyOf([...movementIds])
              .toArray()
          ).sort((a, b) => a.localSeq - b.localSeq)
        : [],
    [db, key],
  );
}

/** Pending movements of the book the batching policy leaves pending now, with the reason. */
export function useHeldMovements(db: ZonebookDb, bookId: string): HeldMovementView[] | undefined {
  return useLiveQuery(
    async () =>
      (await heldMovements(db, { now: new Date().toISOString() })).filter((held) => held.bookId === bookId),
    [db, bookId],
  );
}

export function useReconciliation(db: ZonebookDb, bookId: string): ReconciliationRow[] | undefined {
  return useLiveQuery(async () => await reconcileBook(db, bookId), [db, bookId]);
}

/** Receipts kept because they matched no document, newest first. */
export function useUnmatchedReceipts(db: ZonebookDb): ReceiptRow[] | undefined {
  return useLiveQuery(
    async () => (await db.receipts.where('disposition').equals('unmatched').sortBy('receivedAt')).reverse(),
    [db],
  );
}
