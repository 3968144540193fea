import type { AccountBook } from '../domain/account-book';
import type { DecimalString } from '../domain/decimal';
import type { Location } from '../domain/location';
import { parseBalanceKey, type BalanceKey, type DeviceHead } from '../ledger';
import { journalTable, type BookLineRow } from './db';
import { lastRecordOf, resultOf } from './idb-requests';
import { rememberBalance, type JournalTail, type PostingCache } from './posting-cache';
import type { BalanceRow, JournalRow } from './rows';

/** What a posting needs to know, by key. */
export interface PostingNeeds {
  bookIds: readonly string[];
  lineIds: readonly string[];
  locationIds: readonly string[];
  balanceKeys: readonly BalanceKey[];
  reversedIds: readonly string[];
}

/** What only the journal itself can tell: never remembered, read in the posting's transaction. */
export interface ReversalFacts {
  originals: JournalRow[];
  earlierReversals: JournalRow[];
}

export interface PostingReads {
  tail: JournalTail;
  head: DeviceHead | null;
  reversals: ReversalFacts;
}

/**
 * Reads, in the posting's own transaction, whatever the cache lacks, and fills the cache with it. When
 * the cache has everything and nothing is reversed, it reads nothing and returns without awaiting, so
 * the posting's writes follow at once.
 */
export function readMissing(
  tx: IDBTransaction,
  cache: PostingCache,
  needs: PostingNeeds,
  deviceId: string,
): PostingReads | Promise<PostingReads> {
  const journal = tx.objectStore(journalTable);
  const missing = {
    books: needs.bookIds.filter((id) => !cache.books.has(id)),
    lines: needs.lineIds.filter((id) => !cache.bookLines.has(id)),
    locations: needs.locationIds.filter((id) => !cache.locations.has(id)),
    balances: needs.balanceKeys.filter((key) => !cache.balances.has(key)),
  };
  const knownTail = cache.tail;
  const knownHead = cache.heads.get(deviceId);
  const nothingMissing =
    knownTail !== undefined &&
    knownHead !== undefined &&
    needs.reversedIds.length === 0 &&
    Object.values(missing).every((ids) => ids.length === 0);
  if (nothingMissing)
    return { tail: knownTail, head: knownHead, reversals: { originals: [], earlierReversals: [] } };

  const getAll = <T>(storeName: string, ids: readonly string[], into: Map<string, T>) =>
    Promise.all(
      ids.map((id) =>
        resultOf<T | undefined>(tx.objectStore(storeName).get(id)).then((row) => row && into.set(id, row)),
      ),
    );
  const balances = tx.objectStore('balances');
  return Promise.all([
    getAll<AccountBook>('books', missing.books, cache.books),
    getAll<BookLineRow>('bookLines', missing.lines, cache.bookLines),
    getAll<Location>('locations', missing.locations, cache.locations),
    Promise.all(
      missing.balances.map((key) => {
        const { bookLineId, account } = parseBalanceKey(key);
        return resultOf<BalanceRow | undefined>(balances.get([bookLineId, account])).then((row) =>
          rememberBalance(cache, key, (row?.qty ?? '0') as DecimalString),
        );
      }),
    ),
    knownTail ?? lastRecordOf<JournalRow>(journal).then(tailOf),
    knownHead !== undefined ? knownHead : headOf(journal, deviceId),
    Promise.all(
      needs.reversedIds.map((id) => resultOf<JournalRow | undefined>(journal.index('movementId').get(id))),
    ),
    Promise.all(
      needs.reversedIds.map((id) => resultOf<JournalRow[]>(journal.index('reversalOf').getAll(id))),
    ),
  ]).then(([, , , , tail, head, originals, reversals]) => ({
    tail,
    head,
    reversals: {
      originals: originals.filter((row): row is JournalRow => row !== undefined),
      earlierReversals: reversals.flat(),
    },
  }));
}

function tailOf(row: JournalRow | undefined): JournalTail {
  return row ? { localSeq: row.localSeq, entryId: row.id } : { localSeq: 0, entryId: null };
}

/**
 * The device's last entry: its last row in merge order. On one workstation that is the journal's last
 * row; rows merged from other devices after it are walked back over one by one.
 */
async function headOf(journal: IDBObjectStore, deviceId: string): Promise<DeviceHead | null> {
  const cursor = await resultOf(journal.openCursor(null, 'prev'));
  if (!cursor) return null;
  return new Promise((resolve, reject) => {
    const request = cursor.request as IDBRequest<IDBCursorWithValue | null>;
    const visit = () => {
      const at = request.result;
      if (!at) return resolve(null);
      const row = at.value as JournalRow;
      if (row.deviceId === deviceId) return resolve({ deviceSeq: row.deviceSeq, hash: row.entry.hash });
      at.continue();
    };
    request.onsuccess = visit;
    request.onerror = () => reject(request.error);
    visit();
  });
}

/**
 * Checks, beside the posting's writes, that the journal still ends where the cache says: when it does
 * not, `onStale` aborts the posting before anything of it is committed.
 */
export function guardTail(tx: IDBTransaction, tail: JournalTail, onStale: () => void): void {
  if (tail.localSeq === 0) return; // An add at key 1 fails by itself if anything was written meanwhile.
  const journal = tx.objectStore(journalTable);
  const request = journal.get(tail.localSeq) as IDBRequest<JournalRow | undefined>;
  request.addEventListener('success', () => {
    if (request.result?.id !== tail.entryId) onStale();
  });
}
