import Dexie, { type Table } from 'dexie';

/** What the platform gives the store: the browser's IndexedDB, or fake-indexeddb in Node. */
export interface IndexedDbPlatform {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export const defaultDatabaseName = 'zonebook';

/**
 * The Zonebook database. Each schema change is a new version() with its migration, never an edit of
 * an old one, so every installed database can be brought forward.
 */
export class ZonebookDb extends Dexie {
  meta!: Table<MetaRow, string>;

  constructor(name: string, platform: IndexedDbPlatform) {
    super(name, { indexedDB: platform.indexedDB, IDBKeyRange: platform.IDBKeyRange });
    this.version(1).stores({
      meta: 'key',
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
