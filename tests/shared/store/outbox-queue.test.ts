import { describe, expect, it } from 'vitest';
import { postMovements, queuedPending } from '../../../shared/store';
import { rewriteQueue } from '../../../shared/store/outbox-queue';
import { deviceId, lineFor, movement, recordedAt, seededStore } from './fixtures';

async function storeWithThreePending() {
  const db = await seededStore();
  for (const qty of ['1', '2', '3'])
    await postMovements(db, [movement('entryFromAbroad', [lineFor('entryFromAbroad', qty, 0)])], {
      deviceId,
      recordedAt,
    });
  return db;
}

describe('the outbox queue', () => {
  it('keeps the oldest key when rewritten, so a pass that leaves movements pending wakes nobody', async () => {
    const db = await storeWithThreePending();
    const queued = await queuedPending(db);
    expect(queued.rows.map((row) => row.localSeq)).toEqual([1, 2, 3]);
    const [oldest] = queued.queueIds;

    await rewriteQueue(db, queued, [3]);
    expect(await db.outboxQueue.toArray()).toEqual([{ id: oldest, localSeqs: [3] }]);
  });

  it('writes nothing when every row read is still pending', async () => {
    const db = await storeWithThreePending();
    const before = await db.outboxQueue.toArray();
    await rewriteQueue(db, await queuedPending(db), [3, 1, 2]);
    expect(await db.outboxQueue.toArray()).toEqual(before);
  });

  it('empties when nothing is pending any more', async () => {
    const db = await storeWithThreePending();
    await rewriteQueue(db, await queuedPending(db), []);
    expect(await db.outboxQueue.count()).toBe(0);
  });
});
