import { describe, expect, it } from 'vitest';
import { postMovements, queuedPending } from '../../../shared/store';
import { enqueuePending, outboxScannedKey, rewriteQueue } from '../../../shared/store/outbox-queue';
import { deviceId, lineFor, movement, recordedAt, seededStore } from './fixtures';

const receipt = (qty: string) => movement('entryFromAbroad', [lineFor('entryFromAbroad', qty, 0)]);

async function storeWithThreePending() {
  const db = await seededStore();
  for (const qty of ['1', '2', '3']) await postMovements(db, [receipt(qty)], { deviceId, recordedAt });
  return db;
}

const seqsOf = async (db: Awaited<ReturnType<typeof seededStore>>) =>
  (await queuedPending(db)).rows.map((row) => row.localSeq);

describe('the outbox queue', () => {
  it('finds movements posted since the last pass by their merge numbers, without a queue record', async () => {
    const db = await storeWithThreePending();
    expect(await db.outboxQueue.count()).toBe(0);
    const queued = await queuedPending(db);
    expect(queued.rows.map((row) => row.localSeq)).toEqual([1, 2, 3]);
    expect(queued).toMatchObject({ scannedFrom: 0, scannedTo: 3, queueIds: [] });
  });

  it('after a pass, lists what it left pending and reads on after the last row it saw', async () => {
    const db = await storeWithThreePending();
    await rewriteQueue(db, await queuedPending(db), [2]);
    expect(await db.meta.get(outboxScannedKey)).toEqual({ key: outboxScannedKey, value: 3 });
    expect((await db.outboxQueue.toArray()).map((record) => record.localSeqs)).toEqual([[2]]);

    await postMovements(db, [receipt('4')], { deviceId, recordedAt });
    const queued = await queuedPending(db);
    expect(queued.rows.map((row) => row.localSeq)).toEqual([2, 4]);
    expect(queued).toMatchObject({ scannedFrom: 3, scannedTo: 4 });
  });

  it('writes nothing when a pass leaves pending exactly what it found queued, so it wakes nobody', async () => {
    const db = await storeWithThreePending();
    await rewriteQueue(db, await queuedPending(db), [1, 2, 3]);
    const [records, mark] = [await db.outboxQueue.toArray(), await db.meta.get(outboxScannedKey)];

    await rewriteQueue(db, await queuedPending(db), [3, 1, 2]);
    expect(await db.outboxQueue.toArray()).toEqual(records);
    expect(await db.meta.get(outboxScannedKey)).toEqual(mark);
  });

  it('keeps the oldest key when rewritten', async () => {
    const db = await storeWithThreePending();
    await rewriteQueue(db, await queuedPending(db), [1, 2]);
    await enqueuePending(db, [3]);
    const queued = await queuedPending(db);
    expect(queued.rows.map((row) => row.localSeq)).toEqual([1, 2, 3]);
    const [oldest] = queued.queueIds;

    await rewriteQueue(db, queued, [3]);
    expect(await db.outboxQueue.toArray()).toEqual([{ id: oldest, localSeqs: [3] }]);
  });

  it('empties when nothing is pending any more', async () => {
    const db = await storeWithThreePending();
    await rewriteQueue(db, await queuedPending(db), [1]);
    await rewriteQueue(db, await queuedPending(db), []);
    expect(await db.outboxQueue.count()).toBe(0);
    expect(await seqsOf(db)).toEqual([]);
  });

  it('finds rows returned to pending behind the mark through their queue record', async () => {
    const db = await storeWithThreePending();
    await rewriteQueue(db, await queuedPending(db), []);
    expect(await seqsOf(db)).toEqual([]);
    // As returnMovements does for a withdrawn list: the row is pending again and queued.
    const row = (await db.journal.get(2))!;
    await db.journal.put({ ...row, declareStatus: 'pending' });
    await enqueuePending(db, [2]);
    expect(await seqsOf(db)).toEqual([2]);
  });
});
