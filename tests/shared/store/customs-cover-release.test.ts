import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import { openingBalanceMovement } from '../../../shared/imports';
import type { Movement } from '../../../shared/ledger';
import {
  applyReceipt,
  batchPending,
  markSent,
  postMovements,
  type ReceiptVerdict,
  type ZonebookDb,
} from '../../../shared/store';
import {
  commonResponse,
  incoming,
  listApproval,
  listPosted,
  listPrePosted,
  now,
} from './declarations-support';
import { book, deviceId, lineFor, lines, locations, movement, recordedAt, seededStore } from './fixtures';

/**
 * A receipt that changes what customs' book covers must tell the sync engine (its `released`), or the
 * outbound movements held for it wait for the engine's safety wake-up.
 */

const post = (db: ZonebookDb, ...movements: Movement[]) =>
  postMovements(db, movements, { deviceId, recordedAt });

const releasedBy = (verdict: ReceiptVerdict) => (verdict.kind === 'applied' ? verdict.released : []);

/** Batches what is pending and marks the list that declares `made` as sent; resolves that list. */
async function sendListOf(db: ZonebookDb, made: Movement) {
  await batchPending(db, { deviceId, now });
  const list = (await db.declarations.toArray()).find(
    (row) => row.messageType === 'INV101' && row.movementIds.includes(made.id),
  );
  if (!list) throw new Error('no list was made');
  await markSent(db, list.id, { outcome: 'accepted' }, now);
  return list;
}

/** An inbound list of 20 of line 2, sent, approved and pre-posted, and the receipt that posts it. */
async function inboundListAwaitingPosting(db: ZonebookDb) {
  const entry = movement('entryFromAbroad', [lineFor('entryFromAbroad', '20', 1)]);
  await post(db, entry);
  const list = await sendListOf(db, entry);
  const qd = 'QD010125I000000001';
  await applyReceipt(db, incoming(commonResponse(list.etpsInnerInvtNo, '202500000000000001')));
  await applyReceipt(db, incoming(listApproval('202500000000000001', qd)));
  await applyReceipt(db, incoming(listPrePosted(list.etpsInnerInvtNo, '202500000000000001', qd)));
  return { list, posting: incoming(listPosted(list.etpsInnerInvtNo, qd, [{ gdsSeqno: 2, inQty: '20' }])) };
}

describe('applyReceipt: receipts that change what customs’ book covers', () => {
  it('reports an inbound list’s posting while an exit waits for it', async () => {
    const db = await seededStore();
    const { list, posting } = await inboundListAwaitingPosting(db);
    await post(db, movement('exitAbroad', [lineFor('exitAbroad', '15', 1)]));
    expect((await batchPending(db, { deviceId, now })).held.map((h) => h.code)).toEqual([
      'awaitingInboundPosting',
    ]);

    expect(releasedBy(await applyReceipt(db, posting))).toEqual([list.id]);
  });

  it('does not report a posting when no movement waits to be batched', async () => {
    const db = await seededStore();
    const { posting } = await inboundListAwaitingPosting(db);

    expect(releasedBy(await applyReceipt(db, posting))).toEqual([]);
  });

  it('reports an outbound list customs rejects while an exit waits for the stock it claimed', async () => {
    const db = await seededStore();
    const opening = openingBalanceMovement([{ bookLine: lines[0]!, location: locations[0]!, qty: '50' }], {
      id: newId(),
      bookId: book.id,
      occurredAt: recordedAt,
      approvedBy: 'supervisor-li',
      note: 'opening',
    });
    // Goods in that customs has not posted: ours to ship, not yet on customs' book.
    const entry = movement('entryFromAbroad', [lineFor('entryFromAbroad', '20', 0)]);
    const first = movement('exitAbroad', [lineFor('exitAbroad', '30', 0)]);
    await post(db, opening, entry, first);
    const list = await sendListOf(db, first);
    await post(db, movement('exitAbroad', [lineFor('exitAbroad', '30', 0)]));
    expect((await batchPending(db, { deviceId, now })).held.map((h) => h.code)).toEqual([
      'awaitingInboundPosting',
    ]);
    await applyReceipt(db, incoming(commonResponse(list.etpsInnerInvtNo, '202500000000000002')));

    const rejection = await applyReceipt(
      db,
      incoming(listApproval('202500000000000002', 'QD010125E000000002', '3')),
    );
    expect((await db.declarations.get(list.id))?.state.status).toBe('rejected');
    expect(releasedBy(rejection)).toEqual([list.id]);
  });
});
