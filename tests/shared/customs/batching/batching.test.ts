import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchMovements,
  counterAllocator,
  describeBatchingPolicy,
  periodOf,
  type DocumentDraft,
} from '../../../../shared/customs/batching';
import type { Inv101Document } from '../../../../shared/customs/model/inv101';
import type { Sas121Document } from '../../../../shared/customs/model/sas121';
import { sumDecimals } from '../../../../shared/domain';
import { kinds, type Movement } from '../../../../shared/ledger';
import { inputOf, listKinds, movementOf, optionsOf } from './support';

const quantity = fc
  .tuple(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 0, max: 99_999 }))
  .map(([whole, fraction]) =>
    fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(5, '0')}`,
  );

/** Instants across the turn of 2025 into 2026, so collective periods meet the year end. */
const instant = fc
  .integer({ min: Date.UTC(2025, 10, 1), max: Date.UTC(2026, 0, 20) })
  .map((ms) => new Date(ms - (ms % 1000)).toISOString());

const movementArb = (maxSeqno: number) =>
  fc
    .record({
      kind: fc.constantFrom(...listKinds),
      lines: fc.array(fc.record({ seqno: fc.integer({ min: 1, max: maxSeqno }), qty: quantity }), {
        minLength: 1,
        maxLength: 6,
      }),
      at: instant,
    })
    .map(({ kind, lines, at }) => movementOf(kind, lines, at));

const lists = (drafts: readonly DocumentDraft[]) => drafts.filter((draft) => draft.messageType === 'INV101');
const passes = (drafts: readonly DocumentDraft[]) => drafts.filter((draft) => draft.messageType === 'SAS121');
const now = '2026-03-01T00:00:00.000Z';

describe('batchMovements: properties', () => {
  it('puts every pending movement in exactly one list, and in exactly one gate pass when its kind passes the gate', () => {
    fc.assert(
      fc.property(
        fc.array(movementArb(30), { maxLength: 60 }),
        fc.integer({ min: 6, max: 50 }),
        (movements, lineLimit) => {
          const { drafts, held } = batchMovements(
            inputOf(movements),
            optionsOf({ now, policy: { lineLimit, collectivePeriod: 'month' } }),
          );
          expect(held).toEqual([]);
          for (const movement of movements) {
            const inLists = lists(drafts).filter((draft) => draft.movementIds.includes(movement.id));
            const inPasses = passes(drafts).filter((draft) => draft.movementIds.includes(movement.id));
            expect(inLists).toHaveLength(1);
            const rule = kinds[movement.kind];
            expect(inPasses).toHaveLength(rule.gatePass && !rule.collective ? 1 : 0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never exceeds the line limit, and holds a movement that alone exceeds it instead of splitting it', () => {
    fc.assert(
      fc.property(
        fc.array(movementArb(120), { maxLength: 40 }),
        fc.integer({ min: 1, max: 8 }),
        (movements, lineLimit) => {
          const { drafts, held } = batchMovements(
            inputOf(movements),
            optionsOf({ now, policy: { lineLimit, collectivePeriod: 'month' } }),
          );
          for (const draft of drafts) expect(draft.document.lines.length).toBeLessThanOrEqual(lineLimit);
          for (const hold of held) {
            expect(hold.code).toBe('tooManyLines');
            const movement = movements.find((m) => m.id === hold.movementId)!;
            expect(new Set(movement.lines.map((l) => l.bookLineId)).size).toBeGreaterThan(lineLimit);
          }
          const covered = new Set(lists(drafts).flatMap((draft) => draft.movementIds));
          expect(covered.size + held.length).toBe(movements.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('merges each book line of a list to exactly the sum of its movements’ quantities, and the pass carries the same', () => {
    fc.assert(
      fc.property(fc.array(movementArb(12), { minLength: 1, maxLength: 40 }), (movements) => {
        const { drafts } = batchMovements(inputOf(movements), optionsOf({ now }));
        const byId = new Map(movements.map((m) => [m.id, m]));
        for (const draft of lists(drafts)) {
          const list = draft.document as Inv101Document;
          const covered = draft.movementIds.map((id) => byId.get(id)!);
          for (const line of list.lines) {
            const expected = sumDecimals(
              covered.flatMap((m) =>
                m.lines.filter((l) => l.bookLineId === `line-${line.putrecSeqno}`).map((l) => l.qty),
              ),
            );
            expect(line.dclQty).toBe(expected);
          }
          const seqnos = new Set(covered.flatMap((m) => m.lines.map((l) => l.bookLineId)));
          expect(list.lines).toHaveLength(seqnos.size);
          const pass = passes(drafts).find((p) => p.listNo === draft.etpsInnerNo);
          if (pass)
            expect((pass.document as Sas121Document).lines.map((l) => [l.rltGdsSeqno, l.dclQty])).toEqual(
              list.lines.map((l) => [l.gdsSeqno, l.dclQty]),
            );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never lets a collective list span two calendar years, and holds collective movements until their period is over', () => {
    fc.assert(
      fc.property(
        fc.array(movementArb(10), { maxLength: 50 }),
        fc.constantFrom('month' as const, 'halfMonth' as const, 'week' as const),
        instant,
        (movements, collectivePeriod, clock) => {
          const { drafts, held } = batchMovements(
            inputOf(movements),
            optionsOf({ now: clock, policy: { lineLimit: 50, collectivePeriod } }),
          );
          const byId = new Map(movements.map((m) => [m.id, m]));
          for (const draft of drafts.filter((d) => d.period)) {
            const years = new Set(draft.movementIds.map((id) => byId.get(id)!.customsDate.slice(0, 4)));
            expect(years.size).toBe(1);
            expect(draft.period!.from.slice(0, 4)).toBe(draft.period!.to.slice(0, 4));
          }
          for (const hold of held) {
            expect(hold.code).toBe('collectivePeriodOpen');
            expect(kinds[byId.get(hold.movementId)!.kind].collective).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same movements, clock and counter give the same drafts', () => {
    fc.assert(
      fc.property(fc.array(movementArb(20), { maxLength: 40 }), (movements) => {
        const once = batchMovements(
          inputOf(movements),
          optionsOf({ now, allocate: counterAllocator('d1', 7).allocate }),
        );
        const twice = batchMovements(
          inputOf(movements),
          optionsOf({ now, allocate: counterAllocator('d1', 7).allocate }),
        );
        expect(twice).toEqual(once);
      }),
      { numRuns: 40 },
    );
  });
});

describe('batchMovements: rules', () => {
  it('keeps undeclared kinds out and declares the 出入库单 chain under a 业务申报表 first', () => {
    const relocate = movementOf('relocate', [{ seqno: 1, qty: '1' }]);
    const repair = movementOf('processingOut', [{ seqno: 1, qty: '1' }]);
    const { drafts, held } = batchMovements(inputOf([relocate, repair]), optionsOf());
    expect(drafts.map((draft) => draft.messageType)).toEqual(['SAS101']);
    expect(held).toEqual([
      expect.objectContaining({ movementId: repair.id, code: 'awaitingBusinessDeclaration' }),
    ]);
  });

  it('separates lists by direction and book line merges, and gives a pass the list’s number until customs numbers it', () => {
    const a = movementOf('entryFromAbroad', [
      { seqno: 2, qty: '1.5' },
      { seqno: 1, qty: '2' },
    ]);
    const b = movementOf('entryFromAbroad', [{ seqno: 2, qty: '0.25' }]);
    const c = movementOf('exitAbroad', [{ seqno: 1, qty: '1' }]);
    const { drafts } = batchMovements(inputOf([a, b, c]), optionsOf());
    expect(drafts.map((d) => [d.messageType, d.ieFlag, d.movementIds.length])).toEqual([
      ['INV101', 'I', 2],
      ['SAS121', 'I', 2],
      ['INV101', 'E', 1],
      ['SAS121', 'E', 1],
    ]);
    const list = drafts[0]!.document as Inv101Document;
    expect(list.lines.map((l) => [l.gdsSeqno, l.putrecSeqno, l.dclQty, l.dclTotalAmt])).toEqual([
      [1, 1, '2', '24.69'],
      [2, 2, '1.75', '21.6'],
    ]);
    const pass = drafts[1]!.document as Sas121Document;
    expect(pass.head.rltNo).toBe(list.head.etpsInnerInvtNo);
    expect(drafts[1]!.listNo).toBe(list.head.etpsInnerInvtNo);
  });

  it('gives a collective list no gate pass: its goods left under the dispatches’ own passes', () => {
    const slip: Movement = {
      ...movementOf('distributeOut', [{ seqno: 1, qty: '3' }]),
      counterparty: { name: '某公司', sccd: '91110302562134916X', etpsno: '1101960AAA' },
    };
    const { drafts, held } = batchMovements(inputOf([slip]), optionsOf({ now }));
    expect(held).toEqual([]);
    expect(drafts.map((draft) => draft.messageType)).toEqual(['INV101']);
  });

  it('needs the counterparty’s codes for 关联报关, and holds the movement with the reason otherwise', () => {
    const release: Movement = {
      ...movementOf('releaseDomestic', [{ seqno: 1, qty: '1' }]),
      counterparty: { name: '某公司' },
    };
    const { held } = batchMovements(inputOf([release]), optionsOf());
    expect(held[0]).toMatchObject({ code: 'missingCounterparty' });
    expect(held[0]!.reason).toContain('counterparty.sccd');
  });

  it('cuts weeks at the year end', () => {
    expect(periodOf('20251231', 'week')).toEqual({ from: '20251229', to: '20251231' });
    expect(periodOf('20260101', 'week')).toEqual({ from: '20260101', to: '20260104' });
    expect(periodOf('20250216', 'halfMonth')).toEqual({ from: '20250216', to: '20250228' });
  });

  it('describes itself in both languages with the configured figures', () => {
    expect(describeBatchingPolicy('en', { lineLimit: 20, collectivePeriod: 'week' }).join(' ')).toContain(
      'at most 20 lines',
    );
    expect(describeBatchingPolicy('zh-CN').join('')).toContain('每个自然月');
  });
});
