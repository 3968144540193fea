import { describe, expect, it } from 'vitest';
import type { OpeningStockLine } from '../../../shared/customs/opening-stock';
import type { Movement } from '../../../shared/ledger';
import { exportBackup, postMovement, restoreBackup, type ZonebookDb } from '../../../shared/store';
import { tellOpeningStock } from '../../../renderer/features/customs-endpoint/opening-stock';
import {
  deviceId,
  lineFor,
  movement,
  recordedAt,
  reversalOf,
  seededStore,
} from '../../shared/store/fixtures';
import { createFakeBridge } from '../fake-bridge';

/** A sandbox that records the movements of each call's lines, and can lose its state or fail. */
function recordingSandbox() {
  const sandbox = { stateId: 'state-1', failing: false, calls: [] as string[][] };
  const { bridge } = createFakeBridge({
    'customs.holdOpeningStock': async ({ lines }: { lines: OpeningStockLine[] }) => {
      if (sandbox.failing && lines.length > 0) throw new Error('the sandbox is not answering');
      sandbox.calls.push(lines.map((line) => line.movementId));
      return {
        recorded: true,
        endpoint: 'sandbox',
        added: lines.length,
        alreadyHeld: 0,
        stateId: sandbox.stateId,
      };
    },
  });
  /** Tells the store's opening stock and answers the movements sent, in order. */
  const tell = async (db: ZonebookDb) => {
    sandbox.calls = [];
    const told = await tellOpeningStock(db, bridge);
    return { told, sent: sandbox.calls.flat() };
  };
  return { sandbox, tell };
}

const post = (db: ZonebookDb, posted: Movement) => postMovement(db, posted, { deviceId, recordedAt });
const stocktake = (qty: string, line: number) =>
  movement('stocktakeAdjustment', [lineFor('stocktakeAdjustment', qty, line)]);

describe('tellOpeningStock', () => {
  it('sends only what the journal gained since the last telling, and cancellations of older rows', async () => {
    const db = await seededStore();
    const { tell } = recordingSandbox();
    const entry = movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')]);
    const first = stocktake('5', 1);
    await post(db, entry);
    await post(db, first);
    expect((await tell(db)).sent).toEqual([first.id]);

    const second = stocktake('2', 2);
    await post(db, movement('relocate', [lineFor('relocate', '3', 1)]));
    await post(db, second);
    expect((await tell(db)).sent).toEqual([second.id]);
    expect((await tell(db)).sent).toEqual([]);

    // The entry, pending when it was passed over, is reversed before it is declared: both are customs'
    // stock now, as the batching counts them, and the entry's row lies before what was told.
    const reversal = reversalOf(entry);
    await post(db, reversal);
    const told = await tell(db);
    expect(told.sent).toEqual([entry.id, reversal.id]);
    expect(told.told).toEqual({
      ok: true,
      value: { recorded: true, endpoint: 'sandbox', added: 2, alreadyHeld: 0, stateId: 'state-1' },
    });
    expect((await tell(db)).sent).toEqual([]);
  });

  it('tells a sandbox with another state everything again', async () => {
    const db = await seededStore();
    const { sandbox, tell } = recordingSandbox();
    const first = stocktake('5', 1);
    await post(db, first);
    expect((await tell(db)).sent).toEqual([first.id]);
    const second = stocktake('3', 2);
    await post(db, second);

    sandbox.stateId = 'state-2';
    expect((await tell(db)).sent).toEqual([first.id, second.id]);
    expect((await tell(db)).sent).toEqual([]);
  });

  it('tells again after a failed call what that call did not get through', async () => {
    const db = await seededStore();
    const { sandbox, tell } = recordingSandbox();
    const first = stocktake('5', 1);
    await post(db, first);
    sandbox.failing = true;
    expect((await tell(db)).told.ok).toBe(false);
    sandbox.failing = false;
    expect((await tell(db)).sent).toEqual([first.id]);
  });

  it('tells a restored journal from its beginning, however far the one it replaced was told', async () => {
    const db = await seededStore();
    const { tell } = recordingSandbox();
    for (const qty of ['1', '2', '3']) await post(db, stocktake(qty, 1));
    await tell(db);

    const other = await seededStore();
    const restored = stocktake('7', 2);
    await post(other, restored);
    await restoreBackup(db, await exportBackup(other));
    expect((await tell(db)).sent).toEqual([restored.id]);
  });
});
