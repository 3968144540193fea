import { describe, expect, it } from 'vitest';
import { batchPending, heldMovements, postMovements } from '../../../shared/store';
import { now } from './declarations-support';
import { book, deviceId, dump, lineFor, movement, recordedAt, seededStore } from './fixtures';

describe('heldMovements', () => {
  it('names the pending movements batching leaves pending, with the reason, and writes nothing', async () => {
    const db = await seededStore();
    // Its processor has no customs codes, so no 业务申报表 can name it.
    const processing = movement('processingOut', [lineFor('processingOut', '1', 0)]);
    await postMovements(db, [movement('entryFromAbroad', [lineFor('entryFromAbroad', '5', 0)]), processing], {
      deviceId,
      recordedAt,
    });
    const before = await dump(db);
    const held = await heldMovements(db, { now });
    expect(held).toEqual([
      expect.objectContaining({
        movementId: processing.id,
        code: 'missingCounterparty',
        bookId: book.id,
        kind: 'processingOut',
      }),
    ]);
    expect(await dump(db)).toEqual(before);

    // The same reason batchPending gives, and once batched the declared movement is no longer pending.
    const batched = await batchPending(db, { deviceId, now });
    expect(batched.held.map((h) => [h.movementId, h.code])).toEqual([[processing.id, 'missingCounterparty']]);
    expect(await heldMovements(db, { now })).toHaveLength(1);
  });

  it('is empty when nothing is pending', async () => {
    expect(await heldMovements(await seededStore(), { now })).toEqual([]);
  });
});
