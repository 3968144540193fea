import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyPostings,
  balanceOf,
  checkInvariants,
  checkPostingAllowed,
  custodyBalances,
  kinds,
  postMovement as postingsOf,
  replay,
  type Balances,
  type Movement,
  type MovementKind,
} from '../../../shared/ledger';
import {
  exportBackup,
  findBalanceDrift,
  postMovements,
  readBackup,
  rebuildBalances,
  StoreError,
} from '../../../shared/store';
import { lines, locations, movement, recordedAt, reversalOf, seededStore, storedBalances } from './fixtures';

type ForwardKind = Extract<
  MovementKind,
  'entryFromAbroad' | 'relocate' | 'releaseDomestic' | 'stocktakeAdjustment' | 'displayOut' | 'displayReturn'
>;

const lineArb = fc.record({
  line: fc.nat({ max: 1 }),
  from: fc.nat({ max: locations.length - 1 }),
  to: fc.nat({ max: locations.length - 1 }),
  // Whole units or up to five decimals, never zero.
  qty: fc.oneof(
    fc.integer({ min: 1, max: 200 }).map(String),
    fc.integer({ min: 1, max: 9_999_999 }).map((n) => (n / 100_000).toFixed(5).replace(/\.?0+$/, '')),
  ),
  negative: fc.boolean(),
});

const stepArb = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant<ForwardKind>('entryFromAbroad'), weight: 3 },
    {
      arbitrary: fc.constantFrom<ForwardKind>(
        'relocate',
        'releaseDomestic',
        'stocktakeAdjustment',
        'displayOut',
        'displayReturn',
      ),
      weight: 5,
    },
  ),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 2 }),
  reverse: fc.option(fc.nat(), { freq: 4 }),
  device: fc.constantFrom('device-a', 'device-b'),
  /** How many movements go in this call to postMovements. */
  batch: fc.integer({ min: 1, max: 3 }),
});

type StepLine = typeof lineArb extends fc.Arbitrary<infer L> ? L : never;

/** A movement of a forward kind, with the locations its rule asks for. */
function forward(kind: ForwardKind, stepLines: readonly StepLine[]): Movement {
  const rule = kinds[kind];
  return movement(
    kind,
    stepLines.map((l) => {
      const to = rule.from === 'zone' && l.to === l.from ? (l.from + 1) % locations.length : l.to;
      return {
        bookLineId: lines[l.line]!.id,
        qty: rule.signedQty && l.negative ? `-${l.qty}` : l.qty,
        ...(rule.from === 'zone' && { fromLocationId: locations[l.from]!.id }),
        ...(rule.to === 'zone' && { toLocationId: locations[rule.from === 'zone' ? to : l.from]!.id }),
      };
    }),
  );
}

describe('store properties', () => {
  it('random movements posted through the store keep every book line summing to zero, balances equal to the journal, and a rebuild identical', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 12 }), async (steps) => {
        const db = await seededStore();
        let model: Balances = new Map();
        const posted: Movement[] = [];
        const reversed = new Set<string>();
        let count = 0;
        for (const step of steps) {
          if (count >= 30) break;
          const batch: Movement[] = [];
          for (let i = 0; i < step.batch; i++) {
            const reversible = [...posted, ...batch].filter((m) => m.kind !== 'reversal');
            if (step.reverse !== null && i === 0 && reversible.length > 0) {
              batch.push(reversalOf(reversible[step.reverse % reversible.length]!));
            } else {
              batch.push(forward(step.kind, i === 0 ? step.lines : step.lines.slice().reverse()));
            }
          }
          // What the model expects: all of the batch, applied in order, or none.
          let expected: Balances | undefined = model;
          const reversedInBatch = new Set(reversed);
          for (const m of batch) {
            if (expected === undefined) break;
            if (m.reversalOf !== undefined) {
              if (reversedInBatch.has(m.reversalOf)) {
                expected = undefined;
                break;
              }
              reversedInBatch.add(m.reversalOf);
            }
            const postings = postingsOf(m);
            const current: Balances = expected;
            if (checkPostingAllowed(postings, (id, account) => balanceOf(current, id, account)).length) {
              expected = undefined;
            } else expected = applyPostings(current, postings);
          }
          const outcome = await postMovements(db, batch, { deviceId: step.device, recordedAt }).then(
            () => 'posted' as const,
            (error: unknown) => {
              if (!(error instanceof StoreError) || !['shortfall', 'notReversible'].includes(error.code))
                throw error;
              return 'refused' as const;
            },
          );
          expect(outcome).toBe(expected === undefined ? 'refused' : 'posted');
          if (expected !== undefined) {
            model = expected;
            posted.push(...batch);
            count += batch.length;
            batch.forEach((m) => m.reversalOf !== undefined && reversed.add(m.reversalOf));
          }
        }

        const stored = await storedBalances(db);
        expect(stored).toEqual(custodyBalances(model));
        expect(replay((await db.journal.toArray()).map((row) => row.entry))).toEqual(model);
        expect(checkInvariants(model)).toEqual([]);
        expect(await findBalanceDrift(db)).toEqual([]);
        const rowsBefore = await db.balances.toArray();
        await rebuildBalances(db);
        expect(await db.balances.toArray()).toEqual(rowsBefore);
        expect(readBackup(await exportBackup(db, recordedAt))).toMatchObject({ ok: true });
        db.close();
      }),
      { numRuns: 25 },
    );
  });
});
