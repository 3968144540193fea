import { waitFor } from '@testing-library/react';
import { startSync } from '../../../renderer/sync';
import type { OutgoingMessage } from '../../../shared/customs/endpoint';
import { applyReceipt } from '../../../shared/store';
import { commonResponse, incoming, listApproval } from '../../shared/store/declarations-support';
import { createFakeBridge } from '../fake-bridge';
import { deviceId, post, seededStore } from '../inventory/stock-fixture';

describe('the sync actor started by the renderer', { timeout: 60_000 }, () => {
  it('sends a gate pass as soon as its list’s approval releases it, not at the engine’s once-a-minute wake-up', async () => {
    const s = await seededStore();
    await post(
      s.db,
      'entryFromAbroad',
      [{ bookLineId: s.chip.id, qty: '5', toLocationId: s.a01.id }],
      s.book.id,
    );
    const sent: OutgoingMessage[] = [];
    const { bridge } = createFakeBridge({
      'customs.submit': async (message) => {
        sent.push(message);
        return { outcome: 'accepted', etpsInnerInvtNo: message.etpsInnerInvtNo, sha256: '0'.repeat(64) };
      },
    });
    const sync = startSync(s.db, deviceId, bridge);
    try {
      await waitFor(() => expect(sent.map((m) => m.messageType)).toEqual(['INV101']));
      const list = sent[0]!;
      // Customs answers a list once it has it: wait until the engine has recorded it as sent. Otherwise,
      // on a busy machine, the list leaving the outbox and its gate pass entering it can be seen as one
      // change, and renderer/sync.ts, which wakes the engine only when the ready count grows, sees none.
      await waitFor(async () => {
        const row = (await s.db.declarations.toArray()).find(
          (document) => document.etpsInnerInvtNo === list.etpsInnerInvtNo,
        );
        expect(row?.outboxState).toBe('idle');
      });
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
});
