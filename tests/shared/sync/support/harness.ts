import { createActor, SimulatedClock } from 'xstate';
import type { BackoffPolicy } from '../../../../shared/sync/backoff';
import type { SyncEffects } from '../../../../shared/sync/effects';
import { withSyncEffects } from '../../../../shared/sync/machine';
import type { SyncPolicy } from '../../../../shared/sync/policy';
import { FakeOutbox } from './fake-outbox';

const testBackoff: BackoffPolicy = { minMs: 100, baseMs: 1_000, capMs: 8_000, jitter: 'full' };

export const testPolicy: SyncPolicy = { backoff: testBackoff, parkAfterFailures: 3, wakeIntervalMs: 60_000 };

/**
 * Lets every effect that is already settled run to the end of its chain. The fake effects resolve in
 * microtasks, so one turn of the event loop settles a whole pass; no timer is involved.
 */
export const flush = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface SyncOptions {
  online?: boolean;
  policy?: SyncPolicy;
  random?: () => number;
  /** The outbox of an earlier engine, to restart over its stored state. */
  outbox?: FakeOutbox;
  clock?: SimulatedClock;
  /** Effects to use instead of the fake outbox's own. */
  effects?: Partial<SyncEffects>;
}

/** Starts an engine on a simulated clock and lets its first pass settle. */
export const startSync = async (options: SyncOptions = {}) => {
  const clock = options.clock ?? new SimulatedClock();
  const outbox = options.outbox ?? new FakeOutbox(() => clock.now());
  const actor = createActor(withSyncEffects({ ...outbox.effects, ...options.effects }), {
    clock,
    input: {
      online: options.online ?? true,
      policy: options.policy ?? testPolicy,
      now: () => clock.now(),
      random: options.random ?? (() => 0.5),
    },
  }).start();
  await flush();
  return {
    actor,
    clock,
    outbox,
    /** Moves the simulated clock and lets what that woke settle. */
    advance: async (ms: number) => {
      clock.increment(ms);
      await flush();
    },
  };
};

export const deferred = () => {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
};
