import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import {
  applyPostings,
  checkReversible,
  Movement,
  postMovement,
  reversalMismatch,
  reverseMovement,
} from '../../../shared/ledger';
import { lineFor, movement } from './fixtures';

describe('reversal', () => {
  const original = movement('relocate', [lineFor('relocate', '30')]);
  const reversal = reverseMovement(original, {
    id: newId(),
    occurredAt: '2025-03-01T17:00:00Z',
    reason: 'wrong bin',
  });

  it('builds a valid movement linked to its original, with the Beijing customs date', () => {
    expect(Movement.parse(reversal)).toEqual(reversal);
    expect(reversal).toMatchObject({
      kind: 'reversal',
      reversalOf: original.id,
      reversedKind: 'relocate',
      customsDate: '20250302',
    });
    expect(reversalMismatch(reversal, original)).toBeUndefined();
  });

  it('restores the balances exactly', () => {
    const before = applyPostings(
      new Map(),
      postMovement(movement('entryFromAbroad', [lineFor('entryFromAbroad', '100')])),
    );
    const after = applyPostings(applyPostings(before, postMovement(original)), postMovement(reversal));
    expect(after).toEqual(before);
  });

  it('spots a reversal that is not the exact inverse', () => {
    const other = { ...reversal, lines: [{ ...reversal.lines[0]!, qty: '29' }] };
    expect(reversalMismatch(other, original)).toBe('its lines differ from the original’s lines');
    expect(reversalMismatch({ ...reversal, reversedKind: 'exitAbroad' }, original)).toMatch(
      /states kind exitAbroad/,
    );
  });

  it('needs approval again when reversing a kind that needed it', () => {
    const scrap = movement('scrap', [lineFor('scrap', '1')]);
    const result = Movement.safeParse(
      reverseMovement(scrap, {
        id: newId(),
        occurredAt: scrap.occurredAt,
        reason: 'not destroyed after all',
      }),
    );
    expect(result.success).toBe(false);
  });
});

describe('checkReversible', () => {
  const exit = movement('exitAbroad', [lineFor('exitAbroad', '1')]);

  it('allows reversing a movement customs has not seen', () => {
    expect(checkReversible(exit, { customsState: 'notDeclared' })).toEqual({ ok: true });
    expect(
      checkReversible(movement('relocate', [lineFor('relocate', '1')]), { customsState: 'declared' }),
    ).toEqual({ ok: true });
  });

  it('refuses a declared movement and says a correcting movement is needed', () => {
    const verdict = checkReversible(exit, { customsState: 'declared' });
    expect(verdict).toMatchObject({ ok: false, code: 'declaredToCustoms' });
    expect(!verdict.ok && verdict.message).toContain('record a correcting movement');
  });

  it('refuses a batched movement, a second reversal and the reversal of a reversal', () => {
    expect(checkReversible(exit, { customsState: 'batched' })).toMatchObject({
      ok: false,
      code: 'inCustomsBatch',
    });
    expect(checkReversible(exit, { customsState: 'notDeclared', reversedBy: 'r1' })).toMatchObject({
      ok: false,
      code: 'alreadyReversed',
    });
    const reversal = reverseMovement(exit, { id: newId(), occurredAt: exit.occurredAt, reason: 'typo' });
    expect(checkReversible(reversal, { customsState: 'notDeclared' })).toMatchObject({
      ok: false,
      code: 'reversalOfReversal',
    });
  });
});
