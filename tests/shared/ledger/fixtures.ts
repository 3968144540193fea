import { customsDateOf, newId, type AccountBook, type BookLine, type Location } from '../../../shared/domain';
import { kinds, Movement, type MovementKind, type MovementLine } from '../../../shared/ledger';

export const enterpriseId = newId();

export const book: AccountBook = {
  id: newId(),
  putrecNo: 'T0101W000123',
  bwlTypecd: 'Z',
  masterCuscd: '0101',
  ownerEnterpriseId: enterpriseId,
  validFrom: '20250101',
  finishValidDate: '20271231',
};

export function bookLine(gdsSeqno: number, overrides: Partial<BookLine> = {}): BookLine {
  return {
    id: newId(),
    bookId: book.id,
    gdsSeqno,
    gdsMtno: `MT-${gdsSeqno}`,
    gdecd: '8542319000',
    gdsNm: '处理器集成电路',
    gdsSpcfModelDesc: 'BGA封装',
    dclUnitcd: '007',
    lawfUnitcd: '007',
    fstSfVal: '1',
    secdLawfUnitcd: '035',
    secdSfVal: '0.002',
    natcd: '116',
    dclCurrcd: '502',
    dclUprcAmt: '12.3456',
    ...overrides,
  };
}

export function location(code: string): Location {
  return { id: newId(), bookId: book.id, code, name: `Bin ${code}` };
}

export const lines = [bookLine(1), bookLine(2), bookLine(3)];
export const locations = [location('A-01'), location('A-02'), location('B-01')];

export const occurredAt = '2025-03-01T02:00:00.000Z';

/** A valid movement of `kind` with the extra fields its rule asks for. */
export function movement(
  kind: MovementKind,
  movementLines: MovementLine[],
  extra: Partial<Omit<Movement, 'kind' | 'lines'>> = {},
): Movement {
  const rule = kinds[kind];
  return Movement.parse({
    id: newId(),
    kind,
    bookId: book.id,
    lines: movementLines,
    occurredAt,
    customsDate: customsDateOf(extra.occurredAt ?? occurredAt),
    ...(rule.counterparty !== 'none' && {
      counterparty: { name: '北京示例科技有限公司', putrecNo: 'T0101W000999' },
    }),
    ...(rule.needsPurpose && { purpose: 'repair' }),
    ...(rule.approval && { approval: { by: 'supervisor-li', at: occurredAt } }),
    ...extra,
  });
}

/** One line of `qty` of book line `lineIndex`, with the locations its kind needs. */
export function lineFor(
  kind: MovementKind,
  qty: string,
  lineIndex = 0,
  from = locations[0]!.id,
  to = locations[1]!.id,
): MovementLine {
  const rule = kinds[kind];
  return {
    bookLineId: lines[lineIndex]!.id,
    qty,
    ...(rule.from === 'zone' && { fromLocationId: from }),
    ...(rule.to === 'zone' && { toLocationId: rule.from === 'zone' ? to : from }),
  };
}
