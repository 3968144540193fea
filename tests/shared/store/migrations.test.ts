import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { createJournalEntry } from '../../../shared/ledger';
import { outboxScannedKey } from '../../../shared/store/outbox-queue';
import {
  batchPending,
  exportBackup,
  findBalanceDrift,
  historyOfBookLine,
  openStore,
  postMovement,
  queuedPending,
  readBackup,
  StoreError,
  type IndexedDbPlatform,
} from '../../../shared/store';
import {
  book,
  enterprise,
  freshPlatform,
  lineFor,
  lines,
  locations,
  movement,
  recordedAt,
  refusal,
  storedBalances,
} from './fixtures';

const name = 'zonebook-migrations';

/** The schema of version 2 as it was shipped, to build a database the way an older Zonebook left it. */
const version2 = {
  meta: 'key',
  enterprises: 'id, sccd',
  books: 'id, &putrecNo, ownerEnterpriseId',
  bookLines: 'id, &[bookId+gdsSeqno], [bookId+gdsMtno], barcode, gdecd',
  locations: 'id, bookId, enterpriseId, code',
  journal: 'id, &[deviceId+deviceSeq], &movementId, bookId, *bookLineIds, reversalOf',
  balances: '[bookLineId+account], bookLineId, bookId, account',
  outbox: 'movementId, status, bookId',
};

async function oldDatabase(platform: IndexedDbPlatform, version: number, stores: Record<string, string>) {
  const old = new Dexie(name, platform);
  old.version(version).stores(stores);
  await old.open();
  return old;
}

describe('schema migrations', () => {
  it('brings a version-1 database (meta only) to the current schema and keeps its meta rows', async () => {
    const platform = freshPlatform();
    const old = await oldDatabase(platform, 1, { meta: 'key' });
    await old.table('meta').bulkPut([
      { key: 'device', value: 'device-from-v1' },
      { key: 'settings', value: { language: 'zh-CN' } },
    ]);
    old.close();

    const db = await openStore(platform, name);
    expect(db.verno).toBe(11);
    expect(db.tables.map((table) => table.name).sort()).toEqual(
      [
        'balances',
        'bookLines',
        'books',
        'declarations',
        'enterprises',
        'journalEntries',
        'lineHistory',
        'locations',
        'meta',
        'officialBookLines',
        'outboxQueue',
        'prePostings',
        'receiptPockets',
        'receipts',
      ].sort(),
    );
    expect(await db.meta.toArray()).toEqual([
      { key: 'device', value: 'device-from-v1' },
      { key: 'settings', value: { language: 'zh-CN' } },
    ]);
    await db.enterprises.put(enterprise);
    await db.books.put(book);
    await db.bookLines.bulkPut(lines.map((line) => ({ ...line, searchText: '' })));
    await db.locations.bulkPut(locations);
    const entry = await postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '5')]), {
      deviceId: 'device-from-v1',
      recordedAt,
    });
    expect(entry.deviceSeq).toBe(1);
    expect(await db.journal.filter((row) => row.id === entry.id).first()).toMatchObject({ localSeq: 1 });
  });

  it('numbers the journal of a version-2 database and moves its outbox onto it, so posting, history and backup carry on', async () => {
    const platform = freshPlatform();
    const old = await oldDatabase(platform, 2, version2);
    await old.table('enterprises').put(enterprise);
    await old.table('books').put(book);
    await old.table('bookLines').bulkPut(lines.map((line) => ({ ...line, searchText: '' })));
    await old.table('locations').bulkPut(locations);
    const received = createJournalEntry(null, {
      id: '01950000-0000-7000-8000-000000000001',
      deviceId: 'device-old',
      recordedAt,
      movement: movement('entryFromAbroad', [lineFor('entryFromAbroad', '10')]),
    });
    const relocated = createJournalEntry(received, {
      id: '01950000-0000-7000-8000-000000000002',
      deviceId: 'device-old',
      recordedAt,
      movement: movement('relocate', [lineFor('relocate', '4')]),
    });
    await old.table('journal').bulkPut(
      [received, relocated].map((entry) => ({
        id: entry.id,
        deviceId: entry.deviceId,
        deviceSeq: entry.deviceSeq,
        movementId: entry.movement.id,
        bookId: entry.movement.bookId,
        bookLineIds: [lines[0]!.id],
        kind: entry.movement.kind,
        entry,
      })),
    );
    await old.table('balances').bulkPut([
      { bookLineId: lines[0]!.id, account: 'abroad', bookId: book.id, qty: '-10' },
      { bookLineId: lines[0]!.id, account: `zone:${locations[0]!.id}`, bookId: book.id, qty: '6' },
      { bookLineId: lines[0]!.id, account: `zone:${locations[1]!.id}`, bookId: book.id, qty: '4' },
    ]);
    await old.table('meta').put({ key: 'head:device-old', value: { deviceSeq: 2, hash: relocated.hash } });
    await old.table('outbox').put({
      movementId: received.movement.id,
      bookId: book.id,
      kind: 'entryFromAbroad',
      status: 'declared',
      documentId: 'document-from-v2',
      recordedAt,
    });
    old.close();

    const db = await openStore(platform, name);
    expect(
      (await db.journal.orderBy('localSeq').toArray()).map((row) => [row.localSeq, row.deviceSeq]),
    ).toEqual([
      [1, 1],
      [2, 2],
    ]);
    // Version 10 keeps custody balances only: the row for abroad is gone, the two locations stay.
    expect(await storedBalances(db)).toEqual(
      new Map([
        [`${lines[0]!.id}|zone:${locations[0]!.id}`, '6'],
        [`${lines[0]!.id}|zone:${locations[1]!.id}`, '4'],
      ]),
    );
    expect(await findBalanceDrift(db)).toEqual([]);
    expect(await db.journal.where('movementId').equals(received.movement.id).first()).toMatchObject({
      declareStatus: 'declared',
      documentId: 'document-from-v2',
    });
    expect((await db.journal.where('movementId').equals(relocated.movement.id).first())?.declareStatus).toBe(
      undefined,
    );
    const next = await postMovement(db, movement('releaseDomestic', [lineFor('releaseDomestic', '6')]), {
      deviceId: 'device-new',
      recordedAt,
    });
    expect(await db.journal.filter((row) => row.id === next.id).first()).toMatchObject({ localSeq: 3 });
    expect((await historyOfBookLine(db, lines[0]!.id)).map((row) => row.kind)).toEqual([
      'entryFromAbroad',
      'relocate',
      'releaseDomestic',
    ]);
    expect(readBackup(await exportBackup(db)).ok).toBe(true);
  });

  it('refuses a database written by a newer Zonebook, and leaves it as it was', async () => {
    const platform = freshPlatform();
    const newer = await oldDatabase(platform, 12, {
      ...version2,
      journal: 'id, &movementId',
      somethingNew: 'id',
    });
    await newer.table('meta').put({ key: 'device', value: 'device-from-the-future' });
    const nativeVersion = newer.backendDB().version;
    newer.close();

    const error = await refusal(openStore(platform, name));
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe('newerDatabase');
    expect(error.message).toMatch(/newer Zonebook/);

    const after = await oldDatabase(platform, 11, {
      ...version2,
      journal: 'id, &movementId',
      somethingNew: 'id',
    });
    expect(after.backendDB().version).toBe(nativeVersion);
    expect([...after.backendDB().objectStoreNames]).toContain('somethingNew');
    expect(await after.table('meta').toArray()).toEqual([{ key: 'device', value: 'device-from-the-future' }]);
    after.close();
  });

  it('adds the declaration tables to a version-5 database, keeping its rows, so pending movements batch', async () => {
    const platform = freshPlatform();
    const old = await oldDatabase(platform, 5, {
      ...version2,
      outbox: null as unknown as string,
      journal: 'id, &[deviceId+deviceSeq], &movementId, *bookLineIds, reversalOf, &localSeq, declareStatus',
    });
    await old.table('meta').put({ key: 'device', value: 'device-from-v5' });
    await old.table('enterprises').put(enterprise);
    await old.table('books').put(book);
    await old.table('bookLines').bulkPut(lines.map((line) => ({ ...line, searchText: '' })));
    await old.table('locations').bulkPut(locations);
    old.close();

    const db = await openStore(platform, name);
    expect(db.verno).toBe(11);
    expect(await db.meta.get('device')).toEqual({ key: 'device', value: 'device-from-v5' });
    await postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '5')]), {
      deviceId: 'device-from-v5',
      recordedAt,
    });
    const batched = await batchPending(db, { deviceId: 'device-from-v5', now: '2025-03-02T00:00:00.000Z' });
    expect(batched.documentIds).toHaveLength(2);
    expect(await db.declarations.count()).toBe(2);
    expect(await db.journal.where('leftPendingAs').equals('batched').count()).toBe(1);
  });

  it('moves a version-6 journal into the table keyed by merge order, row for row, and posts on after it', async () => {
    const platform = freshPlatform();
    const old = await oldDatabase(platform, 6, {
      ...version2,
      outbox: null as unknown as string,
      journal: 'id, &[deviceId+deviceSeq], &movementId, *bookLineIds, reversalOf, &localSeq, declareStatus',
    });
    await old.table('enterprises').put(enterprise);
    await old.table('books').put(book);
    await old.table('bookLines').bulkPut(lines.map((line) => ({ ...line, searchText: '' })));
    await old.table('locations').bulkPut(locations);
    let head = null as ReturnType<typeof createJournalEntry> | null;
    const rows = [];
    // More rows than one migration chunk holds, so the copy is seen to carry on past the first.
    for (let localSeq = 1; localSeq <= 5_003; localSeq++) {
      const entry = createJournalEntry(head, {
        id: `01950000-0000-7000-8000-${String(localSeq).padStart(12, '0')}`,
        deviceId: 'device-v6',
        recordedAt,
        movement: movement('entryFromAbroad', [lineFor('entryFromAbroad', '1')]),
      });
      head = entry;
      rows.push({
        id: entry.id,
        deviceId: entry.deviceId,
        deviceSeq: entry.deviceSeq,
        localSeq,
        movementId: entry.movement.id,
        bookId: book.id,
        bookLineIds: [lines[0]!.id],
        kind: entry.movement.kind,
        declareStatus: localSeq === 1 ? 'declared' : 'pending',
        entry,
      });
    }
    await old.table('journal').bulkAdd(rows);
    await old.table('balances').bulkPut([
      { bookLineId: lines[0]!.id, account: 'abroad', bookId: book.id, qty: '-5003' },
      { bookLineId: lines[0]!.id, account: `zone:${locations[0]!.id}`, bookId: book.id, qty: '5003' },
    ]);
    old.close();

    const db = await openStore(platform, name);
    expect(db.verno).toBe(11);
    expect([...db.backendDB().objectStoreNames]).not.toContain('journal');
    expect(await db.journal.count()).toBe(5_003);
    expect(await db.journal.orderBy(':id').keys()).toEqual(rows.map((row) => row.localSeq));
    expect(await db.journal.get(5_003)).toEqual(rows[5_002]);
    expect(await db.journal.where('leftPendingAs').equals('declared').count()).toBe(1);
    // Version 9 finds pending rows through the outbox queue and a line's history through its pages,
    // built here from rows spanning more than one migration chunk.
    const { rows: pending } = await queuedPending(db);
    expect(pending.map((row) => row.localSeq)).toEqual(rows.slice(1).map((row) => row.localSeq));
    expect((await historyOfBookLine(db, lines[0]!.id)).map((row) => row.localSeq)).toEqual(
      rows.map((row) => row.localSeq),
    );
    expect(await findBalanceDrift(db)).toEqual([]);
    const next = await postMovement(db, movement('entryFromAbroad', [lineFor('entryFromAbroad', '2')]), {
      deviceId: 'device-v6',
      recordedAt,
    });
    expect(next).toMatchObject({ deviceSeq: 5_004, prevHash: head!.hash });
    expect(await db.journal.get(5_004)).toMatchObject({ movementId: next.movement.id });
    // Version 11 starts the batching's scan mark at the migrated journal's end: the queue lists those
    // rows, and a movement posted after the migration is read after the mark.
    expect((await queuedPending(db)).rows.map((row) => row.localSeq)).toEqual([
      ...rows.slice(1).map((row) => row.localSeq),
      5_004,
    ]);
    expect(await db.meta.get(outboxScannedKey)).toEqual({ key: outboxScannedKey, value: 5_003 });
  });

  it('indexes a version-7 database’s documents by book and message type, keeping every row', async () => {
    const platform = freshPlatform();
    const old = await oldDatabase(platform, 7, {
      ...version2,
      outbox: null as unknown as string,
      journal: null as unknown as string,
      journalEntries: 'localSeq, &movementId, *bookLineIds, reversalOf, declareStatus',
      declarations: 'id, &etpsInnerInvtNo, outboxState, state.status, bookId, preEntryNo, customsNo, listId',
      receipts: 'id, &sha256, documentId, disposition, receivedAt',
      receiptPockets: 'pocketId',
      officialBookLines: '[putrecNo+gdsSeqno], putrecNo',
      prePostings: '[documentId+gdsSeqno], documentId, putrecNo',
    });
    const documents = [
      {
        id: 'doc-1',
        etpsInnerInvtNo: 'ZB-1',
        messageType: 'INV101',
        bookId: book.id,
        state: { status: 'posted' },
      },
      {
        id: 'doc-2',
        etpsInnerInvtNo: 'ZB-2',
        messageType: 'SAS101',
        bookId: book.id,
        state: { status: 'approved' },
      },
      {
        id: 'doc-3',
        etpsInnerInvtNo: 'ZB-3',
        messageType: 'SAS101',
        bookId: 'other',
        state: { status: 'draft' },
      },
    ];
    await old.table('declarations').bulkAdd(documents);
    old.close();

    const db = await openStore(platform, name);
    expect(db.verno).toBe(11);
    expect(await db.declarations.count()).toBe(3);
    const forms = await db.declarations.where('[bookId+messageType]').equals([book.id, 'SAS101']).toArray();
    expect(forms.map((row) => row.id)).toEqual(['doc-2']);
  });

  it('opens the same database again without change', async () => {
    const platform = freshPlatform();
    const first = await openStore(platform, name);
    await first.meta.put({ key: 'device', value: 'kept' });
    first.close();
    const again = await openStore(platform, name);
    expect(again.verno).toBe(11);
    expect(await again.meta.get('device')).toEqual({ key: 'device', value: 'kept' });
  });
});
