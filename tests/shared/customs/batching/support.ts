import {
  customsDateOf,
  newId,
  type AccountBook,
  type BookLine,
  type Enterprise,
} from '../../../../shared/domain';
import { kinds, type Movement, type MovementKind } from '../../../../shared/ledger';
import {
  counterAllocator,
  defaultBatchingPolicy,
  defaultDeclarationSettings,
  type BatchInput,
  type BatchOptions,
} from '../../../../shared/customs/batching';

export const owner: Enterprise = {
  id: newId(),
  name: '北京示例保税物流有限公司',
  sccd: '913302017532977856',
  etpsno: '1101240001',
  aeoLevel: 'advanced',
};

export const book: AccountBook = {
  id: newId(),
  putrecNo: 'T0101W000123',
  bwlTypecd: 'Z',
  masterCuscd: '0101',
  ownerEnterpriseId: owner.id,
  validFrom: '20250101',
  finishValidDate: '20271231',
};

export function bookLineOf(gdsSeqno: number): BookLine {
  return {
    id: `line-${gdsSeqno}`,
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
  };
}

export const bookLines = Array.from({ length: 120 }, (_, index) => bookLineOf(index + 1));

/** The kinds declared by 出入库单 under a 业务申报表 (out for processing or display, and back). */
export const chainKinds = (Object.keys(kinds) as MovementKind[]).filter(
  (kind) => kinds[kind].declare && !(kinds[kind].documents as readonly string[]).includes('INV101'),
);

/** The kinds the batching turns into 核注清单 (and gate passes). */
export const listKinds = (Object.keys(kinds) as MovementKind[]).filter(
  (kind) => kinds[kind].declare && (kinds[kind].documents as readonly string[]).includes('INV101'),
);

export const counterparty = {
  name: '北京示例科技有限公司',
  sccd: '913302017532977856',
  etpsno: '1105960XYZ',
  putrecNo: 'T0101W000999',
};

/** A movement as the journal holds it; the batching reads only what it declares. */
export function movementOf(
  kind: MovementKind,
  lines: ReadonlyArray<{ seqno: number; qty: string }>,
  occurredAt = '2025-03-01T02:00:00.000Z',
): Movement {
  return {
    id: newId(),
    kind,
    bookId: book.id,
    lines: lines.map((line) => ({ bookLineId: `line-${line.seqno}`, qty: line.qty })),
    occurredAt,
    customsDate: customsDateOf(occurredAt),
    ...(kinds[kind].counterparty !== 'none' && { counterparty }),
    ...(kinds[kind].needsPurpose && { purpose: 'repair' as const }),
  };
}

export function inputOf(movements: readonly Movement[]): BatchInput {
  return { movements, books: [book], bookLines, enterprises: [owner] };
}

export function optionsOf(overrides: Partial<BatchOptions> = {}): BatchOptions {
  return {
    policy: defaultBatchingPolicy,
    settings: defaultDeclarationSettings,
    now: '2026-02-01T04:00:00.000Z',
    allocate: counterAllocator('device-test', 0).allocate,
    ...overrides,
  };
}
