import Dexie from 'dexie';
import type { BookLine } from '../domain/book-line';
import { sumDecimals, type DecimalString } from '../domain/decimal';
import { isCustodyAccount, type LedgerAccount } from '../ledger';
import type { BookLineRow, ZonebookDb } from './db';
import { journalRowsOfLines } from './line-history-pages';
import { bookLineOf } from './master-data';
import type { BalanceRow, JournalRow } from './rows';

export type CustodyFilter = 'zone' | 'display' | 'transit' | 'processing';

export interface InventoryFilter {
  bookId: string;
  /** Free text over item number, HS code, name, specification, barcode and line number. */
  text?: string;
  /** Two-digit HS chapter, e.g. "85". */
  hsChapter?: string;
  /** Country of origin, 3-digit customs code. */
  natcd?: string;
  /** Only lines with stock at this location. */
  locationId?: string;
  /** Only lines with stock in this kind of custody. */
  custody?: CustodyFilter;
}

export interface InventoryRow {
  line: BookLine;
  /** Balances of the custody accounts, zero ones left out. */
  byAccount: Partial<Record<LedgerAccount, DecimalString>>;
  /** Sum of the custody accounts: what we hold of the line. */
  held: DecimalString;
}

const matchesAccount = (account: string, filter: InventoryFilter) =>
  filter.locationId !== undefined
    ? account === `zone:${filter.locationId}`
    : filter.custody === 'zone'
      ? account.startsWith('zone:')
      : account === filter.custody;

async function lineIdsWithStock(db: ZonebookDb, filter: InventoryFilter): Promise<Set<string> | null> {
  if (filter.locationId === undefined && filter.custody === undefined) return null;
  const rows =
    filter.locationId !== undefined || filter.custody !== 'zone'
      ? await db.balances
          .where('account')
          .equals(filter.locationId !== undefined ? `zone:${filter.locationId}` : (filter.custody ?? ''))
          .toArray()
      : await db.balances.where('account').startsWith('zone:').toArray();
  return new Set(
    rows
      .filter(
        (row) =>
          row.bookId === filter.bookId && matchesAccount(row.account, filter) && !row.qty.startsWith('-'),
      )
      .map((row) => row.bookLineId),
  );
}

/**
 * One page of the inventory, book lines in line-number order with their balances by custody. The scan
 * stops as soon as the page is full, so the first page is quick even over a hundred thousand lines.
 */
export async function inventoryPage(
  db: ZonebookDb,
  filter: InventoryFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: InventoryRow[]; hasMore: boolean }> {
  const withStock = await lineIdsWithStock(db, filter);
  const text = filter.text?.trim().toLowerCase();
  const matches = (line: BookLineRow) =>
    (!text || line.searchText.includes(text)) &&
    (!filter.hsChapter || line.gdecd.startsWith(filter.hsChapter)) &&
    (!filter.natcd || line.natcd === filter.natcd) &&
    (!withStock || withStock.has(line.id));
  const lines = await db.bookLines
    .where('[bookId+gdsSeqno]')
    .between([filter.bookId, -Infinity], [filter.bookId, Infinity])
    .filter(matches)
    .offset(page.offset)
    .limit(page.limit + 1)
    .toArray();
  const shown = lines.slice(0, page.limit);
  const balances = await balancesOfLines(
    db,
    shown.map((line) => line.id),
  );
  const byLine = new Map<string, Record<string, DecimalString>>();
  for (const row of balances) {
    if (!isCustodyAccount(row.account)) continue;
    const accounts = byLine.get(row.bookLineId) ?? {};
    accounts[row.account] = row.qty;
    byLine.set(row.bookLineId, accounts);
  }
  return {
    rows: shown.map((line) => {
      const byAccount = byLine.get(line.id) ?? {};
      return { line: bookLineOf(line), byAccount, held: sumDecimals(Object.values(byAccount)) };
    }),
    hasMore: lines.length > page.limit,
  };
}

/**
 * The balance rows of these book lines, through the primary key's leading part: a separate index on the
 * book line would cost every posting one more entry per balance it writes.
 */
export function balancesOfLines(db: ZonebookDb, bookLineIds: readonly string[]): Promise<BalanceRow[]> {
  return db.balances
    .where('[bookLineId+account]')
    .inAnyRange(
      bookLineIds.map((id) => [
        [id, Dexie.minKey],
        [id, Dexie.maxKey],
      ]),
    )
    .toArray();
}

/** A book line's whole history, oldest first: in the journal's order, not by a device's clock. */
export async function historyOfBookLine(db: ZonebookDb, bookLineId: string): Promise<JournalRow[]> {
  return journalRowsOfLines(db, [bookLineId]);
}

/** Ids of movements that have been reversed, among the given ones. */
export async function reversedAmong(
  db: ZonebookDb,
  movementIds: readonly string[],
): Promise<Map<string, string>> {
  const rows = await db.journal.where('reversalOf').anyOf(movementIds).toArray();
  return new Map(rows.map((row) => [row.reversalOf ?? '', row.movementId]));
}
