import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import {
  applyPostings,
  balanceOf,
  checkInvariants,
  checkPostingAllowed,
  postMovement,
  replay,
  reverseMovement,
  verifyJournal,
} from '../../../shared/ledger';
import { play, stepsArb } from './random-movements';

describe('ledger properties', () => {
  it('random sequences of valid movements keep every book line summing to zero and no custody below zero', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const run = play(steps);
        for (const balances of run.history) expect(checkInvariants(balances)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('replaying the journal gives the same balances as applying movements one by one', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const run = play(steps);
        expect(replay(run.entries)).toEqual(run.balances);
        const verdict = verifyJournal(run.entries);
        expect(verdict.ok).toBe(true);
        if (verdict.ok) expect(verdict.balances).toEqual(run.balances);
      }),
      { numRuns: 200 },
    );
  });

  it('reversing the latest movement restores the balances exactly, and is always allowed', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const run = play(steps);
        const last = run.movements.at(-1);
        if (!last || last.kind === 'reversal') return;
        const before = run.history.length > 1 ? run.history.at(-2)! : new Map();
        const reversal = reverseMovement(last, { id: newId(), occurredAt: last.occurredAt, reason: 'test' });
        const postings = postMovement(reversal);
        expect(checkPostingAllowed(postings, (id, account) => balanceOf(run.balances, id, account))).toEqual(
          [],
        );
        expect(applyPostings(run.balances, postings)).toEqual(before);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the random movement generator', () => {
  it('reaches every movement kind, so the properties above are not vacuous', () => {
    const kindsSeen = new Set(
      fc
        .sample(stepsArb, { numRuns: 200, seed: 42 })
        .flatMap((steps) => play(steps).movements.map((m) => m.kind)),
    );
    expect([...kindsSeen].sort()).toEqual(
      [
        'displayOut',
        'displayReturn',
        'displaySale',
        'distributeOut',
        'entryFromAbroad',
        'entryFromDomestic',
        'exitAbroad',
        'processingOut',
        'processingReturn',
        'relocate',
        'releaseDomestic',
        'reversal',
        'scrap',
        'stocktakeAdjustment',
        'transferDeliveredBetweenZones',
        'transferInBetweenZones',
        'transferInInZone',
        'transferOutBetweenZones',
        'transferOutInZone',
      ].sort(),
    );
  });
});
