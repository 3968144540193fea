/**
 * How long the sync engine waits before trying again after a retryable failure: capped exponential
 * backoff with jitter. Jitter matters because several workstations of one enterprise share one Single
 * Window client or gateway; without it they would all come back at the same instant after an outage.
 */

/**
 * `full`: anywhere between the floor and the ceiling, which spreads workstations best.
 * `equal`: at least half the ceiling, which keeps a single workstation from retrying almost at once.
 */
export type Jitter = 'full' | 'equal';

export interface BackoffPolicy {
  /** The shortest wait, whatever the jitter draws, so a retry never hammers an endpoint that just failed. */
  readonly minMs: number;
  /** The ceiling of the first retry; it doubles every round until it reaches `capMs`. */
  readonly baseMs: number;
  /** No wait is longer than this, however many rounds have failed. */
  readonly capMs: number;
  readonly jitter: Jitter;
}

/** Throws on a policy whose bounds cannot hold, so a bad setting fails when the engine starts, not at the first retry. */
export const checkBackoffPolicy = (policy: BackoffPolicy): void => {
  const { minMs, baseMs, capMs } = policy;
  if (!(Number.isFinite(minMs) && Number.isFinite(baseMs) && Number.isFinite(capMs)))
    throw new RangeError('backoff bounds must be finite numbers');
  if (minMs < 0 || baseMs <= 0 || minMs > capMs)
    throw new RangeError(
      `backoff needs 0 ≤ minMs ≤ capMs and baseMs > 0 (got ${minMs}, ${baseMs}, ${capMs})`,
    );
};

/** The longest wait of a round (0 = the first retry): base · 2^round, within [min, cap]. */
export const backoffCeiling = (policy: BackoffPolicy, round: number): number =>
  Math.max(policy.minMs, Math.min(policy.capMs, policy.baseMs * 2 ** round));

/**
 * The wait in milliseconds before retry number `round` (0-based). `random` returns a number in
 * [0, 1) like Math.random; it is injected so tests and simulations choose the same delays every run.
 */
export const backoffDelay = (policy: BackoffPolicy, round: number, random: () => number): number => {
  const ceiling = backoffCeiling(policy, round);
  const floor = policy.jitter === 'full' ? policy.minMs : Math.max(policy.minMs, ceiling / 2);
  // Clamped so a generator that strays outside [0, 1) still cannot leave the bounds.
  const draw = Math.min(Math.max(random(), 0), 1);
  return floor + draw * (ceiling - floor);
};
