import { waitFor } from '@testing-library/react';
import { startSync } from '../../../renderer/sync';
import type { OutgoingMessage } from '../../../shared/customs/endpoint';
import { applyReceipt, batchPending, markSent, type ZonebookDb } from '../../../shared/store';
import { packageReceipt } from '../../shared/customs/support/receipts';
import {
  commonResponse,
  incoming,
  listApproval,
  listPrePosted,
} from '../../shared/store/declarations-support';
import { createFakeBridge } from '../fake-bridge';
import { deviceId, post, seededStore } from '../inventory/stock-fixture';

/** A book with five chips come in from abroad, not declared yet. */
async function chipsEntered() {
  const s = await seededStore();
  await post(
    s.db,
    'entryFromAbroad',
    [{ bookLineId: s.chip.id, qty: '5', toLocationId: s.a01.id }],
    s.book.id,
  );
  return s;
}

/** What each document the engine handed over was, in order; `beforeAnswer` runs as customs takes one. */
function recordingBridge(beforeAnswer?: (message: OutgoingMessage) => Promise<void>) {
  const sent: OutgoingMessage[] = [];
  const { bridge } = createFakeBridge({
    'customs.submit': async (message) => {
      sent.push(message);
      await beforeAnswer?.(message);
      return { outcome: 'accepted', etpsInnerInvtNo: message.etpsInnerInvtNo, sha256: '0'.repeat(64) };
    },
  });
  return { sent, bridge };
}

const documentOf = async (db: ZonebookDb, message: OutgoingMessage) =>
  (await db.declarations.toArray()).find((row) => row.etpsInnerInvtNo === message.etpsInnerInvtNo);

/** INV211 of an inbound list: customs' book after posting, as customs reports it. */
const inboundPosted = (
  etpsInnerNo: string,
  qd: string,
  putrecNo: string,
  line: { gdsSeqno: number; gdsMtno: string; inQty: string },
) =>
  packageReceipt(
    'INV211',
    `<BondInvtBsc><bondInvtNo>${qd}</bondInvtNo><etpsInnerInvtNo>${etpsInnerNo}</etpsInnerInvtNo><putrecNo>${putrecNo}</putrecNo><vrfdedMarkcd>2</vrfdedMarkcd></BondInvtBsc>
    <BwsDt><bwsNo>${putrecNo}</bwsNo><gdsSeqno>${line.gdsSeqno}</gdsSeqno><gdsMtno>${line.gdsMtno}</gdsMtno><inQty>${line.inQty}</inQty><actlIncQty>${line.inQty}</actlIncQty><actlRedcQty>0</actlRedcQty></BwsDt>`,
    { id: `INV211-${qd}`, total: 1, current: 1 },
  );

describe('the sync actor started by the renderer', { timeout: 60_000 }, () => {
  it('declares a movement posted while it sleeps at once, not at its once-a-minute wake-up', async () => {
    const s = await chipsEntered();
    const { sent, bridge } = recordingBridge();
    const sync = startSync(s.db, deviceId, bridge);
    try {
      await waitFor(() => expect(sent.map((m) => m.messageType)).toEqual(['INV101']));
      await waitFor(async () => expect((await documentOf(s.db, sent[0]!))?.outboxState).toBe('idle'));
      // The journal's newest row is what wakes it: a posting writes no outbox record of its own.
      await post(
        s.db,
        'entryFromAbroad',
        [{ bookLineId: s.chip.id, qty: '3', toLocationId: s.a01.id }],
        s.book.id,
      );
      await waitFor(() => expect(sent.map((m) => m.messageType)).toEqual(['INV101', 'INV101']), {
        timeout: 20_000,
      });
      expect(sent[1]!.etpsInnerInvtNo).not.toBe(sent[0]!.etpsInnerInvtNo);
    } finally {
      sync.stop();
    }
  });

  it('sends a gate pass as soon as its list’s approval releases it, not at the engine’s once-a-minute wake-up', async () => {
    const s = await chipsEntered();
    const { sent, bridge } = recordingBridge();
    const sync = startSync(s.db, deviceId, bridge);
    try {
      await waitFor(() => expect(sent.map((m) => m.messageType)).toEqual(['INV101']));
      const list = sent[0]!;
      // Customs answers a list once it has it: wait until the engine has recorded it as sent (the next
      // test has the answer come as the list is recorded).
      await waitFor(async () => expect((await documentOf(s.db, list))?.outboxState).toBe('idle'));
      await applyReceipt(s.db, incoming(commonResponse(list.etpsInnerInvtNo, '202500000000000041')));
      await applyReceipt(s.db, incoming(listApproval('202500000000000041', 'QD010125I000000041')));
      // The engine's safety-net wake-up is a minute away; the released pass must not wait for it. The
      // bound stays well under that minute, and leaves a slow, busy machine time to do the pass.
      await waitFor(() => expect(sent.map((m) => m.messageType)).toEqual(['INV101', 'SAS121']), {
        timeout: 20_000,
      });
      expect(sent[1]!.xml).toContain('QD010125I000000041');
    } finally {
      sync.stop();
    }
  });

  it('sends a gate pass released in the same instant its list is recorded as sent', async () => {
    const s = await chipsEntered();
    // Batched before the actor starts, so its watch of the outbox first sees the list ready, whatever the
    // timing of its first reading.
    await batchPending(s.db, { deviceId, now: new Date().toISOString() });
    const { sent, bridge } = recordingBridge(async (message) => {
      if (message.messageType !== 'INV101') return;
      // Customs answers before the engine records the list as sent. One transaction makes the worst case
      // certain: the list leaves the ready documents as its pass comes in, and their number stays one.
      const list = (await documentOf(s.db, message))!;
      await s.db.transaction('rw', s.db.tables, async () => {
        await markSent(s.db, list.id, { outcome: 'accepted' }, new Date().toISOString());
        await applyReceipt(s.db, incoming(commonResponse(list.etpsInnerInvtNo, '202500000000000042')));
        await applyReceipt(s.db, incoming(listApproval('202500000000000042', 'QD010125I000000042')));
      });
    });
    const sync = startSync(s.db, deviceId, bridge);
    try {
      await waitFor(() => expect(sent.map((m) => m.messageType)).toEqual(['INV101', 'SAS121']), {
        timeout: 20_000,
      });
      expect(sent[1]!.xml).toContain('QD010125I000000042');
    } finally {
      sync.stop();
    }
  });

  it('declares an exit held for customs’ book as soon as customs posts the goods in', async () => {
    const s = await chipsEntered();
    await post(
      s.db,
      'exitAbroad',
      [{ bookLineId: s.chip.id, qty: '3', fromLocationId: s.a01.id }],
      s.book.id,
    );
    const { sent, bridge } = recordingBridge();
    const sync = startSync(s.db, deviceId, bridge);
    try {
      // Customs' book has none of the chips yet: only the inbound list and its pass go.
      await waitFor(() => expect(sent.map((m) => [m.messageType, m.ieFlag])).toEqual([['INV101', 'I']]));
      const list = sent[0]!;
      await waitFor(async () => expect((await documentOf(s.db, list))?.outboxState).toBe('idle'));
      const qd = 'QD010125I000000043';
      for (const xml of [
        commonResponse(list.etpsInnerInvtNo, '202500000000000043'),
        listApproval('202500000000000043', qd),
        listPrePosted(list.etpsInnerInvtNo, '202500000000000043', qd),
      ])
        sync.actor.send({ type: 'RECEIPT', message: incoming(xml) });
      await waitFor(() => expect(sent.map((m) => m.messageType)).toEqual(['INV101', 'SAS121']), {
        timeout: 20_000,
      });
      // The engine is done and the exit still held: approval and 预核扣 do not cover it, posting does.
      await waitFor(() => expect(sync.actor.getSnapshot().matches({ passes: 'idle' })).toBe(true));
      expect(sent).toHaveLength(2);

      sync.actor.send({
        type: 'RECEIPT',
        message: incoming(
          inboundPosted(list.etpsInnerInvtNo, qd, s.book.putrecNo, {
            gdsSeqno: s.chip.gdsSeqno,
            gdsMtno: s.chip.gdsMtno,
            inQty: '5',
          }),
        ),
      });
      await waitFor(
        () => expect(sent.slice(2).map((m) => [m.messageType, m.ieFlag])).toEqual([['INV101', 'E']]),
        { timeout: 20_000 },
      );
    } finally {
      sync.stop();
    }
  });
});
