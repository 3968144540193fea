import { waitFor } from '@testing-library/react';
import { startSync } from '../../../renderer/sync';
import type { OutgoingMessage } from '../../../shared/customs/endpoint';
import { applyReceipt } from '../../../shared/store';
import { commonResponse, incoming, listApproval } from '../../shared/store/declarations-support';
import { createFakeBridge } from '../fake-bridge';
import { deviceId, post, seededStore } from '../inventory/stock-fixture';

describe('the sync actor started by the renderer', { timeout: 30_000 }, () => {
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
      await applyReceipt(s.db, incoming(commonResponse(list.etpsInnerInvtNo, '202500000000000041')));
      await applyReceipt(s.db, incoming(listApproval('202500000000000041', 'QD010125I000000041')));
      // The engine's safety-net wake-up is a minute away; the released pass must not wait for it.
      await waitFor(() => expect(sent.map((m) => m.messageType)).toEqual(['INV101', 'SAS121']), {
        timeout: 5_000,
      });
      expect(sent[1]!.xml).toContain('QD010125I000000041');
    } finally {
      sync.stop();
    }
  });
});
