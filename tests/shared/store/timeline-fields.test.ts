import { describe, expect, it } from 'vitest';
import { applyReceipt, batchPending, markSent, postMovements, type ZonebookDb } from '../../../shared/store';
import { commonResponse, incoming, listApproval, now } from './declarations-support';
import { deviceId, lineFor, movement, recordedAt, seededStore } from './fixtures';

// The timeline keeps what happened as fields a reader can put in its own language, beside the English
// detail older readers show.

async function sentList(): Promise<{ db: ZonebookDb; listId: string; passId: string; no: string }> {
  const db = await seededStore();
  await postMovements(db, [movement('entryFromAbroad', [lineFor('entryFromAbroad', '5', 0)])], {
    deviceId,
    recordedAt,
  });
  await batchPending(db, { deviceId, now });
  const [list, pass] = (await db.declarations.toArray()).sort((a, b) => a.id.localeCompare(b.id));
  await markSent(db, list!.id, { outcome: 'accepted', sha256: 'ab12' }, now);
  return { db, listId: list!.id, passId: pass!.id, no: list!.etpsInnerInvtNo };
}

describe('timeline fields', () => {
  it('writes the endpoint outcome, the receipt type and outcome, and the release of the pass', async () => {
    const { db, listId, passId, no } = await sentList();
    const qd = 'QD010125I000000001';
    await applyReceipt(db, incoming(commonResponse(no, '202500000000000001')));
    await applyReceipt(db, incoming(listApproval('202500000000000001', qd)));
    // A second approval (another file, not the same one again) moves nothing: the lifecycle says why.
    await applyReceipt(db, incoming(listApproval('202500000000000001', qd, '1', '20250303')));

    const list = await db.declarations.get(listId);
    const [sent, imported, approved, again] = list!.timeline.filter((event) => event.event !== 'created');
    expect(sent).toMatchObject({
      event: 'sent',
      outcome: 'accepted',
      sha256: 'ab12',
      detail: 'accepted ab12',
    });
    expect(imported).toMatchObject({
      event: 'receipt',
      messageType: 'CommonResponeMessage',
      outcome: 'imported',
    });
    expect(imported!.detail).toMatch(/^CommonResponeMessage · imported/);
    expect(approved).toMatchObject({ event: 'receipt', messageType: 'INV201', outcome: 'approved' });
    expect(approved!.ignored).toBeUndefined();
    expect(again).toMatchObject({ event: 'receipt', messageType: 'INV201', outcome: 'approved' });
    expect(again!.ignored).toEqual(expect.any(String));
    expect(again!.detail).toContain(again!.ignored);

    const pass = await db.declarations.get(passId);
    expect(pass!.timeline.find((event) => event.event === 'released')).toMatchObject({
      listKind: 'INV101',
      customsNo: qd,
      detail: `list ${qd}`,
    });
  });

  it('keeps the endpoint’s words of a duplicate as its reason', async () => {
    const { db, listId } = await sentList();
    await markSent(db, listId, { outcome: 'duplicate', reason: 'already in OutBox' }, now);
    const list = await db.declarations.get(listId);
    expect(list!.timeline.at(-1)).toMatchObject({
      event: 'sent',
      outcome: 'duplicate',
      reasons: ['already in OutBox'],
      detail: 'duplicate: already in OutBox',
    });
  });
});
