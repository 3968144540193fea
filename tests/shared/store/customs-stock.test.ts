import { describe, expect, it } from 'vitest';
import { customsDateOf, newId } from '../../../shared/domain';
import { openingBalanceMovement } from '../../../shared/imports';
import type { Movement } from '../../../shared/ledger';
import {
  applyReceipt,
  batchPending,
  heldMovements,
  markSent,
  postMovements,
  type ZonebookDb,
} from '../../../shared/store';
import { readPendingBatchInput } from '../../../shared/store/pending-batch-input';
import {
  commonResponse,
  gatePassed,
  incoming,
  listApproval,
  listPosted,
  listPrePosted,
  now,
  passApproval,
} from './declarations-support';
import { book, deviceId, lineFor, lines, locations, movement, recordedAt, seededStore } from './fixtures';

const at = (minute: number) => `2025-03-01T02:${String(minute).padStart(2, '0')}:00.000Z`;
const movementAt = (minute: number, made: Movement): Movement => ({
  ...made,
  occurredAt: at(minute),
  customsDate: customsDateOf(at(minute)),
});

/** The documents batchPending stored for these movements. */
const documentsOf = async (db: ZonebookDb, ...movements: Movement[]) =>
  (await db.declarations.toArray()).filter((row) =>
    movements.some((one) => row.movementIds.includes(one.id)),
  );

const post = (db: ZonebookDb, ...movements: Movement[]) =>
  postMovements(db, movements, { deviceId, recordedAt });

/** A book opened with 50 of line 1, which customs' book holds from before, and 30 of them shipped abroad. */
async function openedThenShipped() {
  const db = await seededStore();
  const opening = openingBalanceMovement([{ bookLine: lines[0]!, location: locations[0]!, qty: '50' }], {
    id: newId(),
    bookId: book.id,
    occurredAt: at(0),
    approvedBy: 'supervisor-li',
    note: 'opening',
  });
  const exit = movementAt(1, movement('exitAbroad', [lineFor('exitAbroad', '30', 0)]));
  await post(db, opening, exit);
  return { db, exit };
}

describe('readPendingBatchInput: customs’ book for outbound lists', () => {
  it('takes opening balances as stock customs already holds, so their exits are declared at once', async () => {
    const { db, exit } = await openedThenShipped();

    expect((await readPendingBatchInput(db))?.input.customsStock).toEqual([
      { bookLineId: lines[0]!.id, posted: '50', postedFrom: 'ownBook', declaredOut: '0' },
    ]);
    const { held } = await batchPending(db, { deviceId, now });
    expect(held).toEqual([]);
    expect((await documentsOf(db, exit)).map((row) => [row.messageType, row.ieFlag])).toEqual([
      ['INV101', 'E'],
      ['SAS121', 'E'],
    ]);
  });

  it('holds an exit until customs posts the goods in, counting lists already declared out, then releases it', async () => {
    const db = await seededStore();
    const entry = movementAt(0, movement('entryFromAbroad', [lineFor('entryFromAbroad', '20', 1)]));
    await post(db, entry);
    await batchPending(db, { deviceId, now });
    const [inbound] = (await documentsOf(db, entry)).filter((row) => row.messageType === 'INV101');
    await markSent(db, inbound!.id, { outcome: 'accepted' }, now);

    const exit = movementAt(1, movement('exitAbroad', [lineFor('exitAbroad', '15', 1)]));
    await post(db, exit);
    const first = await batchPending(db, { deviceId, now });
    expect(first.held).toEqual([
      expect.objectContaining({
        movementId: exit.id,
        code: 'awaitingInboundPosting',
        shortfalls: [
          expect.objectContaining({
            gdsSeqno: 2,
            needed: '15',
            allowed: '0',
            posted: '0',
            postedFrom: 'ownBook',
          }),
        ],
      }),
    ]);
    expect(await documentsOf(db, exit)).toEqual([]);

    // Approved and pre-posted (预增) is not enough: customs deducts only from posted stock.
    const qd = 'QD010125I000000001';
    await applyReceipt(db, incoming(commonResponse(inbound!.etpsInnerInvtNo, '202500000000000001')));
    await applyReceipt(db, incoming(listApproval('202500000000000001', qd)));
    await applyReceipt(db, incoming(listPrePosted(inbound!.etpsInnerInvtNo, '202500000000000001', qd)));
    expect((await batchPending(db, { deviceId, now })).held.map((h) => h.movementId)).toEqual([exit.id]);

    await applyReceipt(
      db,
      incoming(listPosted(inbound!.etpsInnerInvtNo, qd, [{ gdsSeqno: 2, inQty: '20' }])),
    );
    expect((await batchPending(db, { deviceId, now })).held).toEqual([]);
    expect((await documentsOf(db, exit)).map((row) => row.messageType)).toEqual(['INV101', 'SAS121']);

    // More goods come in, their list not yet posted; the exit list just made takes 15 of customs' 20
    // before later exits do.
    const more = movementAt(2, movement('entryFromAbroad', [lineFor('entryFromAbroad', '10', 1)]));
    const later = movementAt(3, movement('exitAbroad', [lineFor('exitAbroad', '4', 1)]));
    const tooMuch = movementAt(4, movement('exitAbroad', [lineFor('exitAbroad', '2', 1)]));
    await post(db, more, later, tooMuch);
    expect(
      (await heldMovements(db, { now })).map((h) => [h.kind, h.code, h.shortfalls?.[0]?.allowed]),
    ).toEqual([['exitAbroad', 'awaitingInboundPosting', '1']]);
    expect((await readPendingBatchInput(db))?.input.customsStock).toEqual([
      { bookLineId: lines[1]!.id, posted: '20', postedFrom: 'inv211', declaredOut: '15' },
    ]);
  });

  it('counts an outbound list through the gate as declared out until customs posts it', async () => {
    const { db, exit } = await openedThenShipped();
    await batchPending(db, { deviceId, now });
    const [list, pass] = await documentsOf(db, exit);
    const qd = 'QD010125E000000001';
    const passport = 'Z0101E250302000000000001';
    await markSent(db, list!.id, { outcome: 'accepted' }, now);
    await applyReceipt(db, incoming(commonResponse(list!.etpsInnerInvtNo, '202500000000000001')));
    await applyReceipt(db, incoming(listApproval('202500000000000001', qd)));
    await applyReceipt(db, incoming(listPrePosted(list!.etpsInnerInvtNo, '202500000000000001', qd)));
    await markSent(db, pass!.id, { outcome: 'accepted' }, now);
    await applyReceipt(db, incoming(commonResponse(pass!.etpsInnerInvtNo, '202500000000000002')));
    await applyReceipt(db, incoming(passApproval('202500000000000002', passport)));
    await applyReceipt(db, incoming(gatePassed('202500000000000002', passport, qd)));
    expect((await db.declarations.get(list!.id))?.state.status).toBe('gatePassed');

    const more = movementAt(2, movement('entryFromAbroad', [lineFor('entryFromAbroad', '10', 0)]));
    const second = movementAt(3, movement('exitAbroad', [lineFor('exitAbroad', '20.5', 0)]));
    await post(db, more, second);
    expect((await heldMovements(db, { now })).map((h) => h.shortfalls)).toEqual([
      [expect.objectContaining({ needed: '20.5', allowed: '20', posted: '50', declaredOut: '30' })],
    ]);
  });
});
