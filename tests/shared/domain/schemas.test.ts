import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AccountBook,
  BookLine,
  customsDateOf,
  Enterprise,
  fieldErrorsOf,
  isWithinBookValidity,
  lawfQtyOf,
  Location,
  newId,
  Quantity,
  sccdCheckCharacter,
  secdLawfQtyOf,
  SignedQuantity,
  UnitPrice,
  validateBookLineCodes,
} from '../../../shared/domain';

function errors(schema: z.ZodType, input: unknown) {
  const result = schema.safeParse(input);
  expect(result.success, JSON.stringify(input)).toBe(false);
  return result.success ? [] : fieldErrorsOf(result.error);
}
const messageOf = (schema: z.ZodType, input: unknown) => errors(schema, input)[0]?.message;

describe('Quantity', () => {
  it('accepts positive quantities up to 5 decimals and returns their canonical spelling', () => {
    expect(Quantity.parse('12')).toBe('12');
    expect(Quantity.parse(' 0.00001 ')).toBe('0.00001');
    expect(Quantity.parse('12.50000')).toBe('12.5');
  });

  it('tells the worker what is wrong, in words', () => {
    expect(messageOf(Quantity, '0')).toBe('Quantity (qty) must be greater than zero, got "0"');
    expect(messageOf(Quantity, '-1')).toBe('Quantity (qty) must be greater than zero, got "-1"');
    expect(messageOf(Quantity, '1.123456')).toBe(
      'Quantity (qty) may have at most 5 decimal places, got 6 in "1.123456"',
    );
    expect(messageOf(Quantity, '12,5')).toBe(
      'Quantity (qty) must be a number like 12 or 12.5 (digits and one decimal point), got "12,5"',
    );
    expect(messageOf(Quantity, 12)).toBe(
      'Quantity (qty) must be a number written as text, like "12.5", got 12',
    );
    expect(messageOf(Quantity, undefined)).toBe('Quantity (qty) is required');
    expect(messageOf(Quantity, '6901234567890123')).toBe(
      'Quantity (qty) has 16 digits before the decimal point, at most 14 are allowed — was a barcode scanned into this field?',
    );
  });

  it('lets a stocktake quantity be negative but never zero', () => {
    expect(SignedQuantity.parse('-2.5')).toBe('-2.5');
    expect(messageOf(SignedQuantity, '0.00000')).toBe('Quantity (qty) must not be zero');
  });

  it('limits unit prices to 4 decimals', () => {
    expect(UnitPrice.parse('12.3456')).toBe('12.3456');
    expect(messageOf(UnitPrice, '1.23456')).toBe(
      'Declared unit price (dclUprcAmt) may have at most 4 decimal places, got 5 in "1.23456"',
    );
  });
});

describe('customsDateOf', () => {
  it('gives the calendar day in Beijing, not in UTC', () => {
    expect(customsDateOf('2025-03-01T15:59:59Z')).toBe('20250301');
    expect(customsDateOf('2025-03-01T16:00:00Z')).toBe('20250302');
    expect(customsDateOf('2024-12-31T16:30:00.000Z')).toBe('20250101');
  });
});

const enterprise = {
  id: newId(),
  name: '北京示例保税物流有限公司',
  sccd: '913302017532977856',
  etpsno: '1105960ABC',
  aeoLevel: 'advanced',
};

describe('Enterprise', () => {
  it('accepts real social credit codes and upper-cases a typed one', () => {
    expect(Enterprise.parse(enterprise).sccd).toBe('913302017532977856');
    expect(Enterprise.parse({ ...enterprise, sccd: '91331082147982053a' }).sccd).toBe('91331082147982053A');
    expect(sccdCheckCharacter('91331082147982053')).toBe('A');
  });

  it('names the field and the rule for a bad code', () => {
    expect(errors(Enterprise, { ...enterprise, sccd: '9133020175329778' })).toEqual([
      { field: 'sccd', message: 'Unified social credit code (sccd) must be 18 characters, got 16' },
    ]);
    expect(messageOf(Enterprise, { ...enterprise, sccd: '913302017532977855' })).toBe(
      'Unified social credit code (sccd) "913302017532977855" fails its check: the last character should be 6 — check for a typing error',
    );
    expect(messageOf(Enterprise, { ...enterprise, sccd: '91330201753297785O' })).toMatch(
      /"O" is not allowed/,
    );
    expect(errors(Enterprise, { ...enterprise, etpsno: '12345' })).toEqual([
      { field: 'etpsno', message: 'Customs code (etpsno) must be 10 digits or capital letters, got "12345"' },
    ]);
    expect(messageOf(Enterprise, { ...enterprise, aeoLevel: 'gold' })).toBe(
      'AEO level (aeoLevel) must be advanced, general or none, got "gold"',
    );
  });
});

const book = {
  id: newId(),
  putrecNo: 'T3111W000076',
  bwlTypecd: 'Z',
  masterCuscd: '0101',
  ownerEnterpriseId: enterprise.id,
  validFrom: '20250101',
  finishValidDate: '20251231',
};

describe('AccountBook', () => {
  it('accepts a zone book and knows its validity', () => {
    const parsed = AccountBook.parse(book);
    expect(isWithinBookValidity(parsed, '20251231')).toBe(true);
    expect(isWithinBookValidity(parsed, '20260101')).toBe(false);
    expect(isWithinBookValidity(parsed, '20241231')).toBe(false);
  });

  it('checks the book number, type, customs office and dates, naming each field', () => {
    expect(
      errors(AccountBook, {
        ...book,
        putrecNo: 'X3111W000076',
        bwlTypecd: 'ZZ',
        masterCuscd: '101',
        validFrom: '20250230',
      }),
    ).toEqual([
      {
        field: 'putrecNo',
        message:
          'Account book number (putrecNo) must be 12 characters: B, C, D, E, H, L, T or W followed by 11 letters or digits (like T3111W000076), got "X3111W000076"',
      },
      {
        field: 'bwlTypecd',
        message:
          'Book type (bwlTypecd) must be a known 区域场所类别 code (Z for a comprehensive bonded zone), got "ZZ"',
      },
      {
        field: 'masterCuscd',
        message: 'Master customs office (masterCuscd) must be exactly 4 digits, got 3',
      },
      {
        field: 'validFrom',
        message: 'Valid from (validFrom) must be a real date written yyyyMMdd, got "20250230"',
      },
    ]);
    expect(errors(AccountBook, { ...book, finishValidDate: '20241231' })).toEqual([
      {
        field: 'finishValidDate',
        message: 'Valid until (finishValidDate) must not be before Valid from (validFrom)',
      },
    ]);
  });
});

const line = {
  id: newId(),
  bookId: book.id,
  gdsSeqno: 12,
  gdsMtno: 'CPU-0012',
  gdecd: '8542319000',
  gdsNm: '处理器',
  gdsSpcfModelDesc: 'BGA',
  dclUnitcd: '007',
  lawfUnitcd: '035',
  fstSfVal: '0.0125',
  secdLawfUnitcd: undefined,
  natcd: '116',
  dclCurrcd: '502',
  dclUprcAmt: '12.3456',
};

describe('BookLine', () => {
  it('accepts a line and converts declared to legal quantities exactly', () => {
    const parsed = BookLine.parse(line);
    expect(lawfQtyOf(parsed, '100')).toBe('1.25');
    expect(secdLawfQtyOf(parsed, '100')).toBeUndefined();
    expect(secdLawfQtyOf({ secdSfVal: '0.002' }, '3')).toBe('0.006');
  });

  it('says the HS code must be 10 digits and how many were given', () => {
    expect(errors(BookLine, { ...line, gdecd: '85423190' })).toEqual([
      { field: 'gdecd', message: 'HS code (gdecd) must be exactly 10 digits, got 8' },
    ]);
    expect(messageOf(BookLine, { ...line, gdecd: '8542.31.90' })).toBe(
      'HS code (gdecd) must be exactly 10 digits, got "8542.31.90" which has characters other than digits',
    );
  });

  it('names missing and inconsistent fields', () => {
    expect(errors(BookLine, { ...line, gdsNm: '  ', gdsSeqno: 0, secdLawfUnitcd: '035' })).toEqual([
      { field: 'gdsSeqno', message: 'Book line number (gdsSeqno) must be 1 or more' },
      { field: 'gdsNm', message: 'Goods name (gdsNm) is required' },
      {
        field: 'secdSfVal',
        message:
          'Declared-to-second-legal unit factor (secdSfVal) is required when a second legal unit is given',
      },
    ]);
    expect(errors(BookLine, { ...line, lawfUnitcd: '007', fstSfVal: '2' })).toEqual([
      {
        field: 'fstSfVal',
        message: 'Declared-to-legal unit factor (fstSfVal) must be 1 when both units are 007, got 2',
      },
    ]);
    expect(messageOf(BookLine, { ...line, gdsMtno: 'x'.repeat(33) })).toBe(
      'Item number (gdsMtno) may have at most 32 characters',
    );
    expect(messageOf(BookLine, { ...line, limitDate: '2025-12-31' })).toBe(
      'Storage limit date (limitDate) must be a real date written yyyyMMdd, got "2025-12-31"',
    );
  });

  it('checks unit, country and currency codes against the code tables', () => {
    expect(validateBookLineCodes(line)).toEqual([]);
    expect(
      validateBookLineCodes({
        ...line,
        dclUnitcd: '999',
        secdLawfUnitcd: '998',
        natcd: '000',
        dclCurrcd: 'USD',
      }),
    ).toEqual([
      { field: 'dclUnitcd', message: 'Declared unit (dclUnitcd) 999 is not in the customs unit table' },
      {
        field: 'secdLawfUnitcd',
        message: 'Second legal unit (secdLawfUnitcd) 998 is not in the customs unit table',
      },
      {
        field: 'natcd',
        message: 'Country of origin (natcd) 000 is not a known 3-digit customs country code (China is 142)',
      },
      {
        field: 'dclCurrcd',
        message:
          'Currency (dclCurrcd) USD is not a known 3-digit customs currency code (CNY is 142, USD 502)',
      },
    ]);
  });
});

describe('Location', () => {
  it('belongs to exactly one book or enterprise', () => {
    const base = { id: newId(), code: 'A-01-03', name: '一号库 A区' };
    expect(Location.parse({ ...base, bookId: book.id }).code).toBe('A-01-03');
    expect(errors(Location, base)[0]?.message).toBe(
      'A location belongs to exactly one book (bookId) or one enterprise (enterpriseId)',
    );
    expect(messageOf(Location, { ...base, bookId: book.id, enterpriseId: enterprise.id })).toMatch(
      /exactly one/,
    );
    expect(messageOf(Location, { ...base, bookId: book.id, code: 'A 01' })).toBe(
      'Location code (code) must be up to 32 letters, digits or . _ / -, got "A 01"',
    );
    expect(messageOf(Location, { ...base, id: 'not-an-id', bookId: book.id })).toBe(
      'Location id (id) must be a record id (UUIDv7), got "not-an-id"',
    );
  });
});
