import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import type { Movement } from '../../../shared/ledger';
import {
  findBalanceDrift,
  postMovement,
  postMovements,
  reversedAmong,
  type ZonebookDb,
} from '../../../shared/store';
import {
  deviceId,
  dump,
  lineFor,
  locations,
  movement,
  outboxOf,
  recordedAt,
  refusal,
  reversalOf,
  seededStore,
  setDeclareStatus,
  storedBalances,
} from './fixtures';

const options = { deviceId, recordedAt };

/** A store with 100 received at A-01 and 30 of it relocated to A-02. */
async function withRelocation() {
  const db = await seededStore();
  const received = movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')]);
  await postMovement(db, received, options);
  const afterReceipt = await storedBalances(db);
  const outboxAfterReceipt = await outboxOf(db);
  const relocated = movement('relocate', [
    lineFor('relocate', '30'),
    lineFor('relocate', '5', 0, locations[0]!.id, locations[2]!.id),
  ]);
  await postMovement(db, relocated, options);
  return { db, received, relocated, afterReceipt, outboxAfterReceipt };
}

async function setOutboxStatus(db: ZonebookDb, movementId: string, status: 'batched' | 'declared') {
  await setDeclareStatus(db, movementId, status);
}

describe('reversal through the store', () => {
  it('restores the balances exactly and links the reversal to its original', async () => {
    const { db, relocated, afterReceipt } = await withRelocation();
    const reversal = reversalOf(relocated);
    const entry = await postMovement(db, reversal, options);
    expect(await storedBalances(db)).toEqual(afterReceipt);
    expect(await findBalanceDrift(db)).toEqual([]);
    expect(await db.journal.filter((row) => row.id === entry.id).first()).toMatchObject({
      reversalOf: relocated.id,
      kind: 'reversal',
    });
    expect(await reversedAmong(db, [relocated.id, newId()])).toEqual(new Map([[relocated.id, reversal.id]]));
  });

  it('reverses a receipt back to no stock at all, and a declarable original not yet batched', async () => {
    const db = await seededStore();
    const received = movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')]);
    await postMovement(db, received, options);
    await postMovement(db, reversalOf(received), options);
    expect(await db.balances.count()).toBe(0);
    expect(await findBalanceDrift(db)).toEqual([]);
  });

  it('cancels the declaration of an original reversed before it was batched, so customs hears of neither', async () => {
    const db = await seededStore();
    const received = movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')]);
    await postMovement(db, received, options);
    await postMovement(db, reversalOf(received), options);
    expect(await outboxOf(db)).toEqual([
      expect.objectContaining({ movementId: received.id, status: 'cancelled' }),
    ]);

    const again = movement('entryFromAbroad', [lineFor('entryFromAbroad', '7')]);
    await postMovements(db, [again, reversalOf(again)], options);
    expect((await outboxOf(db)).find((mark) => mark.movementId === again.id)?.status).toBe('cancelled');
  });

  it('refuses a second reversal of the same movement', async () => {
    const { db, relocated } = await withRelocation();
    const first = reversalOf(relocated);
    await postMovement(db, first, options);
    const before = await dump(db);
    const error = await refusal(postMovement(db, reversalOf(relocated), options));
    expect(error.code).toBe('notReversible');
    expect(error.fields).toEqual([
      { field: 'reversalOf', message: `Movement ${relocated.id} was already reversed by ${first.id}` },
    ]);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses two reversals of one movement in one call', async () => {
    const { db, relocated } = await withRelocation();
    const before = await dump(db);
    const error = await refusal(postMovements(db, [reversalOf(relocated), reversalOf(relocated)], options));
    expect(error.code).toBe('notReversible');
    expect(error.fields.map((f) => f.field)).toEqual(['movement 2: reversalOf']);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses the reversal of a reversal', async () => {
    const { db, relocated } = await withRelocation();
    const reversal = reversalOf(relocated);
    await postMovement(db, reversal, options);
    const before = await dump(db);
    // Schema-wise a valid reversal (it states a real kind), but what it reverses is itself a reversal.
    const again: Movement = { ...reversalOf(relocated), reversalOf: reversal.id };
    const error = await refusal(postMovement(db, again, options));
    expect(error.code).toBe('notReversible');
    expect(error.fields[0]?.message).toMatch(/is itself a reversal/);
    expect(await dump(db)).toEqual(before);
  });

  it.each([
    ['batched', /in a customs document waiting to be sent/],
    ['declared', /was declared to customs and cannot be reversed silently; record a correcting movement/],
  ] as const)('refuses to reverse a movement whose outbox row is %s, saying why', async (status, reason) => {
    // Nothing but the customs state stands in the way: the receipt alone, stock untouched.
    const db = await seededStore();
    const received = movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')]);
    await postMovement(db, received, options);
    await setOutboxStatus(db, received.id, status);
    const before = await dump(db);
    const error = await refusal(postMovement(db, reversalOf(received), options));
    expect(error.code).toBe('notReversible');
    expect(error.fields).toEqual([{ field: 'reversalOf', message: expect.stringMatching(reason) }]);
    expect(error.message).toMatch(reason);
    expect(await dump(db)).toEqual(before);
  });

  it('reverses a movement customs need not hear of, whatever the outbox says of others', async () => {
    const { db, received, relocated } = await withRelocation();
    await setOutboxStatus(db, received.id, 'declared');
    await expect(postMovement(db, reversalOf(relocated), options)).resolves.toMatchObject({ deviceSeq: 3 });
  });

  it('refuses a reversal whose lines differ from the original’s', async () => {
    const { db, relocated } = await withRelocation();
    const before = await dump(db);
    const reversal = reversalOf(relocated);
    const fewer = { ...reversal, lines: reversal.lines.slice(0, 1) };
    const error = await refusal(postMovement(db, fewer, options));
    expect(error.code).toBe('invalid');
    expect(error.fields).toEqual([
      {
        field: 'lines',
        message: 'A reversal must mirror its original exactly: its lines differ from the original’s lines',
      },
    ]);
    const otherQty = {
      ...reversal,
      lines: reversal.lines.map((l, i) => (i === 0 ? { ...l, qty: '29' } : l)),
    };
    expect((await refusal(postMovement(db, otherQty, options))).fields[0]?.field).toBe('lines');
    const otherKind = {
      ...reversal,
      reversedKind: 'exitAbroad' as const,
      lines: reversal.lines.map((l) => ({
        bookLineId: l.bookLineId,
        qty: l.qty,
        fromLocationId: l.fromLocationId,
      })),
    };
    expect((await refusal(postMovement(db, otherKind, options))).fields[0]?.message).toMatch(
      /states kind exitAbroad/,
    );
    expect(await dump(db)).toEqual(before);
  });

  it('refuses the reversal of a movement that was never posted', async () => {
    const { db, relocated } = await withRelocation();
    const before = await dump(db);
    const ghost = { ...relocated, id: newId() };
    const error = await refusal(postMovement(db, reversalOf(ghost), options));
    expect(error.code).toBe('notFound');
    expect(error.fields[0]?.field).toBe('reversalOf');
    expect(await dump(db)).toEqual(before);
  });

  it('refuses a reversal that would take stock below zero', async () => {
    const { db, relocated } = await withRelocation();
    await postMovement(
      db,
      movement('releaseDomestic', [lineFor('releaseDomestic', '30', 0, locations[1]!.id)]),
      options,
    );
    const before = await dump(db);
    const error = await refusal(postMovement(db, reversalOf(relocated), options));
    expect(error.code).toBe('shortfall');
    expect(error.message).toMatch(/#1 MT-1 at location A-02: 0 there, 30 needed, short by 30/);
    expect(await dump(db)).toEqual(before);
  });

  it('reverses a movement posted earlier in the same call', async () => {
    const db = await seededStore();
    const received = movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')]);
    await postMovements(db, [received, reversalOf(received)], options);
    expect(await db.balances.count()).toBe(0);
  });
});
