import { openStore, type ZonebookDb } from '../shared/store/db';

export interface OpenedStore {
  db: ZonebookDb;
  /** Whether the browser promised not to evict our data under storage pressure. */
  persisted: boolean;
}

/** Opens the shared store on this browser's IndexedDB and asks for persistent storage. */
export async function openBrowserStore(): Promise<OpenedStore> {
  const persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
  const db = await openStore({ indexedDB: window.indexedDB, IDBKeyRange: window.IDBKeyRange });
  return { db, persisted };
}
