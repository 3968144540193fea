import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  batchMovements,
  counterAllocator,
  type BusinessFormRef,
  type DocumentDraft,
} from '../../../../shared/customs/batching';
import type { DocumentStatus } from '../../../../shared/customs/lifecycle/document-status';
import type { Sas101Document } from '../../../../shared/customs/model/sas101';
import type { Sas111Document } from '../../../../shared/customs/model/sas111';
import type { Sas121Document } from '../../../../shared/customs/model/sas121';
import { sumDecimals } from '../../../../shared/domain';
import { kinds, type Movement, type MovementKind } from '../../../../shared/ledger';
import { chainKinds, counterparty, inputOf, movementOf, optionsOf } from './support';

const ofType = (drafts: readonly DocumentDraft[], type: DocumentDraft['messageType']) =>
  drafts.filter((draft) => draft.messageType === type);

/** A form the batching made, as the store hands it back once customs has approved it. */
const formRef = (
  draft: DocumentDraft | undefined,
  status: DocumentStatus = 'approved',
  slippedOut: Record<string, string> = {},
): BusinessFormRef => {
  if (!draft || draft.messageType !== 'SAS101') throw new Error('not a form draft');
  return {
    etpsPreentNo: draft.etpsInnerNo,
    bookId: draft.bookId,
    document: draft.document as Sas101Document,
    status,
    ...(status === 'approved' && { sasDclNo: 'SB010126B000000007' }),
    slippedOut,
  };
};

const withPurpose = (movement: Movement, purpose: 'processing' | 'repair' | 'testing'): Movement => ({
  ...movement,
  purpose,
});

const otherParty = {
  ...counterparty,
  name: '北京另一加工厂',
  sccd: '91110108MA01XY123J',
  etpsno: '1101910BBB',
};

describe('the 业务申报表 / 出入库单 chain: forms', () => {
  it('declares a 业务申报表 first and holds the movement until customs approves it', () => {
    const out = movementOf('processingOut', [
      { seqno: 3, qty: '2' },
      { seqno: 1, qty: '1.5' },
      { seqno: 3, qty: '0.5' },
    ]);
    const { drafts, held } = batchMovements(inputOf([out]), optionsOf());
    expect(drafts.map((draft) => draft.messageType)).toEqual(['SAS101']);
    const form = drafts[0]?.document as Sas101Document;
    expect(form.head).toMatchObject({
      dclTypecd: '1',
      chgTmsCnt: 0,
      businessTypecd: 'E',
      directionTypecd: 'E',
      areainOriactNo: 'T0101W000123',
      areaoutEtpsSccd: counterparty.sccd,
      areaoutEtpsno: counterparty.etpsno,
      areaoutEtpsNm: counterparty.name,
      validTime: '20261231',
    });
    expect(form.lines.map((line) => [line.sasDclSeqno, line.oriactGdsSeqno, line.dclQty])).toEqual([
      [1, 1, '1.5'],
      [2, 3, '2.5'],
    ]);
    expect(drafts[0]?.movementIds).toEqual([]);
    expect(held).toEqual([
      {
        movementId: out.id,
        code: 'awaitingBusinessDeclaration',
        reason: expect.stringContaining(`new form ${drafts[0]?.etpsInnerNo}`),
      },
    ]);
  });

  it.each([
    ['processing', 'B'],
    ['repair', 'E'],
    ['testing', 'D'],
  ] as const)('takes the business type of a %s movement from its purpose (%s)', (purpose, code) => {
    const { drafts } = batchMovements(
      inputOf([withPurpose(movementOf('processingOut', [{ seqno: 1, qty: '1' }]), purpose)]),
      optionsOf(),
    );
    expect((drafts[0]?.document as Sas101Document).head.businessTypecd).toBe(code);
  });

  it('declares display under business type C at the venue named on the movement, or the settings’ place', () => {
    const atVenue = {
      ...movementOf('displayOut', [{ seqno: 1, qty: '1' }]),
      counterparty: { name: '国家会议中心' },
    };
    const unnamed = movementOf('displayOut', [{ seqno: 2, qty: '1' }]);
    const { drafts } = batchMovements(inputOf([atVenue, unnamed]), optionsOf());
    const places = ofType(drafts, 'SAS101').map((draft) => {
      const head = (draft.document as Sas101Document).head;
      return [head.businessTypecd, head.exhibitionPlace, head.areaoutEtpsNm];
    });
    expect(places).toEqual([
      ['C', '国家会议中心', undefined],
      ['C', '区外保税展示场所（待定）', undefined],
    ]);
  });

  it('makes one form per book, business type and processor, for all their pending movements at once', () => {
    const a = movementOf('processingOut', [{ seqno: 1, qty: '1' }]);
    const b = movementOf('processingOut', [{ seqno: 2, qty: '2' }]);
    const c = { ...movementOf('processingOut', [{ seqno: 1, qty: '4' }]), counterparty: otherParty };
    const d = withPurpose(movementOf('processingOut', [{ seqno: 1, qty: '8' }]), 'testing');
    const back = movementOf('processingReturn', [{ seqno: 5, qty: '1' }]);
    const { drafts, held } = batchMovements(inputOf([a, b, c, d, back]), optionsOf());
    const forms = ofType(drafts, 'SAS101').map((draft) => draft.document as Sas101Document);
    expect(
      forms.map((form) => [form.head.businessTypecd, form.head.areaoutEtpsNm, form.lines.length]),
    ).toEqual([
      ['E', counterparty.name, 3],
      ['E', otherParty.name, 1],
      ['D', counterparty.name, 1],
    ]);
    expect(held.map((hold) => hold.code)).toEqual(Array(5).fill('awaitingBusinessDeclaration'));
  });

  it('holds a processing movement whose processor lacks the codes a form names it by', () => {
    const out = {
      ...movementOf('processingOut', [{ seqno: 1, qty: '1' }]),
      counterparty: { name: '无编码加工厂' },
    };
    const { drafts, held } = batchMovements(inputOf([out]), optionsOf());
    expect(drafts).toEqual([]);
    expect(held).toEqual([expect.objectContaining({ code: 'missingCounterparty' })]);
    expect(held[0]?.reason).toMatch(/counterparty\.sccd/);
  });
});

describe('the 业务申报表 / 出入库单 chain: slips under a form', () => {
  const first = movementOf('processingOut', [
    { seqno: 1, qty: '3' },
    { seqno: 2, qty: '2' },
  ]);
  const second = movementOf('processingOut', [{ seqno: 2, qty: '1' }]);
  // The form for both: book line 1 × 3, book line 2 × 3.
  const made = batchMovements(inputOf([first, second]), optionsOf()).drafts;

  it('waits, without minting a number, while the form is with customs', () => {
    let minted = 0;
    const allocate = (date: string) => `N${++minted}-${date}`;
    for (const status of ['queued', 'sent', 'imported', 'manualReview'] as const) {
      const { drafts, held } = batchMovements(
        { ...inputOf([first]), businessForms: [formRef(made[0], status)] },
        optionsOf({ allocate }),
      );
      expect(drafts).toEqual([]);
      expect(held).toEqual([
        {
          movementId: first.id,
          code: 'awaitingBusinessDeclaration',
          reason: expect.stringContaining(`approve its 业务申报表 ${made[0]?.etpsInnerNo} (now ${status})`),
        },
      ]);
    }
    expect(minted).toBe(0);
  });

  it('says so when the form was rejected', () => {
    const { held } = batchMovements(
      { ...inputOf([first]), businessForms: [formRef(made[0], 'rejected')] },
      optionsOf(),
    );
    expect(held[0]?.reason).toMatch(/退单.*workbench/);
  });

  it('declares an 出入库单 E and its gate pass once the form is approved, lines merged and linked to the form', () => {
    const { drafts, held } = batchMovements(
      { ...inputOf([first, second]), businessForms: [formRef(made[0])] },
      optionsOf(),
    );
    expect(held).toEqual([]);
    expect(drafts.map((draft) => [draft.messageType, draft.ieFlag])).toEqual([
      ['SAS111', 'E'],
      ['SAS121', 'E'],
    ]);
    const [slipDraft, passDraft] = drafts as [DocumentDraft, DocumentDraft];
    const slip = slipDraft.document as Sas111Document;
    expect(slipDraft.formNo).toBe(made[0]?.etpsInnerNo);
    expect(slipDraft.movementIds).toEqual([first.id, second.id]);
    expect(slip.head).toMatchObject({
      etpsPreentNo: slipDraft.etpsInnerNo,
      sasDclNo: 'SB010126B000000007',
      stockTypecd: 'E',
      businessTypecd: 'E',
      areainOriactNo: 'T0101W000123',
    });
    expect(
      slip.lines.map((line) => [line.sasStockSeqno, line.sasDclSeqno, line.oriactGdsSeqno, line.dclQty]),
    ).toEqual([
      [1, 1, 1, '3'],
      [2, 2, 2, '3'],
    ]);
    const pass = passDraft.document as Sas121Document;
    expect(passDraft.listNo).toBe(slipDraft.etpsInnerNo);
    expect(passDraft.movementIds).toEqual(slipDraft.movementIds);
    expect(pass.head).toMatchObject({
      rltTbTypecd: '2',
      rltNo: slipDraft.etpsInnerNo,
      ioTypecd: 'E',
      passportTypecd: '4',
    });
    expect(pass.lines.map((line) => [line.rltGdsSeqno, line.dclQty])).toEqual([
      [1, '3'],
      [2, '3'],
    ]);
  });

  it('takes goods back (I) under the same form, whatever its outbound quantity left', () => {
    const back = movementOf('processingReturn', [{ seqno: 1, qty: '3' }]);
    const { drafts, held } = batchMovements(
      { ...inputOf([back]), businessForms: [formRef(made[0], 'approved', { '1': '3', '2': '2' })] },
      optionsOf(),
    );
    expect(held).toEqual([]);
    expect(drafts.map((draft) => [draft.messageType, draft.ieFlag])).toEqual([
      ['SAS111', 'I'],
      ['SAS121', 'I'],
    ]);
    expect((drafts[0]?.document as Sas111Document).head.stockTypecd).toBe('I');
    expect(drafts[0]?.formNo).toBe(made[0]?.etpsInnerNo);
  });

  it('puts a return under the form its goods went out under, when two forms list them', () => {
    const [older, newer] = batchMovements(
      inputOf([first, { ...first, id: 'second-form', counterparty: otherParty }]),
      optionsOf(),
    ).drafts;
    // Two forms for the same processor and goods: the older has nothing out, the newer has 3 out and 1 back.
    const sameParty = { ...(newer?.document as Sas101Document) };
    sameParty.head = { ...(older?.document as Sas101Document).head, etpsPreentNo: 'ZB-NEWER' };
    const forms = [
      formRef(older),
      {
        ...formRef(newer, 'approved', { '1': '3' }),
        etpsPreentNo: 'ZB-NEWER',
        document: sameParty,
        slippedBack: { '1': '1' },
      },
    ];
    const back = movementOf('processingReturn', [{ seqno: 1, qty: '2' }]);
    const { drafts } = batchMovements({ ...inputOf([back]), businessForms: forms }, optionsOf());
    expect(ofType(drafts, 'SAS111')[0]?.formNo).toBe('ZB-NEWER');
    // Beyond what is out there, it falls back on the first form that lists the goods.
    const more = movementOf('processingReturn', [{ seqno: 1, qty: '3' }]);
    const fallback = batchMovements({ ...inputOf([more]), businessForms: forms }, optionsOf());
    expect(ofType(fallback.drafts, 'SAS111')[0]?.formNo).toBe(older?.etpsInnerNo);
  });

  it('makes another form when the approved one has too little left, or does not list the goods', () => {
    const more = movementOf('processingOut', [{ seqno: 1, qty: '1' }]);
    const unlisted = movementOf('processingOut', [{ seqno: 9, qty: '1' }]);
    const { drafts, held } = batchMovements(
      { ...inputOf([more, unlisted]), businessForms: [formRef(made[0], 'approved', { '1': '2.5' })] },
      optionsOf(),
    );
    expect(drafts.map((draft) => draft.messageType)).toEqual(['SAS101']);
    const form = drafts[0]?.document as Sas101Document;
    expect(form.lines.map((line) => [line.oriactGdsSeqno, line.dclQty])).toEqual([
      [1, '1'],
      [9, '1'],
    ]);
    expect(held.map((hold) => hold.code)).toEqual([
      'awaitingBusinessDeclaration',
      'awaitingBusinessDeclaration',
    ]);
  });

  it('shares what a form has left among movements in journal order', () => {
    const a = movementOf('processingOut', [{ seqno: 1, qty: '2' }]);
    const b = movementOf('processingOut', [{ seqno: 1, qty: '2' }]);
    const { drafts, held } = batchMovements(
      { ...inputOf([a, b]), businessForms: [formRef(made[0], 'approved')] },
      optionsOf(),
    );
    expect(ofType(drafts, 'SAS111').flatMap((draft) => draft.movementIds)).toEqual([a.id]);
    expect(held.map((hold) => hold.movementId)).toEqual([b.id]);
    expect(ofType(drafts, 'SAS101')).toHaveLength(1);
  });

  it('ignores a closed (withdrawn) form and one no longer valid for goods going out', () => {
    const out = movementOf('processingOut', [{ seqno: 1, qty: '1' }]);
    const closed = batchMovements(
      { ...inputOf([out]), businessForms: [formRef(made[0], 'withdrawn')] },
      optionsOf(),
    );
    expect(closed.drafts.map((draft) => draft.messageType)).toEqual(['SAS101']);
    const expired = batchMovements(
      { ...inputOf([out]), businessForms: [formRef(made[0])] },
      optionsOf({ now: '2027-01-05T04:00:00.000Z' }),
    );
    expect(expired.drafts.map((draft) => draft.messageType)).toEqual(['SAS101']);
    expect((expired.drafts[0]?.document as Sas101Document).head.validTime).toBe('20271231');
  });

  it('splits slips at the line limit without splitting a movement', () => {
    const wideOf = (from: number) =>
      movementOf(
        'displayOut',
        Array.from({ length: 5 }, (_, index) => ({ seqno: from + index, qty: '1' })),
      );
    const [one, two] = [wideOf(1), wideOf(6)];
    const form = batchMovements(inputOf([one, two]), optionsOf()).drafts[0];
    expect(form?.document.lines).toHaveLength(10);
    const { drafts } = batchMovements(
      { ...inputOf([one, two]), businessForms: [formRef(form)] },
      optionsOf({ policy: { lineLimit: 5, collectivePeriod: 'month' } }),
    );
    expect(ofType(drafts, 'SAS111').map((draft) => draft.movementIds.length)).toEqual([1, 1]);
  });
});

describe('the 业务申报表 / 出入库单 chain: properties', () => {
  const quantity = fc.integer({ min: 1, max: 500 }).map(String);
  const movementArb = fc
    .record({
      kind: fc.constantFrom(...(chainKinds as MovementKind[])),
      lines: fc.array(fc.record({ seqno: fc.integer({ min: 1, max: 12 }), qty: quantity }), {
        minLength: 1,
        maxLength: 4,
      }),
      purpose: fc.constantFrom('processing', 'repair', 'testing'),
    })
    .map(({ kind, lines, purpose }) => {
      const movement = movementOf(kind, lines);
      return kinds[kind].needsPurpose ? { ...movement, purpose } : movement;
    });

  it('lands every movement in one slip and one pass, or holds it; numbers are minted once and forms reused', () => {
    fc.assert(
      fc.property(
        fc.array(movementArb, { maxLength: 30 }),
        fc.integer({ min: 2, max: 10 }),
        (movements, limit) => {
          const policy = { lineLimit: limit, collectivePeriod: 'month' as const };
          const numbers: string[] = [];
          const allocator = counterAllocator('device-chain', 0);
          const allocate = (date: string) => {
            const number = allocator.allocate(date);
            numbers.push(number);
            return number;
          };
          // Round 1 makes the forms; customs approves them; round 2 declares the slips.
          const first = batchMovements(inputOf(movements), optionsOf({ policy, allocate }));
          const forms = ofType(first.drafts, 'SAS101').map((draft) => formRef(draft));
          const second = batchMovements(
            { ...inputOf(movements), businessForms: forms },
            optionsOf({ policy, allocate }),
          );
          expect(ofType(second.drafts, 'SAS101')).toEqual([]);
          expect(new Set(numbers).size).toBe(numbers.length);
          const tooWide = new Set(
            movements
              .filter((movement) => new Set(movement.lines.map((line) => line.bookLineId)).size > limit)
              .map((movement) => movement.id),
          );
          for (const movement of movements) {
            const slips = ofType(second.drafts, 'SAS111').filter((draft) =>
              draft.movementIds.includes(movement.id),
            );
            const passes = ofType(second.drafts, 'SAS121').filter((draft) =>
              draft.movementIds.includes(movement.id),
            );
            const holds = second.held.filter((hold) => hold.movementId === movement.id);
            if (tooWide.has(movement.id)) {
              expect(holds.map((hold) => hold.code)).toEqual(['tooManyLines']);
              continue;
            }
            expect([slips.length, passes.length, holds.length]).toEqual([1, 1, 0]);
            const slip = slips[0]?.document as Sas111Document;
            expect(slip.head.stockTypecd).toBe(kinds[movement.kind].ie);
          }
          for (const draft of second.drafts) expect(draft.document.lines.length).toBeLessThanOrEqual(limit);
          // Quantities add up: what the slips carry is what the movements moved.
          const moved = movements
            .filter((movement) => !tooWide.has(movement.id))
            .flatMap((movement) => movement.lines.map((line) => line.qty));
          const slipped = ofType(second.drafts, 'SAS111').flatMap((draft) =>
            (draft.document as Sas111Document).lines.map((line) => line.dclQty),
          );
          expect(sumDecimals(slipped)).toBe(sumDecimals(moved));
        },
      ),
      { numRuns: 60 },
    );
  });
});
