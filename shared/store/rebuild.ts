import { addPostingsInto, custodyBalances, parseBalanceKey, type BalanceKey } from '../ledger';
import type { DecimalString } from '../domain/decimal';
import type { ZonebookDb } from './db';
import { asStorageError } from './errors';
import type { BalanceRow } from './rows';

const chunk = 5_000;

/**
 * The custody balances replayed from the journal alone — the rows the store keeps — in chunks so a
 * million entries never sit in memory at once.
 */
export async function balancesFromJournal(db: ZonebookDb): Promise<Map<BalanceKey, DecimalString>> {
  const balances = new Map<BalanceKey, DecimalString>();
  let last = 0;
  for (;;) {
    const rows = await db.journal.where(':id').above(last).limit(chunk).toArray();
    for (const row of rows) addPostingsInto(balances, row.entry.postings);
    const tail = rows[rows.length - 1];
    if (!tail || rows.length < chunk) return custodyBalances(balances);
    last = tail.localSeq;
  }
}

export interface BalanceDrift {
  bookLineId: string;
  account: string;
  stored: DecimalString;
  fromJournal: DecimalString;
}

/** Where the stored balance rows differ from a replay of the journal; empty when they agree exactly. */
export async function findBalanceDrift(db: ZonebookDb): Promise<BalanceDrift[]> {
  // One read transaction, so a movement posted meanwhile is in both or in neither.
  const [replayed, stored] = await db.transaction('r', db.journal, db.balances, async () => [
    await balancesFromJournal(db),
    await db.balances.toArray(),
  ]);
  const drift: BalanceDrift[] = [];
  const seen = new Set<string>();
  for (const row of stored) {
    const key = `${row.bookLineId}|${row.account}` as BalanceKey;
    seen.add(key);
    const fromJournal = replayed.get(key) ?? '0';
    if (fromJournal !== row.qty)
      drift.push({ bookLineId: row.bookLineId, account: row.account, stored: row.qty, fromJournal });
  }
  for (const [key, qty] of replayed) {
    if (seen.has(key)) continue;
    const { bookLineId, account } = parseBalanceKey(key);
    drift.push({ bookLineId, account, stored: '0', fromJournal: qty });
  }
  return drift;
}

/**
 * Rewrites every balance row from the journal. Reading the journal and writing the rows is one
 * transaction, so a movement posted meanwhile waits for it rather than having its balances overwritten.
 */
export async function rebuildBalances(db: ZonebookDb): Promise<number> {
  try {
    return await db.transaction('rw', [db.journal, db.bookLines, db.balances], async () => {
      const replayed = await balancesFromJournal(db);
      const bookOf = new Map((await db.bookLines.toArray()).map((line) => [line.id, line.bookId]));
      const rows: BalanceRow[] = [...replayed].map(([key, qty]) => {
        const { bookLineId, account } = parseBalanceKey(key);
        return { bookLineId, account, qty, bookId: bookOf.get(bookLineId) ?? '' };
      });
      await db.balances.clear();
      await db.balances.bulkAdd(rows);
      return rows.length;
    });
  } catch (error) {
    throw asStorageError(error);
  }
}
