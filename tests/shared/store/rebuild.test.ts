import { describe, expect, it } from 'vitest';
import { zoneAccount } from '../../../shared/ledger';
import {
  balancesFromJournal,
  findBalanceDrift,
  postMovement,
  postMovements,
  rebuildBalances,
} from '../../../shared/store';
import {
  deviceId,
  lineFor,
  lines,
  locations,
  movement,
  recordedAt,
  reversalOf,
  seededStore,
} from './fixtures';

const options = { deviceId, recordedAt };

async function withHistory() {
  const db = await seededStore();
  const relocated = movement('relocate', [lineFor('relocate', '30')]);
  await postMovements(
    db,
    [
      movement('entryFromAbroad', [lineFor('entryFromAbroad', '100'), lineFor('entryFromAbroad', '2.5', 1)]),
      relocated,
      movement('releaseDomestic', [lineFor('releaseDomestic', '20')]),
      movement('displayOut', [lineFor('displayOut', '1', 1)]),
    ],
    options,
  );
  await postMovement(db, reversalOf(relocated), { deviceId: 'device-second', recordedAt });
  return db;
}

describe('rebuild and drift', () => {
  it('rebuilds identical balance rows from the journal', async () => {
    const db = await withHistory();
    const before = await db.balances.toArray();
    expect(await rebuildBalances(db)).toBe(before.length);
    expect(await db.balances.toArray()).toEqual(before);
  });

  it('finds a stored balance that differs from the journal, a missing one and an extra one, and a rebuild mends them', async () => {
    const db = await withHistory();
    const correct = await db.balances.toArray();
    const atA01: [string, string] = [lines[0]!.id, zoneAccount(locations[0]!.id)];
    await db.balances.update(atA01, { qty: '81' });
    await db.balances.delete([lines[1]!.id, 'display']);
    await db.balances.put({
      bookLineId: lines[2]!.id,
      account: 'transit',
      bookId: lines[2]!.bookId,
      qty: '1',
    });

    const drift = await findBalanceDrift(db);
    expect(drift).toEqual(
      expect.arrayContaining([
        { bookLineId: lines[0]!.id, account: atA01[1], stored: '81', fromJournal: '80' },
        { bookLineId: lines[1]!.id, account: 'display', stored: '0', fromJournal: '1' },
        { bookLineId: lines[2]!.id, account: 'transit', stored: '1', fromJournal: '0' },
      ]),
    );
    expect(drift).toHaveLength(3);
    await rebuildBalances(db);
    expect(await db.balances.toArray()).toEqual(correct);
    expect(await findBalanceDrift(db)).toEqual([]);
  });

  it('replays every entry of the journal', async () => {
    const db = await seededStore();
    const receipts = Array.from({ length: 40 }, () =>
      movement('entryFromAbroad', [lineFor('entryFromAbroad', '0.00001')]),
    );
    await postMovements(db, receipts, options);
    const balances = await balancesFromJournal(db);
    expect(balances.get(`${lines[0]!.id}|${zoneAccount(locations[0]!.id)}`)).toBe('0.0004');
  });

  it('does not lose a movement posted while the rebuild runs', async () => {
    const db = await withHistory();
    const received = movement('entryFromAbroad', [lineFor('entryFromAbroad', '7', 2)]);
    await Promise.all([rebuildBalances(db), postMovement(db, received, options)]);
    expect(await findBalanceDrift(db)).toEqual([]);
    expect(await db.balances.get([lines[2]!.id, zoneAccount(locations[0]!.id)])).toMatchObject({ qty: '7' });
  });
});
