import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { AccountBook } from '../domain/account-book';
import type { DecimalString } from '../domain/decimal';
import type { Location } from '../domain/location';
import type { BalanceKey, DeviceHead } from '../ledger';
import type { BookLineRow, ZonebookDb } from './db';

/** The journal's last row as a posting last saw it: what its next rows follow. */
export interface JournalTail {
  /** 0 for an empty journal. */
  readonly localSeq: number;
  /** The entry id of that row, null for an empty journal: tells a restored journal from ours. */
  readonly entryId: string | null;
}

/**
 * What a posting would otherwise read, kept between postings so that a plain posting issues no read it
 * must wait for: master data, balances, the journal's tail and each device's head.
 *
 * Whether they still hold is checked in the posting's own transaction, not trusted: the posting reads
 * the row at the remembered tail beside its writes and aborts when it is not the row remembered, and
 * its rows' keys (localSeq) are unique, so a posting built on a journal someone else has added to fails
 * its add. Either way postMovements forgets everything and posts again from fresh reads. Balances are
 * written only by postings, by a rebuild (which writes the journal's own figures) and by a restore
 * (which replaces the journal too), so a tail that still holds vouches for the balances remembered.
 *
 * Writes Dexie reports, from this window or another, drop what they touch early, which saves retries.
 */
export interface PostingCache {
  books: Map<string, AccountBook>;
  bookLines: Map<string, BookLineRow>;
  locations: Map<string, Location>;
  /** By `${bookLineId}|${account}`; '0' where there is no row. */
  balances: Map<BalanceKey, DecimalString>;
  tail: JournalTail | undefined;
  heads: Map<string, DeviceHead | null>;
  /** Set while this connection reports its own posting, which must not drop what it just remembered. */
  reporting: boolean;
}

/** Every key of a table or index: a posting's writes are reported whole, not key by key. */
const everything = new RangeSet(Dexie.minKey, Dexie.maxKey);

/** Beyond this many remembered balances the memory is worth more than the read they save. */
const balanceLimit = 100_000;

const caches = new WeakMap<ZonebookDb, PostingCache>();

export function forgetJournalState(cache: PostingCache): void {
  cache.balances.clear();
  cache.heads.clear();
  cache.tail = undefined;
}

/** After replacing the database wholesale (a restore), nothing remembered holds. */
export function forgetAll(db: ZonebookDb): void {
  const cache = caches.get(db);
  if (!cache) return;
  cache.books.clear();
  cache.bookLines.clear();
  cache.locations.clear();
  forgetJournalState(cache);
}

export function rememberBalance(cache: PostingCache, key: BalanceKey, qty: DecimalString): void {
  if (cache.balances.size >= balanceLimit && !cache.balances.has(key)) cache.balances.clear();
  cache.balances.set(key, qty);
}

export function postingCacheOf(db: ZonebookDb): PostingCache {
  const existing = caches.get(db);
  if (existing) return existing;
  const cache: PostingCache = {
    books: new Map(),
    bookLines: new Map(),
    locations: new Map(),
    balances: new Map(),
    tail: undefined,
    heads: new Map(),
    reporting: false,
  };
  caches.set(db, cache);
  const prefix = `idb://${db.name}/`;
  const onMutated = (parts: ObservabilitySet) => {
    if (cache.reporting) return;
    const tables = new Set(
      Object.keys(parts)
        .filter((part) => part.startsWith(prefix))
        .map((part) => part.slice(prefix.length).split('/')[0]),
    );
    if (tables.has('books')) cache.books.clear();
    if (tables.has('bookLines')) cache.bookLines.clear();
    if (tables.has('locations')) cache.locations.clear();
    if (tables.has(db.journal.name) || tables.has('balances')) forgetJournalState(cache);
  };
  Dexie.on('storagemutated', onMutated);
  db.on('close', () => {
    Dexie.on.storagemutated.unsubscribe(onMutated);
    caches.delete(db);
  });
  return cache;
}

/**
 * Tells Dexie's observers — live queries in this window and, through Dexie's broadcast, in the others —
 * that a posting changed these tables, as Dexie does itself for the writes it makes.
 */
export function reportWrites(db: ZonebookDb, tableNames: readonly string[]): void {
  const parts: ObservabilitySet = {};
  for (const name of tableNames) {
    const { schema } = db.table(name);
    for (const index of ['', ':dels', ...schema.indexes.map((i) => i.name)])
      parts[`idb://${db.name}/${name}/${index}`] = everything;
  }
  const cache = postingCacheOf(db);
  cache.reporting = true;
  try {
    Dexie.on.storagemutated.fire(parts);
  } finally {
    cache.reporting = false;
  }
}
