import fc from 'fast-check';
import { createActor } from 'xstate';
import { applyReceiptToStatus } from '../../../shared/customs/lifecycle/apply-receipt';
import {
  applyDocumentCommand,
  type DocumentCommand,
} from '../../../shared/customs/lifecycle/document-commands';
import { finalStatusOf, isSettled } from '../../../shared/customs/lifecycle/document-kinds';
import { documentMachine } from '../../../shared/customs/lifecycle/document-machine';
import {
  newDocumentState,
  type DocumentState,
  type DocumentStatus,
} from '../../../shared/customs/lifecycle/document-status';
import type { Receipt } from '../../../shared/customs/receipts/receipt';

const receipt = (messageType: string, fields: Partial<Receipt> = {}): Receipt => ({
  messageType,
  reasons: [],
  lines: [],
  related: [],
  bookLines: [],
  unknown: [],
  ...fields,
});

const imported = receipt('CommonResponeMessage', {
  dealFlag: '0',
  etpsPreentNo: 'ZB-1',
  seqNo: '202500000000000001',
});
const importFailed = receipt('CommonResponeMessage', { dealFlag: '-1', etpsPreentNo: 'ZB-1' });
const inv201 = (
  manageResult: string,
  manageDate = '2025-03-14 10:00:00',
  vrfdedMarkcd?: string,
  tmsCnt = 0,
) =>
  receipt('INV201', {
    manageResult,
    manageDate,
    tmsCnt,
    head: { type: 'BondInvtBsc', fields: vrfdedMarkcd ? { vrfdedMarkcd } : {} },
  });
const approved = inv201('1');
const manualReview = inv201('2');
const rejected = inv201('3');
const prePosted = inv201('4', '2025-03-14 10:05:00', '1');
const gatePassed = receipt('SAS223', { manageResult: '1' });
const posted = receipt('INV211', { etpsInnerInvtNo: 'ZB-1' });
const declarationGenerated = receipt('INV202', { manageResult: '1' });

const at = (status: DocumentStatus, extra: Partial<DocumentState> = {}): DocumentState => ({
  ...newDocumentState(),
  status,
  ...extra,
});
const apply = (state: DocumentState, ...receipts: Receipt[]) =>
  receipts.reduce((current, each) => applyReceiptToStatus(current, each).state, state);
const command = (state: DocumentState, type: DocumentCommand['type']) => {
  const result = applyDocumentCommand(state, { type });
  if (!result.ok) throw new Error(result.reason);
  return result.state;
};

describe('applyReceiptToStatus', () => {
  it('walks the happy path sent → imported → approved → prePosted → gatePassed → posted', () => {
    const steps: Array<[Receipt, DocumentStatus]> = [
      [imported, 'imported'],
      [approved, 'approved'],
      [prePosted, 'prePosted'],
      [gatePassed, 'gatePassed'],
      [posted, 'posted'],
    ];
    let state = at('sent');
    for (const [each, expected] of steps) {
      state = applyReceiptToStatus(state, each).state;
      expect(state.status).toBe(expected);
    }
  });

  it('records a failed import and a manual review', () => {
    expect(apply(at('sent'), importFailed).status).toBe('importFailed');
    expect(apply(at('sent'), imported, manualReview).status).toBe('manualReview');
  });

  it('lets 退单 end a manual review but never undo an approval', () => {
    expect(apply(at('sent'), manualReview, rejected).status).toBe('rejected');
    const afterApproval = applyReceiptToStatus(at('approved'), rejected);
    expect(afterApproval.state.status).toBe('approved');
    expect(afterApproval.ignored).toMatch(/does not move/);
  });

  it('never regresses on a late receipt: posting then the import answer, approval, manual review', () => {
    expect(apply(at('sent'), posted, imported, approved, manualReview, prePosted).status).toBe('posted');
    expect(apply(at('sent'), approved, imported).status).toBe('approved');
  });

  it('keeps an import success over a duplicate-number failure of a resend', () => {
    expect(apply(at('sent'), imported, importFailed).status).toBe('imported');
  });

  it('is idempotent: a duplicate receipt changes nothing', () => {
    const once = apply(at('sent'), imported, approved);
    expect(applyReceiptToStatus(once, approved)).toEqual({ state: once, ignored: expect.any(String) });
  });

  it('moves no status on informational receipts, and none for a draft', () => {
    expect(applyReceiptToStatus(at('approved'), declarationGenerated).state.status).toBe('approved');
    expect(applyReceiptToStatus(at('sent'), receipt('SAS223', { manageResult: '2' })).state.status).toBe(
      'sent',
    );
    expect(applyReceiptToStatus(at('draft'), approved).state.status).toBe('draft');
  });

  it('ignores receipts for an earlier version after a change', () => {
    const changed = command(command(command(apply(at('sent'), approved), 'CHANGE'), 'QUEUE'), 'SENT');
    expect(changed.chgTmsCnt).toBe(1);
    expect(applyReceiptToStatus(changed, inv201('1', '2025-03-14 10:00:00', undefined, 0)).state.status).toBe(
      'sent',
    );
    expect(applyReceiptToStatus(changed, inv201('1', '2025-03-15 10:00:00', undefined, 1)).state.status).toBe(
      'approved',
    );
  });

  it('re-declares after 退单, and a late copy of the old 退单 does not reject the new round', () => {
    const first = apply(at('sent'), imported, rejected);
    expect(first).toMatchObject({ status: 'rejected', lastRejectionDate: '2025-03-14 10:00:00' });
    const again = command(command(command(first, 'REDECLARE'), 'QUEUE'), 'SENT');
    expect(apply(again, rejected).status).toBe('sent');
    expect(apply(again, imported, inv201('3', '2025-03-15 09:00:00')).status).toBe('rejected');
    expect(apply(again, imported, inv201('1', '2025-03-15 09:00:00')).status).toBe('approved');
  });

  it('withdraws through a deletion request once customs has the document', () => {
    const withdrawing = command(at('approved'), 'WITHDRAW');
    expect(withdrawing).toMatchObject({ status: 'withdrawing', statusBeforeWithdrawal: 'approved' });
    expect(apply(withdrawing, gatePassed).status).toBe('withdrawing');
    expect(apply(withdrawing, approved).status).toBe('withdrawn');
    expect(apply(withdrawing, rejected).status).toBe('approved');
    expect(apply(apply(withdrawing, approved), posted).status).toBe('withdrawn');
  });

  it('reaches the same status whatever order the receipts of one round arrive in, with duplicates', () => {
    const round = [imported, approved, prePosted, gatePassed, posted];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...round), { minLength: 1, maxLength: 12 }), (stream) => {
        const best = [...stream].sort((a, b) => round.indexOf(b) - round.indexOf(a))[0]!;
        expect(apply(at('sent'), ...stream)).toEqual(apply(at('sent'), best));
      }),
    );
  });
});

describe('applyDocumentCommand', () => {
  it('queues drafts and marks queued documents sent, and nothing else', () => {
    expect(command(at('draft'), 'QUEUE').status).toBe('queued');
    expect(command(at('queued'), 'SENT').status).toBe('sent');
    expect(applyDocumentCommand(at('sent'), { type: 'QUEUE' })).toMatchObject({
      ok: false,
      reason: /only a draft/,
    });
  });

  it('changes an approved document as a new version', () => {
    expect(command(at('prePosted', { chgTmsCnt: 2 }), 'CHANGE')).toMatchObject({
      status: 'draft',
      chgTmsCnt: 3,
    });
    expect(applyDocumentCommand(at('posted'), { type: 'CHANGE' }).ok).toBe(false);
    expect(applyDocumentCommand(at('manualReview'), { type: 'CHANGE' }).ok).toBe(false);
  });

  it('withdraws locally what customs does not hold, and refuses after the goods moved', () => {
    expect(command(at('queued'), 'WITHDRAW').status).toBe('withdrawn');
    expect(command(at('rejected'), 'WITHDRAW').status).toBe('withdrawn');
    expect(applyDocumentCommand(at('gatePassed'), { type: 'WITHDRAW' }).ok).toBe(false);
    expect(applyDocumentCommand(at('posted'), { type: 'WITHDRAW' }).ok).toBe(false);
  });

  it('re-declares only rejected documents and failed imports', () => {
    expect(command(at('importFailed'), 'REDECLARE').status).toBe('draft');
    expect(applyDocumentCommand(at('approved'), { type: 'REDECLARE' }).ok).toBe(false);
  });
});

describe('documentMachine', () => {
  it('starts from a persisted status, not from a snapshot', () => {
    const actor = createActor(documentMachine, { input: at('prePosted', { chgTmsCnt: 1 }) }).start();
    expect(actor.getSnapshot().value).toBe('prePosted');
    expect(actor.getSnapshot().context.chgTmsCnt).toBe(1);
    actor.stop();
  });

  it('follows commands and receipts, ignoring what is not allowed', () => {
    const actor = createActor(documentMachine, { input: newDocumentState() }).start();
    actor.send({ type: 'SENT' });
    expect(actor.getSnapshot().value).toBe('draft');
    actor.send({ type: 'QUEUE' });
    actor.send({ type: 'SENT' });
    expect(actor.getSnapshot().value).toBe('sent');
    actor.send({ type: 'RECEIPT', receipt: posted });
    actor.send({ type: 'RECEIPT', receipt: imported });
    actor.send({ type: 'RECEIPT', receipt: approved });
    expect(actor.getSnapshot().value).toBe('posted');
    actor.send({ type: 'WITHDRAW' });
    expect(actor.getSnapshot().value).toBe('posted');
    actor.stop();
  });

  it('goes round a rejection and a re-declaration', () => {
    const actor = createActor(documentMachine, { input: at('sent') }).start();
    actor.send({ type: 'RECEIPT', receipt: rejected });
    expect(actor.getSnapshot().value).toBe('rejected');
    actor.send({ type: 'REDECLARE' });
    actor.send({ type: 'QUEUE' });
    actor.send({ type: 'SENT' });
    actor.send({ type: 'RECEIPT', receipt: rejected });
    expect(actor.getSnapshot().value).toBe('sent');
    actor.send({ type: 'RECEIPT', receipt: inv201('1', '2025-03-16 08:00:00') });
    expect(actor.getSnapshot().value).toBe('approved');
    expect(actor.getSnapshot().context.lastRejectionDate).toBe('2025-03-14 10:00:00');
    actor.stop();
  });
});

/** SAS201 (业务申报表) and SAS211 (出入库单) decisions: 1 通过 2 转人工 3 退单 Y 入库成功 Z 入库失败. */
const sas2xx = (messageType: 'SAS201' | 'SAS211', manageResult: string, manageDate = '2025-03-14 10:00:00') =>
  receipt(messageType, { manageResult, manageDate, tmsCnt: 0 });
const slipGate = receipt('SAS223', {
  manageResult: '1',
  head: { type: 'SasPassportBsc', fields: { stucd: '2' } },
});

describe('the 业务申报表 and 出入库单 lifecycles', () => {
  it('ends a form at approval and a slip at the gate', () => {
    expect(finalStatusOf).toMatchObject({ SAS101: 'approved', SAS111: 'gatePassed', INV101: 'posted' });
    expect(isSettled('SAS101', 'approved')).toBe(true);
    expect(isSettled('SAS111', 'approved')).toBe(false);
    expect(isSettled('SAS111', 'gatePassed')).toBe(true);
    expect(isSettled('SAS111', 'withdrawing')).toBe(false);
    expect(isSettled('SAS101', 'withdrawn')).toBe(true);
  });

  it('walks a form sent → imported → 转人工 → approved, and never past approval', () => {
    const state = apply(
      at('sent'),
      imported,
      sas2xx('SAS201', 'Y'),
      sas2xx('SAS201', '2'),
      sas2xx('SAS201', '1', '2025-03-14 11:00:00'),
    );
    expect(state.status).toBe('approved');
    const past = applyReceiptToStatus(state, slipGate, 'SAS101');
    expect(past.state.status).toBe('approved');
    expect(past.ignored).toMatch(/no further than approved/);
    expect(applyReceiptToStatus(state, posted, 'SAS111').state.status).toBe('approved');
  });

  it('walks a slip sent → approved → through the gate with its pass', () => {
    const state = [imported, sas2xx('SAS211', '1'), slipGate].reduce(
      (current, each) => applyReceiptToStatus(current, each, 'SAS111').state,
      at('sent'),
    );
    expect(state.status).toBe('gatePassed');
    expect(applyReceiptToStatus(state, posted, 'SAS111').state.status).toBe('gatePassed');
  });

  it('is indifferent to the order and repetition of SAS201 / SAS211 receipts', () => {
    for (const type of ['SAS201', 'SAS211'] as const) {
      const kind = type === 'SAS201' ? 'SAS101' : 'SAS111';
      const receipts = [
        imported,
        sas2xx(type, 'Y'),
        sas2xx(type, '2'),
        sas2xx(type, '1', '2025-03-14 12:00:00'),
      ];
      fc.assert(
        fc.property(
          fc.array(fc.constantFrom(...receipts), { minLength: 0, maxLength: 8 }),
          fc.shuffledSubarray(receipts, { minLength: receipts.length }),
          (noise, ordered) => {
            const end = [...ordered, ...noise].reduce(
              (current, each) => applyReceiptToStatus(current, each, kind).state,
              at('sent'),
            );
            expect(end.status).toBe('approved');
          },
        ),
        { numRuns: 100 },
      );
    }
  });

  it('rejects a form and approves its re-declaration; the old 退单, repeated late, changes nothing', () => {
    const actor = createActor(documentMachine, { input: { ...at('sent'), kind: 'SAS101' } }).start();
    actor.send({ type: 'RECEIPT', receipt: sas2xx('SAS201', '3') });
    expect(actor.getSnapshot().value).toBe('rejected');
    actor.send({ type: 'REDECLARE' });
    actor.send({ type: 'QUEUE' });
    actor.send({ type: 'SENT' });
    actor.send({ type: 'RECEIPT', receipt: sas2xx('SAS201', '3') });
    expect(actor.getSnapshot().value).toBe('sent');
    actor.send({ type: 'RECEIPT', receipt: sas2xx('SAS201', '1', '2025-03-15 09:00:00') });
    actor.send({ type: 'RECEIPT', receipt: slipGate });
    expect(actor.getSnapshot().value).toBe('approved');
    expect(actor.getSnapshot().context.kind).toBe('SAS101');
    actor.stop();
  });

  it('takes a slip whose import failed back through a resend, with a late failure ignored', () => {
    const actor = createActor(documentMachine, { input: { ...at('sent'), kind: 'SAS111' } }).start();
    actor.send({ type: 'RECEIPT', receipt: importFailed });
    expect(actor.getSnapshot().value).toBe('importFailed');
    actor.send({ type: 'REDECLARE' });
    actor.send({ type: 'QUEUE' });
    actor.send({ type: 'SENT' });
    actor.send({ type: 'RECEIPT', receipt: imported });
    actor.send({ type: 'RECEIPT', receipt: importFailed });
    actor.send({ type: 'RECEIPT', receipt: sas2xx('SAS211', '1') });
    actor.send({ type: 'RECEIPT', receipt: slipGate });
    actor.send({ type: 'RECEIPT', receipt: posted });
    expect(actor.getSnapshot().value).toBe('gatePassed');
    actor.stop();
  });
});
