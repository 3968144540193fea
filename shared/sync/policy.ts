import type { BackoffPolicy } from './backoff';

/** How the sync engine paces itself. */
export interface SyncPolicy {
  readonly backoff: BackoffPolicy;
  /** A document that has failed retryably this many times is parked for the compliance officer. */
  readonly parkAfterFailures: number;
  /** Safety net for a lost WAKE: an idle engine runs a pass this often anyway. */
  readonly wakeIntervalMs: number;
}

/**
 * Retries start after a second or two and level off at five minutes, gentle on a Single Window client
 * that is restarted every night. Only failures while the endpoint is up count towards parking.
 */
export const defaultSyncPolicy: SyncPolicy = {
  backoff: { minMs: 1_000, baseMs: 2_000, capMs: 5 * 60_000, jitter: 'full' },
  parkAfterFailures: 8,
  wakeIntervalMs: 60_000,
};
