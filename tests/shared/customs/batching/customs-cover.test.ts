import { describe, expect, it } from 'vitest';
import {
  batchMovements,
  declaresOutboundList,
  describeBatchingPolicy,
  type CustomsStock,
  type DocumentDraft,
} from '../../../../shared/customs/batching';
import { movementKinds, type Movement } from '../../../../shared/ledger';
import { inputOf, movementOf, optionsOf } from './support';

const at = (minute: number) => `2025-03-01T02:${String(minute).padStart(2, '0')}:00.000Z`;

const stock = (seqno: number, posted: string, extra: Partial<CustomsStock> = {}): CustomsStock => ({
  bookLineId: `line-${seqno}`,
  posted,
  postedFrom: 'inv211',
  declaredOut: '0',
  ...extra,
});

const batch = (movements: readonly Movement[], customsStock: readonly CustomsStock[]) =>
  batchMovements({ ...inputOf(movements), customsStock }, optionsOf());

const listedIds = (drafts: readonly DocumentDraft[]) =>
  drafts.filter((draft) => draft.messageType === 'INV101').flatMap((draft) => draft.movementIds);

describe('outbound lists wait for customs’ book to cover them', () => {
  it('holds an outbound movement while the goods it takes are not posted in, naming the line and the figures', () => {
    const exit = movementOf('exitAbroad', [{ seqno: 7, qty: '30' }]);
    const { drafts, held } = batch([exit], [stock(7, '0', { postedFrom: 'ownBook' })]);
    expect(drafts).toEqual([]);
    expect(held).toEqual([
      {
        movementId: exit.id,
        code: 'awaitingInboundPosting',
        reason: expect.stringMatching(/book line 7 \(MT-7\) needs 30 but customs' book allows 0/),
        shortfalls: [
          {
            gdsSeqno: 7,
            gdsMtno: 'MT-7',
            needed: '30',
            allowed: '0',
            posted: '0',
            postedFrom: 'ownBook',
            declaredOut: '0',
            earlierPending: '0',
          },
        ],
      },
    ]);
  });

  it('declares it once customs has posted the goods in (the next run sees the INV211 stock)', () => {
    const exit = movementOf('releaseDomestic', [{ seqno: 7, qty: '30' }]);
    expect(batch([exit], [stock(7, '0')]).held.map((h) => h.code)).toEqual(['awaitingInboundPosting']);
    const after = batch([exit], [stock(7, '30')]);
    expect(after.held).toEqual([]);
    expect(listedIds(after.drafts)).toEqual([exit.id]);
  });

  it('counts what outbound lists already declared out against the posted stock (partial cover)', () => {
    const exit = movementOf('exitAbroad', [{ seqno: 3, qty: '10' }]);
    const { drafts, held } = batch([exit], [stock(3, '25', { declaredOut: '18.5' })]);
    expect(drafts).toEqual([]);
    expect(held[0]?.shortfalls).toEqual([
      expect.objectContaining({ needed: '10', allowed: '6.5', posted: '25', declaredOut: '18.5' }),
    ]);
    expect(batch([exit], [stock(3, '28.5', { declaredOut: '18.5' })]).held).toEqual([]);
  });

  it('holds the whole movement when one of its lines is short, and the movement is never split', () => {
    const exit = movementOf('exitAbroad', [
      { seqno: 1, qty: '5' },
      { seqno: 2, qty: '4' },
      { seqno: 2, qty: '4' },
    ]);
    const { drafts, held } = batch([exit], [stock(1, '100'), stock(2, '7')]);
    expect(drafts).toEqual([]);
    // Both lines of book line 2 count together: 8 against 7.
    expect(held[0]?.shortfalls).toEqual([
      expect.objectContaining({ gdsSeqno: 2, needed: '8', allowed: '7' }),
    ]);
  });

  it('lets movements of one line take customs’ stock earliest first; a later one never overtakes a held one', () => {
    const first = movementOf('exitAbroad', [{ seqno: 4, qty: '6' }], at(1));
    const second = movementOf('releaseDomestic', [{ seqno: 4, qty: '5' }], at(2));
    const third = movementOf('exitAbroad', [{ seqno: 4, qty: '3' }], at(3));
    const { drafts, held } = batch([first, second, third], [stock(4, '10')]);
    expect(listedIds(drafts)).toEqual([first.id]);
    expect(
      held.map((h) => [h.movementId, h.shortfalls?.[0]?.allowed, h.shortfalls?.[0]?.earlierPending]),
    ).toEqual([
      [second.id, '4', '6'],
      // 3 would fit in what the first leaves, but the second waits for that stock first.
      [third.id, '0', '11'],
    ]);

    const enough = batch([first, second, third], [stock(4, '14')]);
    expect(enough.held).toEqual([]);
    expect(new Set(listedIds(enough.drafts))).toEqual(new Set([first.id, second.id, third.id]));
  });

  it('declares opening stock customs’ book already holds before any INV211 reports the line', () => {
    const exit = movementOf('exitAbroad', [{ seqno: 9, qty: '40' }]);
    const { drafts, held } = batch([exit], [stock(9, '50', { postedFrom: 'ownBook' })]);
    expect(held).toEqual([]);
    expect(listedIds(drafts)).toEqual([exit.id]);
  });

  it('holds nothing for inbound movements, 出入库单 or undeclared kinds, nor without customs’ book', () => {
    const inbound = movementOf('entryFromAbroad', [{ seqno: 5, qty: '10' }]);
    const slip = movementOf('processingOut', [{ seqno: 5, qty: '10' }]);
    const exit = movementOf('exitAbroad', [{ seqno: 5, qty: '10' }]);
    const { held } = batch([inbound, slip], [stock(5, '0')]);
    expect(held.filter((h) => h.code === 'awaitingInboundPosting')).toEqual([]);
    expect(batchMovements(inputOf([exit]), optionsOf()).held).toEqual([]);
    expect(movementKinds.filter((kind) => declaresOutboundList({ kind }))).toEqual([
      'exitAbroad',
      'releaseDomestic',
      'transferOutInZone',
      'transferOutBetweenZones',
      'distributeOut',
      'displaySale',
      'scrap',
    ]);
  });

  it('holds a collective movement for its open period first, without claiming stock for it', () => {
    const dispatched = movementOf('distributeOut', [{ seqno: 6, qty: '10' }], '2026-02-01T01:00:00.000Z');
    const exit = movementOf('exitAbroad', [{ seqno: 6, qty: '10' }], '2026-02-01T01:30:00.000Z');
    const { drafts, held } = batch([dispatched, exit], [stock(6, '10')]);
    expect(held.map((h) => [h.movementId, h.code])).toEqual([[dispatched.id, 'collectivePeriodOpen']]);
    expect(listedIds(drafts)).toEqual([exit.id]);
  });

  it('states the rule in both languages', () => {
    expect(describeBatchingPolicy('en').join('\n')).toMatch(/posted stock.*INV211.*opening balance/);
    expect(describeBatchingPolicy('zh-CN').join('\n')).toMatch(/已记账库存.*INV211.*期初库存/);
  });
});
