import fc from 'fast-check';
import { SimulatedClock } from 'xstate';
import { FakeOutbox, type Outcome } from './support/fake-outbox';
import { flush, startSync, testPolicy } from './support/harness';
import { seededRandom } from './support/seeded-random';

/**
 * Whatever happens — connectivity coming and going, an endpoint that accepts, answers duplicate, fails
 * for a while, refuses for good or loses its answer, and engines that crash mid-pass and restart over
 * the same outbox — no movement is lost, every document ends sent or parked, and no document goes out
 * under two numbers nor one number under two documents.
 */

type Step =
  | { readonly kind: 'ONLINE' | 'OFFLINE' | 'WAKE' | 'SYNC_NOW' }
  | { readonly kind: 'log'; readonly count: number }
  | { readonly kind: 'outcomes'; readonly outcomes: readonly Outcome[] }
  | { readonly kind: 'endpoint'; readonly reachable: boolean }
  | { readonly kind: 'advance'; readonly ms: number }
  /** Wake the engine, let `ticks` microtasks run, then kill it and start a new one over the outbox. */
  | { readonly kind: 'crash'; readonly ticks: number };

const outcomeArb = fc.constantFrom<Outcome>('accepted', 'duplicate', 'retryable', 'fatal', 'lostAck');

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc
    .constantFrom('ONLINE' as const, 'OFFLINE' as const, 'WAKE' as const, 'SYNC_NOW' as const)
    .map((kind) => ({
      kind,
    })),
  fc.integer({ min: 1, max: 3 }).map((count) => ({ kind: 'log' as const, count })),
  fc
    .array(outcomeArb, { minLength: 1, maxLength: 4 })
    .map((outcomes) => ({ kind: 'outcomes' as const, outcomes })),
  fc.boolean().map((reachable) => ({ kind: 'endpoint' as const, reachable })),
  fc.integer({ min: 1, max: 20_000 }).map((ms) => ({ kind: 'advance' as const, ms })),
  fc.integer({ min: 0, max: 40 }).map((ticks) => ({ kind: 'crash' as const, ticks })),
);

const runScenario = async (steps: readonly Step[], seed: number, startOnline: boolean) => {
  const clock = new SimulatedClock();
  const outbox = new FakeOutbox(() => clock.now());
  const random = seededRandom(seed);
  let online = startOnline;
  let logged = 0;
  let run = await startSync({ outbox, clock, online, random });

  for (const step of steps) {
    switch (step.kind) {
      case 'ONLINE':
      case 'OFFLINE':
        online = step.kind === 'ONLINE';
        run.actor.send({ type: step.kind });
        break;
      case 'WAKE':
      case 'SYNC_NOW':
        run.actor.send({ type: step.kind });
        break;
      case 'log':
        outbox.logMovements(step.count);
        logged += step.count;
        run.actor.send({ type: 'WAKE' });
        break;
      case 'outcomes':
        outbox.outcomes.push(...step.outcomes);
        break;
      case 'endpoint':
        outbox.reachable = step.reachable;
        break;
      case 'advance':
        clock.increment(step.ms);
        break;
      case 'crash':
        run.actor.send({ type: 'SYNC_NOW' });
        for (let tick = 0; tick < step.ticks; tick += 1) await Promise.resolve();
        run.actor.stop();
        // What the dead engine had started finishes before the new one begins, as the I/O of a dead
        // process would, so the one-effect-at-a-time check still holds across the restart.
        await flush();
        run = await startSync({ outbox, clock, online, random });
        break;
    }
    await flush();
  }

  // Let everything settle: the endpoint comes back and accepts, the engine is online and retries.
  outbox.reachable = true;
  outbox.outcomes = [];
  if (!online) run.actor.send({ type: 'ONLINE' });
  run.actor.send({ type: 'SYNC_NOW' });
  await flush();
  for (
    let round = 0;
    round < 20 && outbox.documents.some((document) => document.status === 'queued');
    round += 1
  )
    await run.advance(testPolicy.backoff.capMs);
  run.actor.stop();
  return { outbox, logged };
};

describe('sync engine properties', () => {
  it('never loses a document and never submits one under two numbers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { maxLength: 40 }),
        fc.integer(),
        fc.boolean(),
        async (steps, seed, startOnline) => {
          const { outbox, logged } = await runScenario(steps, seed, startOnline);

          // Every movement is in exactly one document, and every document ended sent or parked.
          const batched = outbox.documents.flatMap((document) => document.movementIds);
          expect(outbox.pendingMovements).toEqual([]);
          expect(batched).toHaveLength(logged);
          expect(new Set(batched).size).toBe(logged);
          for (const document of outbox.documents) expect(['sent', 'parked']).toContain(document.status);

          // Sent means the endpoint really holds it, under that document's own number.
          for (const document of outbox.documents.filter(({ status }) => status === 'sent'))
            expect(outbox.taken.get(document.etpsInnerInvtNo)).toBe(document.documentId);

          expect(outbox.violations).toEqual([]);
          const numberOf = new Map<string, string>();
          const documentOf = new Map<string, string>();
          for (const { documentId, etpsInnerInvtNo } of outbox.submissions) {
            expect(numberOf.get(documentId) ?? etpsInnerInvtNo).toBe(etpsInnerInvtNo);
            expect(documentOf.get(etpsInnerInvtNo) ?? documentId).toBe(documentId);
            numberOf.set(documentId, etpsInnerInvtNo);
            documentOf.set(etpsInnerInvtNo, documentId);
          }

          expect(outbox.maxConcurrentEffects).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });
});
