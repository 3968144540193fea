import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { expect } from 'vitest';
import {
  newId,
  type AccountBook,
  type BookLine,
  type Enterprise,
  type Location,
} from '../../../shared/domain';
import { reverseMovement, type Movement } from '../../../shared/ledger';
import {
  openStore,
  outboxRowOf,
  saveBook,
  saveBookLines,
  saveEnterprise,
  saveLocations,
  StoreError,
  type IndexedDbPlatform,
  type JournalRow,
  type OutboxRow,
  type ZonebookDb,
} from '../../../shared/store';
import { withDeclareStatus } from '../../../shared/store/outbox';
import { book, enterpriseId, lines, locations } from '../ledger/fixtures';

export {
  book,
  bookLine,
  lineFor,
  lines,
  location,
  locations,
  movement,
  occurredAt,
} from '../ledger/fixtures';

export const deviceId = 'device-test';
export const recordedAt = '2025-03-01T02:05:00.000Z';

export const enterprise: Enterprise = {
  id: enterpriseId,
  name: '北京示例保税物流有限公司',
  sccd: '913302017532977856',
  etpsno: '1101240001',
  aeoLevel: 'advanced',
};

/** A second enterprise's book, for "belongs to another book" refusals. */
export const otherEnterprise: Enterprise = { ...enterprise, id: newId(), name: '另一家企业' };
export const otherBook: AccountBook = {
  ...book,
  id: newId(),
  putrecNo: 'T0101W000456',
  ownerEnterpriseId: otherEnterprise.id,
};
export const otherBookLine: BookLine = { ...lines[0]!, id: newId(), bookId: otherBook.id };
export const otherLocation: Location = { id: newId(), bookId: otherBook.id, code: 'Z-99', name: 'Other bin' };

/** A platform with a brand-new, empty IndexedDB, so no two tests share a database. */
export function freshPlatform(): IndexedDbPlatform {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

/** An empty store at the current schema, on its own fake IndexedDB. */
export async function emptyStore(): Promise<ZonebookDb> {
  return openStore(freshPlatform(), `zonebook-test`);
}

/** A store holding the enterprise, its book with three lines and three locations, and another book. */
export async function seededStore(): Promise<ZonebookDb> {
  const db = await emptyStore();
  await saveEnterprise(db, enterprise);
  await saveEnterprise(db, otherEnterprise);
  await saveBook(db, book);
  await saveBook(db, otherBook);
  await saveBookLines(db, [...lines, otherBookLine]);
  await saveLocations(db, [...locations, otherLocation]);
  return db;
}

/** Every row of every table, in primary-key order: equal dumps mean nothing was written. */
export async function dump(db: ZonebookDb): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const table of db.tables) result[table.name] = await table.toArray();
  return result;
}

export function reversalOf(original: Movement, extra: Partial<Movement> = {}): Movement {
  return {
    ...reverseMovement(original, {
      id: newId(),
      occurredAt: original.occurredAt,
      reason: 'entered by mistake',
      ...(original.approval && { approval: original.approval }),
    }),
    ...extra,
  };
}

/** Awaits a refusal and returns it, failing the test if the promise resolved or threw something else. */
export async function refusal(promise: Promise<unknown>): Promise<StoreError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'expected a StoreError').toBeInstanceOf(StoreError);
  return error as StoreError;
}

/** The stored balance rows as a plain map "bookLineId|account" → qty. */
export async function storedBalances(db: ZonebookDb): Promise<Map<string, string>> {
  const rows = await db.balances.toArray();
  return new Map(rows.map((row) => [`${row.bookLineId}|${row.account}`, row.qty]));
}

/** The outbox marks the journal rows carry, as the backup and the batching see them. */
export async function outboxOf(db: ZonebookDb): Promise<OutboxRow[]> {
  return (await db.journal.orderBy('localSeq').toArray()).flatMap((row) => outboxRowOf(row) ?? []);
}

export async function setDeclareStatus(
  db: ZonebookDb,
  movementId: string,
  declareStatus: 'batched' | 'declared',
): Promise<void> {
  await db.journal
    .where('movementId')
    .equals(movementId)
    .modify((row: JournalRow) => {
      withDeclareStatus(row, declareStatus);
      row.documentId = newId();
    });
}
