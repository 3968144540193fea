import { Movement } from '../../../shared/ledger';
import { newId } from '../../../shared/domain';
import {
  isImportReady,
  openingBalanceMovement,
  openingBalanceRows,
  rowProblemLines,
} from '../../../shared/imports';

const bookLines = [
  { id: newId(), gdsSeqno: 1, gdsMtno: 'NB-001' },
  { id: newId(), gdsSeqno: 2, gdsMtno: 'NB-002' },
];
const locations = [
  { id: newId(), code: 'A-01' },
  { id: newId(), code: 'B-02' },
];
const options = { bookName: 'T3111W000076', bookLines, locations };

describe('openingBalanceRows', () => {
  it('resolves lines by 备案序号 or 料号 and locations by code, case-insensitively', () => {
    const preview = openingBalanceRows(
      {
        headers: ['备案序号', '料号', '库位', '数量'],
        rows: [
          ['1', '', 'a-01', '10.50'],
          ['', 'NB-002', 'B-02', '3'],
        ],
      },
      options,
    );
    expect(isImportReady(preview)).toBe(true);
    expect(preview.rows.map((r) => r.record)).toEqual([
      { bookLine: bookLines[0], location: locations[0], qty: '10.5' },
      { bookLine: bookLines[1], location: locations[1], qty: '3' },
    ]);
  });

  it('names what is wrong with each bad row', () => {
    const preview = openingBalanceRows(
      {
        headers: ['gdsSeqno', 'gdsMtno', 'locationCode', 'qty'],
        rows: [
          ['9', '', 'A-01', '1'],
          ['1', 'NB-002', 'A-01', '1'],
          ['', 'NB-001', 'Z-99', '0'],
          ['', '', 'A-01', '1.123456'],
          ['2', '', 'A-01', '1'],
          ['', 'NB-002', 'A-01', '2'],
        ],
      },
      options,
    );
    expect(rowProblemLines(preview)).toEqual([
      'row 2: Book line number (gdsSeqno) 9 is not a line of book T3111W000076',
      'row 3: Item number (gdsMtno) NB-002 is on line 2, not on line 1 given beside it',
      'row 4: Location code (locationCode) Z-99 is not a location of book T3111W000076',
      'row 4: Quantity (qty) must be greater than zero, got "0"',
      'row 5: Book line number (gdsSeqno) or item number (gdsMtno) is required',
      'row 5: Quantity (qty) may have at most 5 decimal places, got 6 in "1.123456"',
      'row 7: Book line 2 (NB-002) at location A-01 is also on row 6',
    ]);
  });

  it('needs a column for the line, the location and the quantity', () => {
    const preview = openingBalanceRows({ headers: ['库位'], rows: [['A-01']] }, options);
    expect(preview.columnErrors).toEqual([
      'Column Quantity (qty) is missing: name it qty or 数量 or 期初数量',
      'Column Book line number (gdsSeqno) or Item number (gdsMtno) is missing: one of them is needed',
    ]);
  });
});

describe('openingBalanceMovement', () => {
  it('is one approved stocktake adjustment into the locations, valid for the ledger', () => {
    const preview = openingBalanceRows(
      {
        headers: ['料号', '库位', '数量'],
        rows: [
          ['NB-001', 'A-01', '10'],
          ['NB-002', 'B-02', '4'],
        ],
      },
      options,
    );
    const movement = openingBalanceMovement(
      preview.rows.flatMap((r) => (r.record ? [r.record] : [])),
      {
        id: newId(),
        bookId: newId(),
        occurredAt: '2025-03-01T17:00:00.000Z',
        approvedBy: '王主管',
        note: 'Opening balances',
      },
    );
    expect(movement).toMatchObject({
      kind: 'stocktakeAdjustment',
      customsDate: '20250302',
      approval: { by: '王主管', at: '2025-03-01T17:00:00.000Z' },
      lines: [
        { bookLineId: bookLines[0]?.id, qty: '10', toLocationId: locations[0]?.id },
        { bookLineId: bookLines[1]?.id, qty: '4', toLocationId: locations[1]?.id },
      ],
    });
    expect(Movement.safeParse(movement).success).toBe(true);
  });
});
