import { describe, expect, it } from 'vitest';
import {
  businessTypecdOf,
  kinds,
  movementKinds,
  postMovement,
  zoneAccount,
  type MovementKind,
} from '../../../shared/ledger';
import {
  isKnownSupervisionMode,
  listTypesTable,
  findCode,
  passportTypesTable,
  transferTypesTable,
  businessTypesTable,
} from '../../../shared/codes';
import { lineFor, lines, locations, movement } from './fixtures';

const A01 = zoneAccount(locations[0]!.id);
const A02 = zoneAccount(locations[1]!.id);

/** kind → [from account, to account, ie, supvModecd, bondInvtTypecd, dclcusFlag, declare, gatePass] */
const expected: Record<
  Exclude<MovementKind, 'reversal'>,
  [string, string, string | null, string | null, string | null, string | null, boolean, boolean]
> = {
  entryFromAbroad: ['abroad', A01, 'I', '5034', '0', '1', true, true],
  exitAbroad: [A01, 'abroad', 'E', '5034', '0', '1', true, true],
  releaseDomestic: [A01, 'domestic', 'E', '5034', '0', '1', true, true],
  entryFromDomestic: ['domestic', A01, 'I', '5034', '0', '1', true, true],
  transferOutInZone: [A01, 'otherBook', 'E', '5034', '6', '2', true, false],
  transferInInZone: ['otherBook', A01, 'I', '5034', '6', '2', true, false],
  transferOutBetweenZones: [A01, 'transit', 'E', '1200', '0', '1', true, true],
  transferDeliveredBetweenZones: ['transit', 'otherBook', null, null, null, null, false, false],
  transferInBetweenZones: ['otherBook', A01, 'I', '1200', '0', '1', true, true],
  relocate: [A01, A02, null, null, null, null, false, false],
  distributeOut: [A01, 'domestic', 'E', '5034', '1', '1', true, true],
  processingOut: [A01, 'processing', 'E', null, null, null, true, true],
  processingReturn: ['processing', A01, 'I', null, null, null, true, true],
  displayOut: [A01, 'display', 'E', null, null, null, true, true],
  displayReturn: ['display', A01, 'I', null, null, null, true, true],
  displaySale: ['display', 'domestic', 'E', '5034', '5', '1', true, false],
  scrap: [A01, 'destroyed', 'E', '0200', '0', '2', true, false],
  stocktakeAdjustment: ['adjustment', A01, null, null, null, null, false, false],
};

describe('movement kinds', () => {
  it('covers every kind of issue 3 and nothing else', () => {
    expect([...movementKinds].sort()).toEqual([...Object.keys(expected), 'reversal'].sort());
  });

  for (const [
    kind,
    [from, to, ie, supvModecd, bondInvtTypecd, dclcusFlag, declare, gatePass],
  ] of Object.entries(expected)) {
    it(`${kind} posts from ${from} to ${to} and states its customs facts`, () => {
      const m = movement(kind as MovementKind, [lineFor(kind as MovementKind, '7.5')]);
      expect(postMovement(m)).toEqual([
        { bookLineId: lines[0]!.id, account: from, qty: '-7.5' },
        { bookLineId: lines[0]!.id, account: to, qty: '7.5' },
      ]);
      const rule = kinds[kind as MovementKind];
      expect([
        rule.ie,
        rule.supvModecd,
        rule.bondInvtTypecd,
        rule.dclcusFlag,
        rule.declare,
        rule.gatePass,
      ]).toEqual([ie, supvModecd, bondInvtTypecd, dclcusFlag, declare, gatePass]);
    });
  }

  it('uses only codes that exist in the code tables', () => {
    for (const [kind, rule] of Object.entries(kinds)) {
      if (rule.supvModecd) expect(isKnownSupervisionMode(rule.supvModecd), kind).toBe(true);
      if (rule.bondInvtTypecd) expect(findCode(listTypesTable, rule.bondInvtTypecd), kind).toBeDefined();
      if (rule.listType) expect(findCode(transferTypesTable, rule.listType), kind).toBeDefined();
      if (rule.passportTypecd) expect(findCode(passportTypesTable, rule.passportTypecd), kind).toBeDefined();
      if (rule.businessTypecd) expect(findCode(businessTypesTable, rule.businessTypecd), kind).toBeDefined();
    }
  });

  it('needs a gate pass only where goods cross the zone boundary', () => {
    expect(kinds.transferOutInZone.gatePass).toBe(false);
    expect(kinds.relocate.gatePass).toBe(false);
    expect(kinds.exitAbroad.passportTypecd).toBe('2');
    expect(kinds.releaseDomestic.passportTypecd).toBe('3');
    expect(kinds.releaseDomestic.dclcusTypecd).toBe('1');
  });

  it('marks scrap and stocktake as needing approval, and only stocktake as signed', () => {
    const approval = movementKinds.filter((kind) => kinds[kind].approval);
    expect(approval.sort()).toEqual(['scrap', 'stocktakeAdjustment']);
    expect(movementKinds.filter((kind) => kinds[kind].signedQty)).toEqual(['stocktakeAdjustment']);
  });

  it('names the inferred facts and the transfer type of inter-zone transfers', () => {
    expect(kinds.transferOutBetweenZones.listType).toBe('E');
    expect(kinds.transferOutBetweenZones.inferred).toContain('listType');
    expect(kinds.transferOutInZone.inferred).toContain('dclcusFlag');
    expect(kinds.entryFromAbroad.inferred).not.toContain('supvModecd');
  });

  it('derives the business type of processing from its purpose', () => {
    expect(businessTypecdOf({ kind: 'processingOut', purpose: 'processing' })).toBe('B');
    expect(businessTypecdOf({ kind: 'processingOut', purpose: 'repair' })).toBe('E');
    expect(businessTypecdOf({ kind: 'processingReturn', purpose: 'testing' })).toBe('D');
    expect(businessTypecdOf({ kind: 'distributeOut' })).toBe('A');
    expect(businessTypecdOf({ kind: 'exitAbroad' })).toBeNull();
  });

  it('posts a shortage found at stocktake out of the location into the adjustment account', () => {
    const m = movement('stocktakeAdjustment', [lineFor('stocktakeAdjustment', '-2.00001')]);
    expect(postMovement(m)).toEqual([
      { bookLineId: lines[0]!.id, account: 'adjustment', qty: '2.00001' },
      { bookLineId: lines[0]!.id, account: A01, qty: '-2.00001' },
    ]);
  });

  it('posts a reversal as its original negated', () => {
    const original = movement('relocate', [lineFor('relocate', '3')]);
    const reversal = movement('reversal', original.lines, {
      reversalOf: original.id,
      reversedKind: 'relocate',
      reason: 'wrong bin',
    });
    expect(postMovement(reversal)).toEqual(
      postMovement(original).map((p) => ({
        ...p,
        qty: p.qty.startsWith('-') ? p.qty.slice(1) : `-${p.qty}`,
      })),
    );
  });
});
