import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { z } from 'zod';
import { localizeDomainMessage } from '../../renderer/app/domain-messages';
import { EnterpriseForm } from '../../renderer/features/inventory/setup/EnterpriseForm';
import {
  AccountBook,
  AeoLevel,
  BookLine,
  Enterprise,
  Etpsno,
  Location,
  newId,
  Quantity,
  Sccd,
  SignedQuantity,
  validateBookLineCodes,
} from '../../shared/domain';
import { CustomsSettings } from '../../shared/domain/settings';
import {
  checkMovementContext,
  checkPostingAllowed,
  checkReversible,
  Movement,
  movementKinds,
  postMovement,
  type MovementKind,
} from '../../shared/ledger';
import { asStorageError, restoreBackup, saveEnterprise, StoreError } from '../../shared/store';
import { freshStore, renderWithStore, validSccd } from './support/with-store';

const bookId = newId();
const lineId = newId();
const shelfA = newId();
const shelfB = newId();

const validLine = {
  id: lineId,
  bookId,
  gdsSeqno: 1,
  gdsMtno: 'NB-001',
  gdecd: '8471300000',
  gdsNm: 'Notebook computer',
  gdsSpcfModelDesc: 'X1 14 inch',
  dclUnitcd: '001',
  lawfUnitcd: '001',
  fstSfVal: '1',
  natcd: '116',
  dclCurrcd: '502',
  dclUprcAmt: '899.5',
};

const validBook = {
  id: bookId,
  putrecNo: 'T0101W000001',
  bwlTypecd: 'Z',
  masterCuscd: '0101',
  ownerEnterpriseId: newId(),
  validFrom: '20200101',
  finishValidDate: '20991231',
};

const occurredAt = '2025-03-01T08:30:00.000Z';

function movement(
  kind: MovementKind,
  extra: Record<string, unknown> = {},
  line: Record<string, unknown> = {},
) {
  return {
    id: newId(),
    kind,
    bookId,
    lines: [{ bookLineId: lineId, qty: '5', ...line }],
    occurredAt,
    customsDate: '20250301',
    ...extra,
  };
}

/** Every message a schema gives for a value: what a form or an import would show. */
function issuesOf(schema: z.ZodType, value: unknown): string[] {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`expected ${JSON.stringify(value)} to be refused`);
  return parsed.error.issues.map((issue) => issue.message);
}

function thrownMessage(act: () => unknown): string {
  try {
    act();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a throw');
}

/** Real messages, made by the real schemas and checks with bad input — never copied by hand. */
function realMessages(): string[] {
  const book = AccountBook.parse(validBook);
  const line = BookLine.parse(validLine);
  const shortfall = checkPostingAllowed(
    postMovement(Movement.parse(movement('exitAbroad', {}, { qty: '120', fromLocationId: shelfA }))),
    () => '100',
    { bookLine: () => '#1 NB-001', location: () => 'A-01' },
  );
  const displayShortfall = checkPostingAllowed(
    postMovement(Movement.parse(movement('displaySale', { counterparty: { name: 'Buyer' } }))),
    () => '2',
    { bookLine: () => '#1 NB-001' },
  );
  const original = { id: newId(), kind: 'releaseDomestic' as const };
  const verdicts = [
    checkReversible({ id: newId(), kind: 'reversal' }, { customsState: 'notDeclared' }),
    checkReversible(original, { customsState: 'notDeclared', reversedBy: newId() }),
    checkReversible(original, { customsState: 'batched' }),
    checkReversible(original, { customsState: 'declared' }),
  ];
  const context = checkMovementContext(
    Movement.parse(
      movement('relocate', { customsDate: '20250301' }, { fromLocationId: shelfA, toLocationId: shelfB }),
    ),
    {
      book: { ...book, validFrom: '20250401' },
      bookLine: () => undefined,
      location: () => undefined,
    },
  );
  return [
    // shared/domain: field-rules builders through the real schemas
    ...issuesOf(BookLine, { ...validLine, gdecd: '12345678' }),
    ...issuesOf(BookLine, { ...validLine, gdecd: '84713000AB' }),
    ...issuesOf(BookLine, { ...validLine, gdsNm: undefined, gdsSeqno: 0 }),
    ...issuesOf(BookLine, { ...validLine, gdsSeqno: 'one' }),
    ...issuesOf(BookLine, { ...validLine, gdsMtno: 'x'.repeat(40), limitDate: '20250230' }),
    ...issuesOf(BookLine, { ...validLine, fstSfVal: '2', secdLawfUnitcd: '035' }),
    ...issuesOf(BookLine, { ...validLine, secdSfVal: '3', id: 'not-an-id' }),
    ...issuesOf(Quantity, '0'),
    ...issuesOf(Quantity, 'abc'),
    ...issuesOf(Quantity, '1.123456'),
    ...issuesOf(Quantity, '123456789012345'),
    ...issuesOf(Quantity, 12),
    ...issuesOf(SignedQuantity, '0'),
    ...issuesOf(Sccd, '123'),
    ...issuesOf(Sccd, '91110105MA01ABCDIX'),
    ...issuesOf(Sccd, `${validSccd().slice(0, 17)}${validSccd().endsWith('0') ? '1' : '0'}`),
    ...issuesOf(Etpsno, '1101'),
    ...issuesOf(AeoLevel, 'gold'),
    ...issuesOf(AeoLevel, undefined),
    ...issuesOf(Enterprise, { id: newId(), sccd: validSccd(), etpsno: '1101960ABC', aeoLevel: 'none' }),
    ...issuesOf(AccountBook, { ...validBook, putrecNo: 'X123', masterCuscd: '01', bwlTypecd: 'Q' }),
    ...issuesOf(AccountBook, { ...validBook, validFrom: '20300101', finishValidDate: '20250101' }),
    ...issuesOf(Location, { id: newId(), code: 'A 01', name: 'Shelf' }),
    ...validateBookLineCodes({ ...line, dclUnitcd: '999', natcd: '999', dclCurrcd: '999' }).map(
      (error) => error.message,
    ),
    ...issuesOf(CustomsSettings, { endpoint: 'http', gatewayUrl: 'not a url' }),
    // shared/ledger/movement.ts kindIssues
    ...issuesOf(Movement, movement('releaseDomestic', {}, { fromLocationId: shelfA })),
    ...issuesOf(
      Movement,
      movement('transferOutInZone', { counterparty: { name: 'Other' } }, { fromLocationId: shelfA }),
    ),
    ...issuesOf(
      Movement,
      movement('processingOut', { counterparty: { name: 'Fixer' } }, { fromLocationId: shelfA }),
    ),
    ...issuesOf(Movement, movement('scrap', {}, { fromLocationId: shelfA })),
    ...issuesOf(Movement, movement('exitAbroad', {}, { qty: '-2', toLocationId: shelfA })),
    ...issuesOf(Movement, movement('relocate', {}, { fromLocationId: shelfA, toLocationId: shelfA })),
    ...issuesOf(Movement, movement('entryFromAbroad', { customsDate: '20250302', reversalOf: newId() })),
    ...issuesOf(Movement, movement('reversal')),
    ...issuesOf(Movement, { ...movement('relocate'), lines: [], kind: 'teleport' }),
    // shared/ledger: context, shortfall, reversal
    ...context.map((error) => error.message),
    ...shortfall.map((s) => s.message),
    ...displayShortfall.map((s) => s.message),
    ...verdicts.flatMap((verdict) => (verdict.ok ? [] : [verdict.message])),
    // shared/store
    (asStorageError({ name: 'QuotaExceededError' }) as StoreError).message,
    thrownMessage(() => {
      throw new StoreError('duplicate', `Movement ${original.id} was already posted`);
    }),
  ];
}

/** Values a user types or picks, shown as they are: movement kinds, purposes, AEO levels. */
const codes = new Set<string>([
  ...movementKinds,
  'processing',
  'repair',
  'testing',
  'advanced',
  'general',
  'none',
  'JSON',
]);

/** English words left once the parts meant to stay are taken out: customs names, quoted input, ids. */
function leftoverEnglish(chinese: string): string[] {
  const kept = chinese
    .replace(/\([^()]*\)/g, '')
    .replace(/（[^（）]*）/g, '')
    .replace(/"[^"]*"/g, '')
    .replace(/\w+:\/\/\S+/g, '')
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '');
  return (kept.match(/[A-Za-z]{4,}/g) ?? []).filter(
    (word) => !/^[a-z]+[A-Z]\w*$/.test(word) && !codes.has(word),
  );
}

// One test opens a store, slow on a busy machine: a bound for that, not the default five seconds.
describe('localizeDomainMessage', { timeout: 30_000 }, () => {
  const messages = realMessages();

  it('gets a good spread of real messages to check', () => {
    expect(messages.length).toBeGreaterThan(45);
  });

  it.each(messages)('translates %s', (message) => {
    const chinese = localizeDomainMessage(message, 'zh-CN');
    expect(chinese).not.toBe(message);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
    expect(leftoverEnglish(chinese)).toEqual([]);
  });

  it('leaves English untouched', () => {
    for (const message of messages) expect(localizeDomainMessage(message, 'en')).toBe(message);
  });

  it.each([
    [
      issuesOf(BookLine, { ...validLine, gdecd: '12345678' })[0],
      '商品编码 (gdecd)必须正好是 10 位数字，实际为 8 位',
    ],
    [issuesOf(Quantity, '0')[0], '数量 (qty)必须大于零，实际为 "0"'],
    [
      issuesOf(Movement, movement('releaseDomestic', {}, { fromLocationId: shelfA }))[0],
      '二线出区 (releaseDomestic)需要填写对方企业 (counterparty.name)',
    ],
    [
      'Not enough of book line #1 NB-001 at location A-01: 100 there, 120 needed, short by 20',
      '库位 A-01 的账册料件 #1 NB-001 数量不足：现有 100，需要 120，短缺 20',
    ],
    [
      'Customs code (etpsno) must be 10 digits or capital letters, got "1101"',
      '海关编码 (etpsno)必须是 10 位数字或大写字母，实际为 "1101"',
    ],
  ])('says %s as %s', (english, chinese) => {
    expect(localizeDomainMessage(english ?? '', 'zh-CN')).toBe(chinese);
  });

  it('takes the kind names from the kinds table', () => {
    const [declared] = [checkReversible({ id: 'm-1', kind: 'exitAbroad' }, { customsState: 'declared' })];
    expect(declared?.ok).toBe(false);
    const message = declared && !declared.ok ? declared.message : '';
    expect(localizeDomainMessage(message, 'zh-CN')).toContain('业务 m-1（一线出区）已向海关申报');
  });

  it('translates each message of a joined refusal, and of the store’s wrappers', async () => {
    const store = await freshStore();
    const refused = await saveEnterprise(store.db, {
      id: newId(),
      sccd: '123',
      etpsno: '1101',
      aeoLevel: 'none',
    })
      .then(() => undefined)
      .catch((error: unknown) => error as StoreError);
    const chinese = localizeDomainMessage(refused?.message ?? '', 'zh-CN');
    expect(chinese).toMatch(
      /^企业未保存：企业名称 \(name\)必须填写；统一社会信用代码 \(sccd\)必须是 18 个字符/,
    );
    expect(leftoverEnglish(chinese)).toEqual([]);

    const broken = await restoreBackup(store.db, 'not a backup')
      .then(() => undefined)
      .catch((error: unknown) => error as StoreError);
    expect(localizeDomainMessage(broken?.message ?? '', 'zh-CN')).toBe(
      '备份文件第 1 行有误：文件不完整：结尾没有换行。没有恢复任何内容。',
    );
  });

  it('leaves a message it does not know exactly as it is, never half-translated', () => {
    for (const message of [
      'Something new went wrong',
      'Gizmo (gizmo) is required',
      'Teleport (teleport) needs the counterparty (counterparty.name)',
      'Quantity (qty) must be purple, got "1"',
    ]) {
      expect(localizeDomainMessage(message, 'zh-CN')).toBe(message);
    }
  });
});

describe('a Chinese form', { timeout: 30_000 }, () => {
  it('shows the schema’s message in Chinese under the field', async () => {
    const store = await freshStore();
    await renderWithStore(<EnterpriseForm enterprise={undefined} />, store, 'zh-CN');
    const etpsno = await screen.findByLabelText(/海关编码/);
    await userEvent.type(etpsno, '1101');
    await userEvent.click(screen.getByRole('button', { name: '保存企业' }));
    expect(
      await screen.findByText('海关编码 (etpsno)必须是 10 位数字或大写字母，实际为 "1101"'),
    ).toBeTruthy();
    expect(await screen.findByText('企业名称 (name)必须填写')).toBeTruthy();
    expect(screen.queryByText(/must be/)).toBeNull();
    expect(await store.db.enterprises.count()).toBe(0);
  });
});
