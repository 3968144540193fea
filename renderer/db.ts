import { ensureDeviceId, openStore, type ZonebookDb } from '../shared/store';

export interface OpenedStore {
  db: ZonebookDb;
  /** This workstation's device id: every journal entry it writes carries it. */
  deviceId: string;
  /** Whether the browser promised not to evict our data under storage pressure. */
  persisted: boolean;
}

/**
 * Opens the shared store on this browser's IndexedDB and asks for persistent storage. A database
 * written by a newer Zonebook is refused (Dexie's VersionError) rather than downgraded.
 */
export async function openBrowserStore(): Promise<OpenedStore> {
  const persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
  const db = await openStore({ indexedDB: window.indexedDB, IDBKeyRange: window.IDBKeyRange });
  return { db, deviceId: await ensureDeviceId(db), persisted };
}
