import { describe, expect, it } from 'vitest';
import {
  balanceKey,
  custodyBalances,
  GENESIS_HASH,
  kinds,
  replay,
  verifyJournal,
  zoneAccount,
  type Movement,
} from '../../../shared/ledger';
import {
  deviceHead,
  ensureDeviceId,
  findBalanceDrift,
  postMovement,
  postMovements,
} from '../../../shared/store';
import {
  deviceId,
  dump,
  lineFor,
  lines,
  locations,
  movement,
  recordedAt,
  outboxOf,
  refusal,
  reversalOf,
  seededStore,
  storedBalances,
} from './fixtures';

const receive = (qty: string, line = 0) =>
  movement('entryFromAbroad', [lineFor('entryFromAbroad', qty, line)]);

describe('postMovement', () => {
  it('writes the journal row, the balance rows and the outbox row together', async () => {
    const db = await seededStore();
    const received = receive('100');
    const entry = await postMovement(db, received, { deviceId, recordedAt });

    expect(entry).toMatchObject({ deviceId, deviceSeq: 1, recordedAt, prevHash: GENESIS_HASH });
    expect(entry.movement).toEqual(received);
    const journal = await db.journal.toArray();
    expect(journal).toEqual([
      {
        id: entry.id,
        deviceId,
        deviceSeq: 1,
        localSeq: 1,
        movementId: received.id,
        bookId: received.bookId,
        bookLineIds: [lines[0]!.id],
        kind: 'entryFromAbroad',
        declareStatus: 'pending',
        entry,
      },
    ]);
    // Only custody is kept: the other side of the double entry (abroad) is the journal's to replay.
    expect(await storedBalances(db)).toEqual(
      new Map([[`${lines[0]!.id}|${zoneAccount(locations[0]!.id)}`, '100']]),
    );
    expect((await db.balances.toArray()).every((row) => row.bookId === received.bookId)).toBe(true);
    expect(await outboxOf(db)).toEqual([
      {
        movementId: received.id,
        bookId: received.bookId,
        kind: 'entryFromAbroad',
        status: 'pending',
        recordedAt,
      },
    ]);
    expect(await deviceHead(db, deviceId)).toEqual({ deviceSeq: 1, hash: entry.hash });
  });

  it('writes an outbox row only for kinds customs must hear of', async () => {
    const db = await seededStore();
    await postMovement(db, receive('100'), { deviceId, recordedAt });
    const relocated = movement('relocate', [lineFor('relocate', '30')]);
    const adjusted = movement('stocktakeAdjustment', [lineFor('stocktakeAdjustment', '-1', 0)]);
    const released = movement('releaseDomestic', [lineFor('releaseDomestic', '20')]);
    await postMovements(db, [relocated, adjusted, released], { deviceId, recordedAt });

    expect(kinds.relocate.declare).toBe(false);
    expect(kinds.releaseDomestic.declare).toBe(true);
    const outboxKinds = (await outboxOf(db)).map((row) => row.kind).sort();
    const declarable = ['entryFromAbroad', 'relocate', 'stocktakeAdjustment', 'releaseDomestic'].filter(
      (kind) => kinds[kind as Movement['kind']].declare,
    );
    expect(outboxKinds).toEqual(declarable.sort());
    expect(await db.journal.count()).toBe(4);
  });

  it('keeps stored balances equal to a replay of the journal', async () => {
    const db = await seededStore();
    await postMovement(db, receive('100'), { deviceId, recordedAt });
    await postMovement(db, receive('7.12345', 1), { deviceId, recordedAt });
    await postMovement(db, movement('relocate', [lineFor('relocate', '30')]), { deviceId, recordedAt });
    await postMovement(db, movement('releaseDomestic', [lineFor('releaseDomestic', '0.00001', 1)]), {
      deviceId,
      recordedAt,
    });
    await postMovement(db, movement('releaseDomestic', [lineFor('releaseDomestic', '70')]), {
      deviceId,
      recordedAt,
    });

    const replayed = replay((await db.journal.toArray()).map((row) => row.entry));
    expect(await storedBalances(db)).toEqual(custodyBalances(replayed));
    expect(replayed.get(balanceKey(lines[0]!.id, 'abroad'))).toBe('-100');
    expect(await findBalanceDrift(db)).toEqual([]);
    // The location emptied by the release has no row left: zero balances are not stored.
    expect(replayed.has(balanceKey(lines[0]!.id, zoneAccount(locations[0]!.id)))).toBe(false);
    expect(await db.balances.get([lines[0]!.id, zoneAccount(locations[0]!.id)])).toBeUndefined();
    expect(replayed.get(balanceKey(lines[1]!.id, zoneAccount(locations[0]!.id)))).toBe('7.12344');
  });

  it('numbers the device’s entries 1, 2, 3 … and continues the hash chain across calls', async () => {
    const db = await seededStore();
    const first = await postMovement(db, receive('10'), { deviceId, recordedAt });
    const [second, third] = await postMovements(db, [receive('20'), receive('30')], { deviceId, recordedAt });
    const fourth = await postMovement(db, receive('40'), { deviceId, recordedAt });
    const other = await postMovement(db, receive('5'), { deviceId: 'device-other', recordedAt });

    expect([first, second, third, fourth].map((e) => e?.deviceSeq)).toEqual([1, 2, 3, 4]);
    expect(second?.prevHash).toBe(first.hash);
    expect(third?.prevHash).toBe(second?.hash);
    expect(fourth.prevHash).toBe(third?.hash);
    expect(other).toMatchObject({ deviceSeq: 1, prevHash: GENESIS_HASH });

    const rows = (await db.journal.toArray()).sort(
      (a, b) => a.deviceId.localeCompare(b.deviceId) || a.deviceSeq - b.deviceSeq,
    );
    const verdict = verifyJournal(rows.map((row) => row.entry));
    expect(verdict.ok).toBe(true);
    expect(await deviceHead(db, deviceId)).toEqual({ deviceSeq: 4, hash: fourth.hash });
    expect(await deviceHead(db, 'device-other')).toEqual({ deviceSeq: 1, hash: other.hash });
    // The database's own order runs across devices: the order the entries were taken in.
    const inOrder = await db.journal.orderBy('localSeq').toArray();
    expect(inOrder.map((row) => [row.localSeq, row.deviceId, row.deviceSeq])).toEqual([
      [1, deviceId, 1],
      [2, deviceId, 2],
      [3, deviceId, 3],
      [4, deviceId, 4],
      [5, 'device-other', 1],
    ]);
  });

  it('refuses the same movement posted twice as a duplicate, and changes nothing', async () => {
    const db = await seededStore();
    const received = receive('100');
    await postMovement(db, received, { deviceId, recordedAt });
    const before = await dump(db);

    const error = await refusal(postMovement(db, received, { deviceId, recordedAt }));
    expect(error.code).toBe('duplicate');
    expect(error.fields).toEqual([{ field: 'id', message: `Movement ${received.id} was already posted` }]);
    expect(await dump(db)).toEqual(before);

    const twiceInOneCall = await refusal(
      postMovements(db, [receive('1'), { ...received, lines: received.lines }], { deviceId, recordedAt }),
    );
    expect(twiceInOneCall.code).toBe('duplicate');
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a movement repeated within one call', async () => {
    const db = await seededStore();
    const received = receive('100');
    const before = await dump(db);
    const error = await refusal(postMovements(db, [received, received], { deviceId, recordedAt }));
    expect(error.code).toBe('duplicate');
    expect(error.fields[0]?.field).toBe('movement 2: id');
    expect(await dump(db)).toEqual(before);
  });

  it('gives each database one device id, kept across calls', async () => {
    const db = await seededStore();
    const id = await ensureDeviceId(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await ensureDeviceId(db)).toBe(id);
  });

  it('posts a batch that draws on stock received earlier in the same batch', async () => {
    const db = await seededStore();
    const entries = await postMovements(
      db,
      [receive('10'), movement('relocate', [lineFor('relocate', '10')])],
      { deviceId, recordedAt },
    );
    expect(entries).toHaveLength(2);
    expect(await storedBalances(db)).toEqual(
      new Map([[`${lines[0]!.id}|${zoneAccount(locations[1]!.id)}`, '10']]),
    );
  });
});

describe('postMovements with an import of thousands', () => {
  const receipts = (count: number) => Array.from({ length: count }, () => receive('1'));

  it('carries balances, the hash chain and a reversal of an early movement through to the last', async () => {
    const db = await seededStore();
    const first = receipts(2_100);
    const entries = await postMovements(
      db,
      [...first, reversalOf(first[0]!), movement('releaseDomestic', [lineFor('releaseDomestic', '2099')])],
      { deviceId, recordedAt },
    );
    expect(entries).toHaveLength(2_102);
    expect(entries.map((entry) => entry.deviceSeq)).toEqual(entries.map((_, index) => index + 1));
    // All that came in went out again: no custody is left, and the journal holds where it went.
    expect(await storedBalances(db)).toEqual(new Map());
    expect(replay(entries)).toEqual(
      new Map([
        [`${lines[0]!.id}|abroad`, '-2099'],
        [`${lines[0]!.id}|domestic`, '2099'],
      ]),
    );
    expect((await db.journal.where('movementId').equals(first[0]!.id).first())?.declareStatus).toBe(
      'cancelled',
    );
    expect(verifyJournal(entries).ok).toBe(true);
    expect(await findBalanceDrift(db)).toEqual([]);
  });

  it('refuses the whole import for one late input that does not parse, naming it alone', async () => {
    const db = await seededStore();
    const inputs: unknown[] = receipts(2_100);
    inputs[2_050] = { ...receive('1'), lines: [{ ...lineFor('entryFromAbroad', '1'), qty: '-1' }] };
    const error = await refusal(postMovements(db, inputs, { deviceId, recordedAt }));
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(
      /^1 of 2100 movements cannot be posted; nothing was posted\. movement 2051: /,
    );
    expect(await db.journal.count()).toBe(0);
    expect(await storedBalances(db)).toEqual(new Map());
  });

  it('refuses a late shortfall against stock received earlier in the import, writing nothing', async () => {
    const db = await seededStore();
    const error = await refusal(
      postMovements(
        db,
        [...receipts(2_000), movement('releaseDomestic', [lineFor('releaseDomestic', '2001')])],
        {
          deviceId,
          recordedAt,
        },
      ),
    );
    expect(error.code).toBe('shortfall');
    expect(error.message).toMatch(/movement 2001: /);
    expect(await db.journal.count()).toBe(0);
  });
});
