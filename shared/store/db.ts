import Dexie, { type Table } from 'dexie';
import type { AccountBook } from '../domain/account-book';
import type { BookLine } from '../domain/book-line';
import type { Enterprise } from '../domain/enterprise';
import type { Location } from '../domain/location';
import { outsideAccounts } from '../ledger/accounts';
import { prepareSha256 } from '../ledger/sha256';
import { StoreError } from './errors';
import type {
  DeclarationRow,
  OfficialBookLineRow,
  PrePostingRow,
  ReceiptPocketRow,
  ReceiptRow,
} from './declaration-rows';
import { historyIndexedKey, historyPagesOf } from './line-history-pages';
import { outboxScannedKey } from './outbox-queue';
import { withDeclareStatus } from './outbox';
import type { BalanceRow, JournalRow, LineHistoryPage, MetaRow, OutboxQueueRow, OutboxRow } from './rows';

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

/** The journal's table; its rows are keyed by localSeq. */
export const journalTable = 'journalEntries';
const migrationChunk = 5_000;

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
  balances!: Table<BalanceRow, [string, string]>;
  declarations!: Table<DeclarationRow, string>;
  receipts!: Table<ReceiptRow, string>;
  receiptPockets!: Table<ReceiptPocketRow, string>;
  officialBookLines!: Table<OfficialBookLineRow, [string, number]>;
  prePostings!: Table<PrePostingRow, [string, number]>;
  outboxQueue!: Table<OutboxQueueRow, number>;
  lineHistory!: Table<LineHistoryPage, [string, number]>;

  constructor(name: string, platform: IndexedDbPlatform) {
    // No query cache: postings write with IndexedDB directly (see posting.ts), which Dexie's cache would
    // not see, and report their writes, upon which live queries read again from the database itself.
    super(name, { indexedDB: platform.indexedDB, IDBKeyRange: platform.IDBKeyRange, cache: 'disabled' });
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
    this.version(4)
      .stores({
        journal: 'id, &[deviceId+deviceSeq], &movementId, *bookLineIds, reversalOf, &localSeq, declareStatus',
      })
      .upgrade(async (tx) => {
        // The outbox mark moves onto the journal row: posting then writes one record per movement.
        const marks = new Map(
          (await tx.table<OutboxRow, string>('outbox').toArray()).map((row) => [row.movementId, row]),
        );
        await tx
          .table<JournalRow, string>('journal')
          .toCollection()
          .modify((row) => {
            const mark = marks.get(row.movementId);
            if (!mark) return;
            row.declareStatus = mark.status;
            if (mark.documentId !== undefined) row.documentId = mark.documentId;
          });
      });
    this.version(5).stores({ outbox: null });
    // Declarations: the documents batched from the outbox, every receipt, and customs' own book.
    this.version(6).stores({
      declarations: 'id, &etpsInnerInvtNo, outboxState, state.status, bookId, preEntryNo, customsNo, listId',
      receipts: 'id, &sha256, documentId, disposition, receivedAt',
      receiptPockets: 'pocketId',
      officialBookLines: '[putrecNo+gdsSeqno], putrecNo',
      prePostings: '[documentId+gdsSeqno], documentId, putrecNo',
    });
    // The journal is keyed by its merge order and keeps only the indexes something reads by: IndexedDB
    // writes every index entry of every row, so each one dropped makes posting and imports cheaper. The
    // device index goes (a device's head is the last of its rows in merge order) and so does the entry
    // id index (nothing looks an entry up by it). A primary key cannot change in place, hence the copy.
    this.version(7)
      .stores({
        journal: null,
        [journalTable]: 'localSeq, &movementId, *bookLineIds, reversalOf, declareStatus',
      })
      .upgrade(async (tx) => {
        const from = tx.table<JournalRow, string>('journal');
        const to = tx.table<JournalRow, number>(journalTable);
        const total = await from.count();
        for (let offset = 0; offset < total; offset += migrationChunk)
          await to.bulkAdd(await from.orderBy('localSeq').offset(offset).limit(migrationChunk).toArray());
      });
    // The batching reads a book's 业务申报表 and 出入库单 on every pass while goods are out for
    // processing or on display; by book alone it would read every 核注清单 and 核放单 ever sent too.
    this.version(8).stores({
      declarations:
        'id, &etpsInnerInvtNo, outboxState, state.status, bookId, [bookId+messageType], preEntryNo, customsNo, listId',
    });
    // Pending movements and a book line's history are found through records written with the rows (the
    // outbox queue, history pages) instead of an index entry on every journal row: an import of 100,000
    // movements then writes 100,000 entries of the movement id index alone, not three times as many.
    this.version(9)
      .stores({
        [journalTable]: 'localSeq, &movementId, reversalOf, leftPendingAs',
        outboxQueue: '++id',
        lineHistory: '[bookLineId+firstLocalSeq]',
      })
      .upgrade(async (tx) => {
        const journal = tx.table<JournalRow, number>(journalTable);
        const pending: number[] = [];
        let after = 0;
        for (;;) {
          const rows = await journal.where(':id').above(after).limit(migrationChunk).toArray();
          if (rows.length === 0) break;
          for (const row of rows) {
            withDeclareStatus(row, row.declareStatus);
            if (row.declareStatus === 'pending') pending.push(row.localSeq);
          }
          await journal.bulkPut(rows);
          await tx.table<LineHistoryPage, [string, number]>('lineHistory').bulkAdd(historyPagesOf(rows));
          after = rows[rows.length - 1]?.localSeq ?? after;
        }
        if (pending.length) await tx.table<OutboxQueueRow, number>('outboxQueue').add({ localSeqs: pending });
      });
    // Only custody balances are kept: the outside side of each movement (abroad, the domestic market...)
    // is read by nothing but a replay, which gives it from the journal, and writing it cost a posting
    // one more row per book line. A book line's balances are read through the primary key's first part,
    // so its own index goes too.
    this.version(10)
      .stores({ balances: '[bookLineId+account], bookId, account' })
      .upgrade(async (tx) => {
        await tx
          .table<BalanceRow, [string, string]>('balances')
          .where('account')
          .anyOf(outsideAccounts)
          .delete();
      });
    // A posting no longer queues its pending movements nor writes its history pages: the batching reads
    // the rows after its scan mark, and pages are written after the posting (see history-indexing.ts).
    // Every row so far is queued and paged already, so both marks start at the journal's end.
    this.version(11)
      .stores({})
      .upgrade(async (tx) => {
        const [last] = await tx.table<JournalRow, number>(journalTable).reverse().limit(1).primaryKeys();
        if (last === undefined) return; // No mark reads as 0: an empty journal has nothing behind it.
        await tx.table<MetaRow, string>('meta').bulkPut([
          { key: outboxScannedKey, value: last },
          { key: historyIndexedKey, value: last },
        ]);
      });
  }

  /** The hash-chained journal, one row per movement, in the order this database took them in. */
  get journal(): Table<JournalRow, number> {
    return this.table(journalTable);
  }
}

/**
 * Opens the database, bringing an older one forward. One written by a newer Zonebook is refused before
 * it is touched: Dexie 4 would otherwise open it at its own version and patch our old schema into it.
 */
export async function openStore(
  platform: IndexedDbPlatform,
  name = defaultDatabaseName,
): Promise<ZonebookDb> {
  const db = new ZonebookDb(name, platform);
  // Dexie stores version v as native version 10·v (plus one for each schema patch it makes).
  const installed = (await platform.indexedDB.databases?.())?.find((info) => info.name === name)?.version;
  if (installed !== undefined && installed >= (db.verno + 1) * 10) {
    throw new StoreError(
      'newerDatabase',
      `This database was written by a newer Zonebook (schema ${Math.floor(installed / 10)}; this one knows up to ${db.verno}). Nothing was changed: update Zonebook to open it.`,
    );
  }
  // Before the first posting, which hashes inside its transaction and cannot wait for a compile there.
  await Promise.all([db.open(), prepareSha256()]);
  return db;
}
