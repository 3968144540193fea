import fc from 'fast-check';
import {
  backoffCeiling,
  backoffDelay,
  checkBackoffPolicy,
  type BackoffPolicy,
} from '../../../shared/sync/backoff';
import { seededRandom } from './support/seeded-random';

const policyArb: fc.Arbitrary<BackoffPolicy> = fc
  .record({
    minMs: fc.integer({ min: 0, max: 5_000 }),
    baseMs: fc.integer({ min: 1, max: 10_000 }),
    spanMs: fc.integer({ min: 0, max: 600_000 }),
    jitter: fc.constantFrom('full' as const, 'equal' as const),
  })
  .map(({ minMs, baseMs, spanMs, jitter }) => ({ minMs, baseMs, capMs: minMs + spanMs, jitter }));

const drawArb = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const roundArb = fc.integer({ min: 0, max: 2_000 });

describe('backoff', () => {
  it('always waits within [min, cap]', () => {
    fc.assert(
      fc.property(policyArb, roundArb, drawArb, (policy, round, draw) => {
        const delay = backoffDelay(policy, round, () => draw);
        expect(delay).toBeGreaterThanOrEqual(policy.minMs);
        expect(delay).toBeLessThanOrEqual(policy.capMs);
      }),
    );
  });

  it('grows round by round until it reaches the cap, then stays there', () => {
    fc.assert(
      fc.property(policyArb, roundArb, drawArb, (policy, round, draw) => {
        expect(backoffCeiling(policy, round + 1)).toBeGreaterThanOrEqual(backoffCeiling(policy, round));
        // With the same draw, a later round never waits less.
        expect(backoffDelay(policy, round + 1, () => draw)).toBeGreaterThanOrEqual(
          backoffDelay(policy, round, () => draw),
        );
        expect(backoffCeiling(policy, 64)).toBe(policy.capMs);
      }),
    );
  });

  it('doubles the ceiling from the base', () => {
    const policy: BackoffPolicy = { minMs: 0, baseMs: 1_000, capMs: 10_000, jitter: 'full' };
    expect([0, 1, 2, 3, 4, 5].map((round) => backoffCeiling(policy, round))).toEqual([
      1_000, 2_000, 4_000, 8_000, 10_000, 10_000,
    ]);
  });

  it('keeps at least half the ceiling with equal jitter, and spreads from the floor with full jitter', () => {
    const equal: BackoffPolicy = { minMs: 0, baseMs: 1_000, capMs: 10_000, jitter: 'equal' };
    expect(backoffDelay(equal, 2, () => 0)).toBe(2_000);
    expect(backoffDelay(equal, 2, () => 0.5)).toBe(3_000);
    const full: BackoffPolicy = { ...equal, minMs: 100, jitter: 'full' };
    expect(backoffDelay(full, 2, () => 0)).toBe(100);
    expect(backoffDelay(full, 2, () => 0.5)).toBe(2_050);
  });

  it('chooses the same delays for the same seed', () => {
    fc.assert(
      fc.property(policyArb, fc.integer(), (policy, seed) => {
        const delays = (random: () => number) =>
          Array.from({ length: 12 }, (_, round) => backoffDelay(policy, round, random));
        expect(delays(seededRandom(seed))).toEqual(delays(seededRandom(seed)));
      }),
    );
  });

  it('stays within bounds even if the random source strays outside [0, 1)', () => {
    const policy: BackoffPolicy = { minMs: 100, baseMs: 1_000, capMs: 4_000, jitter: 'full' };
    expect(backoffDelay(policy, 5, () => 7)).toBe(4_000);
    expect(backoffDelay(policy, 5, () => -1)).toBe(100);
  });

  it('refuses a policy whose bounds cannot hold', () => {
    expect(() => checkBackoffPolicy({ minMs: 10, baseMs: 1, capMs: 5, jitter: 'full' })).toThrow(RangeError);
    expect(() => checkBackoffPolicy({ minMs: 0, baseMs: 0, capMs: 5, jitter: 'full' })).toThrow(RangeError);
    expect(() => checkBackoffPolicy({ minMs: -1, baseMs: 1, capMs: 5, jitter: 'equal' })).toThrow(RangeError);
    expect(() => checkBackoffPolicy({ minMs: 0, baseMs: 1, capMs: Infinity, jitter: 'equal' })).toThrow(
      RangeError,
    );
    expect(() => checkBackoffPolicy({ minMs: 0, baseMs: 1, capMs: 5, jitter: 'equal' })).not.toThrow();
  });
});
