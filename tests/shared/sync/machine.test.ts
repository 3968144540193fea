import { createActor, SimulatedClock } from 'xstate';
import type { IncomingMessage } from '../../../shared/customs/endpoint';
import { backoffDelay } from '../../../shared/sync/backoff';
import { syncMachine } from '../../../shared/sync/machine';
import { defaultSyncPolicy } from '../../../shared/sync/policy';
import { selectSyncStatus, selectSyncing } from '../../../shared/sync/status';
import { FakeOutbox } from './support/fake-outbox';
import { deferred, flush, startSync, testPolicy } from './support/harness';
import { seededRandom } from './support/seeded-random';

const numbersSent = (outbox: FakeOutbox) =>
  outbox.submissions.map((submission) => submission.etpsInnerInvtNo);
const statuses = (outbox: FakeOutbox) => outbox.documents.map((document) => document.status);

/** Every number went out under one document only, and every document under its stored number. */
const expectOneNumberPerDocument = (outbox: FakeOutbox) => {
  expect(outbox.violations).toEqual([]);
  const documentsByNumber = new Map<string, Set<string>>();
  const numbersByDocument = new Map<string, Set<string>>();
  for (const { documentId, etpsInnerInvtNo } of outbox.submissions) {
    documentsByNumber.set(
      etpsInnerInvtNo,
      (documentsByNumber.get(etpsInnerInvtNo) ?? new Set()).add(documentId),
    );
    numbersByDocument.set(documentId, (numbersByDocument.get(documentId) ?? new Set()).add(etpsInnerInvtNo));
  }
  for (const documents of documentsByNumber.values()) expect(documents.size).toBe(1);
  for (const numbers of numbersByDocument.values()) expect(numbers.size).toBe(1);
};

const receipt = (sha: string): IncomingMessage => ({
  source: 'InBox',
  name: `Receipt_${sha}.xml`,
  xml: '<CommonResponeMessage/>',
  sha256: sha.repeat(64),
  receivedAt: '2025-03-14T02:00:00.000Z',
});

describe('sync engine: online and offline', () => {
  it('queues while offline and drains in order once online', async () => {
    const run = await startSync({ online: false });
    run.outbox.logMovements(3);
    run.actor.send({ type: 'WAKE' });
    await flush();
    expect(statuses(run.outbox)).toEqual(['queued', 'queued', 'queued']);
    expect(run.outbox.submissions).toEqual([]);
    expect(selectSyncStatus(run.actor.getSnapshot())).toMatchObject({ online: false, pendingDocuments: 3 });

    // The periodic wake-up runs offline too, and still sends nothing.
    await run.advance(testPolicy.wakeIntervalMs);
    expect(run.outbox.submissions).toEqual([]);

    run.actor.send({ type: 'ONLINE' });
    await flush();
    expect(numbersSent(run.outbox)).toEqual(['ZB000001', 'ZB000002', 'ZB000003']);
    expect(statuses(run.outbox)).toEqual(['sent', 'sent', 'sent']);
    expect(selectSyncStatus(run.actor.getSnapshot())).toEqual({
      online: true,
      syncing: false,
      pendingDocuments: 0,
      parkedCount: 0,
      lastError: null,
      lastSuccessAt: run.clock.now(),
      lastReceiptAt: null,
      retryAt: null,
    });
  });

  it('lets the submission in flight finish when going offline, and sends the rest once back', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(3);
    const gate = deferred();
    outbox.submitGate = gate.promise;
    const run = await startSync({ outbox });
    run.actor.send({ type: 'OFFLINE' });
    outbox.submitGate = null;
    gate.resolve();
    await flush();
    expect(statuses(outbox)).toEqual(['sent', 'queued', 'queued']);
    expect(run.actor.getSnapshot().context.lastSuccessAt).toBeNull();

    run.actor.send({ type: 'ONLINE' });
    await flush();
    expect(statuses(outbox)).toEqual(['sent', 'sent', 'sent']);
    expect(numbersSent(outbox)).toEqual(['ZB000001', 'ZB000002', 'ZB000003']);
  });

  it('runs a pass only when ONLINE is a change, not on a repeated ONLINE', async () => {
    const run = await startSync();
    expect(run.outbox.batchCalls).toBe(1);
    run.actor.send({ type: 'ONLINE' });
    await flush();
    expect(run.outbox.batchCalls).toBe(1);
  });
});

describe('sync engine: one pass at a time', () => {
  it('remembers WAKE and SYNC_NOW during a pass and runs exactly one more pass after it', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(1);
    const gate = deferred();
    outbox.submitGate = gate.promise;
    const run = await startSync({ outbox });
    expect(selectSyncing(run.actor.getSnapshot())).toBe(true);

    outbox.logMovements(2);
    run.actor.send({ type: 'WAKE' });
    run.actor.send({ type: 'WAKE' });
    run.actor.send({ type: 'SYNC_NOW' });
    await flush();
    expect(outbox.batchCalls).toBe(1);

    outbox.submitGate = null;
    gate.resolve();
    await flush();
    expect(outbox.batchCalls).toBe(2);
    expect(statuses(outbox)).toEqual(['sent', 'sent', 'sent']);
    expect(outbox.maxConcurrentEffects).toBe(1);
    expect(selectSyncing(run.actor.getSnapshot())).toBe(false);
  });

  it('wakes up by itself at the interval as a safety net', async () => {
    const run = await startSync();
    run.outbox.logMovements(1);
    await run.advance(testPolicy.wakeIntervalMs - 1);
    expect(run.outbox.submissions).toEqual([]);
    await run.advance(1);
    expect(numbersSent(run.outbox)).toEqual(['ZB000001']);
  });
});

describe('sync engine: failures', () => {
  it('parks a document refused for good and sends the others', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(3);
    outbox.outcomes = ['accepted', 'fatal', 'accepted'];
    const run = await startSync({ outbox });
    expect(statuses(outbox)).toEqual(['sent', 'parked', 'sent']);
    expect(outbox.documents[1]?.parkReason).toBe('message refused by schema');
    const status = selectSyncStatus(run.actor.getSnapshot());
    expect(status).toMatchObject({ parkedCount: 1, pendingDocuments: 0, retryAt: null });
    expect(status.lastError).toMatchObject({ kind: 'parked', etpsInnerInvtNo: 'ZB000002' });
    // A parked document is not a reason to retry: the pass is caught up.
    expect(status.lastSuccessAt).toBe(run.clock.now());
  });

  it('retries the same document under the same number after backoff delays drawn from the random', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(2);
    outbox.outcomes = ['retryable', 'accepted', 'retryable', 'accepted'];
    const policy = { ...testPolicy, parkAfterFailures: 5 };
    const run = await startSync({ outbox, policy, random: seededRandom(7) });
    const expected = seededRandom(7);
    const firstDelay = backoffDelay(policy.backoff, 0, expected);
    const secondDelay = backoffDelay(policy.backoff, 1, expected);

    // The failing document does not hold up the other one.
    expect(statuses(outbox)).toEqual(['queued', 'sent']);
    expect(run.actor.getSnapshot().context).toMatchObject({ retryDelayMs: firstDelay, retryAt: firstDelay });
    expect(run.actor.getSnapshot().context.lastError).toMatchObject({
      kind: 'submitFailed',
      etpsInnerInvtNo: 'ZB000001',
    });

    await run.advance(firstDelay - 1);
    expect(outbox.submissions).toHaveLength(2);
    await run.advance(1);
    expect(outbox.submissions).toHaveLength(3);
    expect(run.actor.getSnapshot().context.retryDelayMs).toBe(secondDelay);

    await run.advance(secondDelay);
    expect(statuses(outbox)).toEqual(['sent', 'sent']);
    expect(outbox.submissions.filter((s) => s.documentId === 'doc-1').map((s) => s.etpsInnerInvtNo)).toEqual([
      'ZB000001',
      'ZB000001',
      'ZB000001',
    ]);
    expect(outbox.documents[0]?.failedAttempts).toBe(2);
    expect(run.actor.getSnapshot().context).toMatchObject({ retryRound: 0, retryAt: null });
    expectOneNumberPerDocument(outbox);
  });

  it('starts the backoff over after a success', async () => {
    const draws = [0.5, 0.5, 0.5];
    const run = await startSync({ random: () => draws.shift() ?? 0 });
    const { backoff } = testPolicy;
    run.outbox.outcomes = ['retryable', 'accepted', 'retryable'];
    run.outbox.logMovements(1);
    run.actor.send({ type: 'WAKE' });
    await flush();
    expect(run.actor.getSnapshot().context.retryDelayMs).toBe(backoffDelay(backoff, 0, () => 0.5));
    await run.advance(run.actor.getSnapshot().context.retryDelayMs);
    expect(run.actor.getSnapshot().context.retryRound).toBe(0);

    run.outbox.logMovements(1);
    run.actor.send({ type: 'WAKE' });
    await flush();
    expect(run.actor.getSnapshot().context).toMatchObject({
      retryRound: 1,
      retryDelayMs: backoffDelay(backoff, 0, () => 0.5),
    });
  });

  it('parks a document that keeps failing after the allowed number of tries', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(1);
    outbox.outcomes = ['retryable', 'retryable', 'retryable'];
    const run = await startSync({ outbox });
    await run.advance(testPolicy.backoff.capMs);
    await run.advance(testPolicy.backoff.capMs);
    expect(outbox.submissionsOf('ZB000001')).toBe(testPolicy.parkAfterFailures);
    expect(statuses(outbox)).toEqual(['parked']);
    expect(outbox.documents[0]?.parkReason).toBe('failed 3 times, last: OutBox busy');
    expect(run.actor.getSnapshot().context.retryAt).toBeNull();
  });

  it('does not charge documents for an endpoint that is down, and backs off until it is back', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(3);
    outbox.reachable = false;
    const run = await startSync({ outbox });
    for (let round = 0; round < 10; round += 1) await run.advance(testPolicy.backoff.capMs);
    // One try per pass: the pass stops at the first failure instead of failing every document.
    expect(outbox.submissions.every((submission) => submission.documentId === 'doc-1')).toBe(true);
    expect(outbox.documents.map((document) => document.failedAttempts)).toEqual([0, 0, 0]);
    expect(run.actor.getSnapshot().context.lastError).toMatchObject({
      kind: 'endpointUnreachable',
      message: 'OutBox not found',
    });

    outbox.reachable = true;
    await run.advance(testPolicy.backoff.capMs);
    expect(statuses(outbox)).toEqual(['sent', 'sent', 'sent']);
  });

  it('treats a submit that throws as a retryable failure of the same document', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(1);
    let throws = true;
    const run = await startSync({
      outbox,
      effects: {
        submit: (document) => {
          if (!throws) return outbox.effects.submit(document);
          throws = false;
          return Promise.reject(new Error('bridge closed'));
        },
      },
    });
    expect(run.actor.getSnapshot().context.lastError).toMatchObject({
      kind: 'submitFailed',
      message: 'bridge closed',
    });
    await run.advance(testPolicy.backoff.capMs);
    expect(statuses(outbox)).toEqual(['sent']);
  });

  it('backs off on a store failure and resends; the resend is answered duplicate and counts as sent', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(1);
    let fails = true;
    const run = await startSync({
      outbox,
      effects: {
        markSent: (documentId, ack) => {
          if (!fails) return outbox.effects.markSent(documentId, ack);
          fails = false;
          return Promise.reject(new Error('QuotaExceededError'));
        },
      },
    });
    expect(run.actor.getSnapshot().context.lastError).toMatchObject({ kind: 'storeFailed' });
    expect(run.actor.getSnapshot().context.retryAt).not.toBeNull();
    await run.advance(testPolicy.backoff.capMs);
    expect(statuses(outbox)).toEqual(['sent']);
    expect(outbox.taken.get('ZB000001')).toBe('doc-1');
    expect(outbox.submissionsOf('ZB000001')).toBe(2);
  });
});

describe('sync engine: backoff and events', () => {
  const failingOnce = async () => {
    const run = await startSync();
    run.outbox.outcomes = ['retryable'];
    run.outbox.logMovements(1);
    run.actor.send({ type: 'WAKE' });
    await flush();
    expect(run.actor.getSnapshot().context.retryAt).not.toBeNull();
    return run;
  };

  it('cuts the backoff short on SYNC_NOW', async () => {
    const run = await failingOnce();
    run.actor.send({ type: 'SYNC_NOW' });
    await flush();
    expect(statuses(run.outbox)).toEqual(['sent']);
  });

  it('keeps the backoff on WAKE: the retry pass picks the new movement up', async () => {
    const run = await failingOnce();
    run.outbox.logMovements(1);
    run.actor.send({ type: 'WAKE' });
    await flush();
    expect(run.outbox.submissions).toHaveLength(1);
    await run.advance(run.actor.getSnapshot().context.retryDelayMs);
    expect(statuses(run.outbox)).toEqual(['sent', 'sent']);
  });

  it('stops retrying offline and goes again as soon as it is back online', async () => {
    const run = await failingOnce();
    run.actor.send({ type: 'OFFLINE' });
    await run.advance(testPolicy.backoff.capMs);
    expect(run.outbox.submissions).toHaveLength(1);
    expect(run.actor.getSnapshot().context.retryAt).toBeNull();
    run.actor.send({ type: 'ONLINE' });
    await flush();
    expect(statuses(run.outbox)).toEqual(['sent']);
  });
});

describe('sync engine: duplicates and restarts', () => {
  it('treats a duplicate ack as sent', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(1);
    outbox.outcomes = ['duplicate'];
    const run = await startSync({ outbox });
    expect(statuses(outbox)).toEqual(['sent']);
    expect(run.actor.getSnapshot().context.lastError).toBeNull();
  });

  it('resends a document whose answer was lost under the same number, and the endpoint declares it once', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(1);
    outbox.outcomes = ['lostAck'];
    const run = await startSync({ outbox });
    expect(statuses(outbox)).toEqual(['queued']);
    await run.advance(testPolicy.backoff.capMs);
    expect(statuses(outbox)).toEqual(['sent']);
    expect(numbersSent(outbox)).toEqual(['ZB000001', 'ZB000001']);
    expect([...outbox.taken]).toEqual([['ZB000001', 'doc-1']]);
    expectOneNumberPerDocument(outbox);
  });

  it('after a crash between submit and markSent, a new engine resends the same document with the same number', async () => {
    const clock = new SimulatedClock();
    const outbox = new FakeOutbox(() => clock.now());
    outbox.storeDocuments(2);
    const gate = deferred();
    outbox.submitGate = gate.promise;
    const first = await startSync({ outbox, clock });
    expect(outbox.taken.get('ZB000001')).toBe('doc-1');
    first.actor.stop();
    outbox.submitGate = null;
    gate.resolve();
    await flush();
    // The stopped engine never learnt the answer, so the outbox still has the document as ready.
    expect(statuses(outbox)).toEqual(['queued', 'queued']);

    await startSync({ outbox, clock });
    expect(statuses(outbox)).toEqual(['sent', 'sent']);
    expect(numbersSent(outbox)).toEqual(['ZB000001', 'ZB000001', 'ZB000002']);
    expect([...outbox.taken]).toEqual([
      ['ZB000001', 'doc-1'],
      ['ZB000002', 'doc-2'],
    ]);
    expectOneNumberPerDocument(outbox);
  });

  it('resumes from the outbox after a restart without submitting anything twice', async () => {
    const clock = new SimulatedClock();
    const outbox = new FakeOutbox(() => clock.now());
    const offline = await startSync({ outbox, clock, online: false });
    outbox.logMovements(2);
    offline.actor.send({ type: 'WAKE' });
    await flush();
    offline.actor.stop();

    const online = await startSync({ outbox, clock });
    expect(statuses(outbox)).toEqual(['sent', 'sent']);
    online.actor.stop();
    await startSync({ outbox, clock });
    expect(numbersSent(outbox)).toEqual(['ZB000001', 'ZB000002']);
    expectOneNumberPerDocument(outbox);
  });

  it('counts what the outbox already has parked when it starts', async () => {
    const outbox = new FakeOutbox();
    outbox.storeDocuments(2);
    outbox.outcomes = ['fatal'];
    (await startSync({ outbox })).actor.stop();
    const restarted = await startSync({ outbox });
    expect(selectSyncStatus(restarted.actor.getSnapshot()).parkedCount).toBe(1);
  });
});

describe('sync engine: receipts', () => {
  it('hands every receipt to the effect in arrival order; a duplicate changes nothing', async () => {
    const run = await startSync();
    await run.advance(5_000);
    run.actor.send({ type: 'RECEIPT', message: receipt('a') });
    run.actor.send({ type: 'RECEIPT', message: receipt('a') });
    run.actor.send({ type: 'RECEIPT', message: receipt('b') });
    await flush();
    expect(run.outbox.appliedReceipts).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    expect(run.actor.getSnapshot().context).toMatchObject({ lastReceiptAt: 5_000, receipts: [] });
  });

  it('runs a pass at once when a receipt releases a document, not at the next safety wake-up', async () => {
    const run = await startSync();
    run.outbox.storeWaitingDocument('a'.repeat(64));
    await run.advance(5_000);
    expect(run.actor.getSnapshot().matches({ passes: 'idle' })).toBe(true);
    expect(run.outbox.submissions).toEqual([]);

    // The list's approval, as the store applies it: the gate pass waiting for its number is released.
    run.actor.send({ type: 'RECEIPT', message: receipt('a') });
    await flush();

    expect(run.outbox.submissions).toEqual([{ documentId: 'doc-1', etpsInnerInvtNo: 'ZB000001', at: 5_000 }]);
    expect(statuses(run.outbox)).toEqual(['sent']);
  });

  it('runs one more pass when a receipt releases a document during a pass, and none for other receipts', async () => {
    const run = await startSync();
    run.outbox.storeWaitingDocument('a'.repeat(64));
    run.outbox.logMovements(1);
    const gate = deferred();
    run.outbox.submitGate = gate.promise;
    run.actor.send({ type: 'WAKE' });
    await flush();
    expect(run.actor.getSnapshot().hasTag('syncing')).toBe(true);

    run.actor.send({ type: 'RECEIPT', message: receipt('a') });
    await flush();
    run.outbox.submitGate = null;
    gate.resolve();
    await flush();
    expect(numbersSent(run.outbox)).toEqual(['ZB000002', 'ZB000001']);

    const batchesBefore = run.outbox.batchCalls;
    run.actor.send({ type: 'RECEIPT', message: receipt('b') });
    await flush();
    expect(run.outbox.batchCalls).toBe(batchesBefore);
    expect(run.actor.getSnapshot().matches({ passes: 'idle' })).toBe(true);
  });

  it('reports a receipt that cannot be applied and goes on with the next', async () => {
    const applied: string[] = [];
    const run = await startSync({
      effects: {
        applyReceipt: async (message) => {
          if (message.sha256.startsWith('b')) throw new Error('truncated receipt');
          applied.push(message.name);
          return { documentsReady: 0 };
        },
      },
    });
    run.actor.send({ type: 'RECEIPT', message: receipt('b') });
    run.actor.send({ type: 'RECEIPT', message: receipt('c') });
    await flush();
    expect(applied).toEqual(['Receipt_c.xml']);
    expect(run.actor.getSnapshot().context.lastError).toMatchObject({
      kind: 'receiptFailed',
      message: 'truncated receipt',
    });
  });
});

describe('sync engine: setup', () => {
  it('says which effect is missing when the host did not provide it', async () => {
    const actor = createActor(syncMachine, {
      clock: new SimulatedClock(),
      input: { online: true, policy: testPolicy, now: () => 0, random: () => 0 },
    }).start();
    await flush();
    expect(actor.getSnapshot().context.lastError).toMatchObject({
      kind: 'storeFailed',
      message: 'sync effect batchPending was not provided',
    });
    actor.stop();
  });

  it('starts with the default policy', async () => {
    const run = await startSync({ policy: defaultSyncPolicy });
    run.outbox.logMovements(1);
    run.actor.send({ type: 'WAKE' });
    await flush();
    expect(statuses(run.outbox)).toEqual(['sent']);
  });
});
