import Dexie from 'dexie';
import type { AccountBook } from '../domain/account-book';
import type { Location } from '../domain/location';
import type { DeviceHead } from '../ledger';
import type { BookLineRow, ZonebookDb } from './db';

/**
 * What a posting reads besides balances, kept between postings so a plain posting costs IndexedDB
 * five requests instead of eleven (requests, not rows, are what it charges for).
 *
 * Master data is dropped whenever Dexie reports its tables changed, in this window or another one.
 * The journal's tail (each device's head and the last localSeq) is dropped at every journal write
 * Dexie reports; a posting puts it back after its commit only when its own write was the only one
 * reported meanwhile. Should a report come late (from another window), both are unique indexes: a
 * posting built on a stale tail fails its add with a ConstraintError, and postMovements forgets the
 * tail and tries again with fresh reads.
 */
export interface PostingCache {
  books: Map<string, AccountBook>;
  bookLines: Map<string, BookLineRow>;
  locations: Map<string, Location>;
  heads: Map<string, DeviceHead | null>;
  lastLocalSeq: number | undefined;
  /** Journal writes Dexie reported, by anyone: a posting remembers its tail only if it saw its own alone. */
  journalWrites: number;
}

const caches = new WeakMap<ZonebookDb, PostingCache>();

function emptyCache(): PostingCache {
  return {
    books: new Map(),
    bookLines: new Map(),
    locations: new Map(),
    heads: new Map(),
    lastLocalSeq: undefined,
    journalWrites: 0,
  };
}

export function forgetJournalTail(cache: PostingCache): void {
  cache.heads.clear();
  cache.lastLocalSeq = undefined;
}

/** After replacing the database wholesale (a restore), nothing remembered holds. */
export function forgetAll(db: ZonebookDb): void {
  const cache = caches.get(db);
  if (!cache) return;
  cache.books.clear();
  cache.bookLines.clear();
  cache.locations.clear();
  forgetJournalTail(cache);
}

export function postingCacheOf(db: ZonebookDb): PostingCache {
  const existing = caches.get(db);
  if (existing) return existing;
  const cache = emptyCache();
  caches.set(db, cache);
  const prefix = `idb://${db.name}/`;
  const onMutated = (parts: Record<string, unknown>) => {
    const tables = new Set(
      Object.keys(parts)
        .filter((part) => part.startsWith(prefix))
        .map((part) => part.slice(prefix.length).split('/')[0]),
    );
    if (tables.has('books')) cache.books.clear();
    if (tables.has('bookLines')) cache.bookLines.clear();
    if (tables.has('locations')) cache.locations.clear();
    // Dexie cannot say whether a journal write added, changed or deleted rows, so any write — ours
    // included, which posting then puts back — drops the remembered tail.
    if (tables.has('journal')) {
      cache.journalWrites += 1;
      forgetJournalTail(cache);
    }
  };
  Dexie.on('storagemutated', onMutated);
  db.on('close', () => {
    Dexie.on.storagemutated.unsubscribe(onMutated);
    caches.delete(db);
  });
  return cache;
}

/** Records by id, from the cache where it has them and from the table otherwise (then remembered). */
export async function cachedGet<T extends { id: string }>(
  table: Dexie.Table<T, string>,
  known: Map<string, T>,
  ids: readonly string[],
): Promise<(T | undefined)[]> {
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) {
    const rows = await table.bulkGet(missing);
    rows.forEach((row) => row && known.set(row.id, row));
  }
  return ids.map((id) => known.get(id));
}
