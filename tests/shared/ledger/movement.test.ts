import { describe, expect, it } from 'vitest';
import { fieldErrorsOf, newId } from '../../../shared/domain';
import { checkMovementContext, Movement } from '../../../shared/ledger';
import { book, bookLine, lineFor, lines, location, locations, movement, occurredAt } from './fixtures';

function errorsOf(input: unknown) {
  const result = Movement.safeParse(input);
  expect(result.success).toBe(false);
  return result.success ? [] : fieldErrorsOf(result.error);
}

const base = {
  id: newId(),
  bookId: book.id,
  occurredAt,
  customsDate: '20250301',
};

describe('Movement schema', () => {
  it('accepts a valid entry from abroad and canonicalises its quantity', () => {
    const m = Movement.parse({
      ...base,
      kind: 'entryFromAbroad',
      lines: [{ ...lineFor('entryFromAbroad', '10.50') }],
    });
    expect(m.lines[0]!.qty).toBe('10.5');
  });

  it('refuses zero, negative and over-precise quantities with a message naming the field', () => {
    expect(errorsOf({ ...base, kind: 'entryFromAbroad', lines: [lineFor('entryFromAbroad', '0')] })).toEqual([
      { field: 'lines[0].qty', message: 'Quantity (qty) must not be zero' },
    ]);
    expect(errorsOf({ ...base, kind: 'exitAbroad', lines: [lineFor('exitAbroad', '-3')] })).toEqual([
      {
        field: 'lines[0].qty',
        message:
          'Quantity (qty) must be greater than zero, got "-3"; only a stocktake adjustment may be negative',
      },
    ]);
    expect(
      errorsOf({ ...base, kind: 'exitAbroad', lines: [lineFor('exitAbroad', '1.123456')] })[0]?.message,
    ).toBe('Quantity (qty) may have at most 5 decimal places, got 6 in "1.123456"');
  });

  it('requires the customs date to be the Beijing date of occurredAt', () => {
    const errors = errorsOf({
      ...base,
      kind: 'entryFromAbroad',
      occurredAt: '2025-03-01T17:30:00Z',
      customsDate: '20250301',
      lines: [lineFor('entryFromAbroad', '1')],
    });
    expect(errors).toEqual([
      {
        field: 'customsDate',
        message:
          'Customs date (customsDate) must be the Beijing-time date of occurredAt, 20250302, got 20250301',
      },
    ]);
  });

  it('requires the locations its kind needs, and refuses the ones it does not', () => {
    const missing = errorsOf({
      ...base,
      kind: 'exitAbroad',
      lines: [{ bookLineId: lines[0]!.id, qty: '1' }],
    });
    expect(missing[0]).toMatchObject({ field: 'lines[0].fromLocationId' });
    expect(missing[0]!.message).toContain('is required');
    const extra = errorsOf({
      ...base,
      kind: 'entryFromAbroad',
      lines: [
        {
          bookLineId: lines[0]!.id,
          qty: '1',
          toLocationId: locations[0]!.id,
          fromLocationId: locations[1]!.id,
        },
      ],
    });
    expect(extra).toEqual([
      {
        field: 'lines[0].fromLocationId',
        message:
          'Location taken from (fromLocationId) must be empty: this side of Entry from abroad is abroad, not a zone location',
      },
    ]);
  });

  it('refuses a relocation to the same location', () => {
    const same = errorsOf({
      ...base,
      kind: 'relocate',
      lines: [lineFor('relocate', '1', 0, locations[0]!.id, locations[0]!.id)],
    });
    expect(same[0]!.field).toBe('lines[0].toLocationId');
  });

  it('requires approval for scrap and stocktake, naming who must approve', () => {
    const errors = errorsOf({ ...base, kind: 'scrap', lines: [lineFor('scrap', '1')] });
    expect(errors).toEqual([
      {
        field: 'approval',
        message:
          "Scrap or destruction (scrap) needs a supervisor's approval (approval.by and approval.at) before it is posted",
      },
    ]);
  });

  it('requires a counterparty, its book for transfers, and a purpose for processing', () => {
    expect(
      errorsOf({ ...base, kind: 'releaseDomestic', lines: [lineFor('releaseDomestic', '1')] })[0]!.field,
    ).toBe('counterparty');
    const noBook = errorsOf({
      ...base,
      kind: 'transferOutInZone',
      counterparty: { name: '区内乙公司' },
      lines: [lineFor('transferOutInZone', '1')],
    });
    expect(noBook[0]!.field).toBe('counterparty.putrecNo');
    const noPurpose = errorsOf({
      ...base,
      kind: 'processingOut',
      counterparty: { name: '维修厂' },
      lines: [lineFor('processingOut', '1')],
    });
    expect(noPurpose[0]!.message).toContain('purpose');
  });

  it('requires a reversal to name its original, its kind and a reason', () => {
    const errors = errorsOf({ ...base, kind: 'reversal', lines: [lineFor('relocate', '1')] });
    expect(errors.map((e) => e.field).sort()).toEqual(['reason', 'reversalOf', 'reversedKind']);
  });

  it('says which kinds exist when the kind is unknown', () => {
    const errors = errorsOf({ ...base, kind: 'teleport', lines: [lineFor('relocate', '1')] });
    expect(errors[0]!.message).toMatch(/^Movement kind \(kind\) "teleport" is not one of: entryFromAbroad/);
  });
});

describe('checkMovementContext', () => {
  const context = {
    book,
    bookLine: (id: string) => [...lines, foreignLine].find((line) => line.id === id),
    location: (id: string) => [...locations, foreignLocation].find((l) => l.id === id),
  };
  const foreignLine = bookLine(9, { bookId: newId() });
  const foreignLocation = { ...location('X-01'), bookId: newId() };

  it('passes a movement on its own book, lines and locations', () => {
    expect(checkMovementContext(movement('relocate', [lineFor('relocate', '1')]), context)).toEqual([]);
  });

  it('names a book line of another book, an unknown location and a date outside the validity', () => {
    const m = movement(
      'relocate',
      [
        {
          bookLineId: foreignLine.id,
          qty: '1',
          fromLocationId: locations[0]!.id,
          toLocationId: foreignLocation.id,
        },
        { bookLineId: lines[0]!.id, qty: '1', fromLocationId: newId(), toLocationId: locations[1]!.id },
      ],
      { occurredAt: '2028-01-01T00:00:00Z', customsDate: '20280101' },
    );
    expect(checkMovementContext(m, context)).toEqual([
      {
        field: 'customsDate',
        message: 'Customs date 20280101 is outside the validity of book T0101W000123 (20250101–20271231)',
      },
      {
        field: 'lines[0].bookLineId',
        message: 'Book line 9 (MT-9) belongs to another book, not T0101W000123',
      },
      {
        field: 'lines[0].toLocationId',
        message: 'Location X-01 belongs to another book or enterprise, not T0101W000123',
      },
      { field: 'lines[1].fromLocationId', message: `Location ${m.lines[1]!.fromLocationId} does not exist` },
    ]);
  });
});
