import Dexie, { type Table } from 'dexie';
import type { AccountBook } from '../domain/account-book';
import type { BookLine } from '../domain/book-line';
import type { Enterprise } from '../domain/enterprise';
import type { Location } from '../domain/location';
import type { BalanceRow, JournalRow, MetaRow, OutboxRow } from './rows';

/** What the platform gives the store: the browser's IndexedDB, or fake-indexeddb in Node. */
export interface IndexedDbPlatform {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

/** A book line as stored: with the lower-cased text that the inventory's free-text filter searches. */
export interface BookLineRow extends BookLine {
  searchText: string;
}

export const defaultDatabaseName = 'zonebook';

/**
 * The Zonebook database. Each schema change is a new version() with its migration, never an edit of
 * an old one, so every installed database can be brought forward.
 */
export class ZonebookDb extends Dexie {
  meta!: Table<MetaRow, string>;
  enterprises!: Table<Enterprise, string>;
  books!: Table<AccountBook, string>;
  bookLines!: Table<BookLineRow, string>;
  locations!: Table<Location, string>;
  journal!: Table<JournalRow, string>;
  balances!: Table<BalanceRow, [string, string]>;
  outbox!: Table<OutboxRow, string>;

  constructor(name: string, platform: IndexedDbPlatform) {
    super(name, { indexedDB: platform.indexedDB, IDBKeyRange: platform.IDBKeyRange });
    this.version(1).stores({
      meta: 'key',
    });
    this.version(2).stores({
      enterprises: 'id, sccd',
      books: 'id, &putrecNo, ownerEnterpriseId',
      bookLines: 'id, &[bookId+gdsSeqno], [bookId+gdsMtno], barcode, gdecd',
      locations: 'id, bookId, enterpriseId, code',
      journal: 'id, &[deviceId+deviceSeq], &movementId, bookId, *bookLineIds, reversalOf',
      balances: '[bookLineId+account], bookLineId, bookId, account',
      outbox: 'movementId, status, bookId',
    });
    this.version(3)
      .stores({
        journal: 'id, &[deviceId+deviceSeq], &movementId, bookId, *bookLineIds, reversalOf, &localSeq',
      })
      .upgrade(async (tx) => {
        // The order taken in was not kept before; each device's own order is the best that is known.
        let localSeq = 0;
        await tx
          .table<JournalRow, string>('journal')
          .orderBy('[deviceId+deviceSeq]')
          .modify((row) => {
            row.localSeq = ++localSeq;
          });
      });
  }
}

export async function openStore(
  platform: IndexedDbPlatform,
  name = defaultDatabaseName,
): Promise<ZonebookDb> {
  const db = new ZonebookDb(name, platform);
  await db.open();
  return db;
}
