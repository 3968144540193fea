import { newId } from '../../../shared/domain';
import { bookLineRows, isImportReady, rowProblemLines } from '../../../shared/imports';

const bookId = newId();
const customsHeaders = [
  'gdsSeqno',
  'gdsMtno',
  'gdecd',
  'gdsNm',
  'gdsSpcfModelDesc',
  'dclUnitcd',
  'lawfUnitcd',
  'fstSfVal',
  'natcd',
  'dclCurrcd',
  'dclUprcAmt',
  'barcode',
];
const good = (seq: number, item: string) => [
  String(seq),
  item,
  '8471300000',
  '笔记本电脑',
  'X1 14寸',
  '001',
  '001',
  '1',
  '116',
  '502',
  '899.5',
  `69${seq}`,
];

describe('bookLineRows', () => {
  it('turns good rows into book lines of the book, with ids and canonical decimals', () => {
    const preview = bookLineRows(
      { headers: customsHeaders, rows: [good(1, 'NB-001'), good(2, 'NB-002')] },
      { bookId, existing: [], newId },
    );
    expect(isImportReady(preview)).toBe(true);
    expect(preview.rows.map((r) => r.row)).toEqual([2, 3]);
    const line = preview.rows[0]?.record?.line;
    expect(line).toMatchObject({
      bookId,
      gdsSeqno: 1,
      gdsMtno: 'NB-001',
      dclUprcAmt: '899.5',
      barcode: '691',
    });
    expect(preview.rows[0]?.record?.updates).toBe(false);
  });

  it('accepts the Chinese headers, with spaces and full-width brackets', () => {
    const headers = [
      '备案序号',
      '料号',
      '商品编码',
      '商品名称',
      '规格型号',
      '申报单位',
      '法定单位',
      '法定单位比例因子',
      '原产国（地区）',
      '币制',
      ' 申报单价 ',
    ];
    const preview = bookLineRows(
      { headers, rows: [good(1, 'NB-001').slice(0, 11)] },
      { bookId, existing: [], newId },
    );
    expect(preview.columnErrors).toEqual([]);
    expect(isImportReady(preview)).toBe(true);
  });

  it('names every bad field of a bad row by its file line, and refuses the whole import', () => {
    const bad = good(3, 'NB-003');
    bad[2] = '84713000';
    bad[5] = '999';
    const preview = bookLineRows(
      { headers: customsHeaders, rows: [good(1, 'NB-001'), good(2, 'NB-002'), bad] },
      { bookId, existing: [], newId },
    );
    expect(isImportReady(preview)).toBe(false);
    expect(rowProblemLines(preview)).toEqual(['row 4: HS code (gdecd) must be exactly 10 digits, got 8']);
    const codes = bookLineRows(
      { headers: customsHeaders, rows: [Object.assign(good(1, 'A'), { 5: '999' })] },
      { bookId, existing: [], newId },
    );
    expect(rowProblemLines(codes)).toEqual([
      'row 2: Declared unit (dclUnitcd) 999 is not in the customs unit table',
    ]);
  });

  it('refuses a 备案序号 or 料号 used twice in the file or held by another line of the book', () => {
    const existing = [{ id: newId(), gdsSeqno: 5, gdsMtno: 'OLD-5' }];
    const preview = bookLineRows(
      {
        headers: customsHeaders,
        rows: [good(1, 'A'), good(1, 'B'), good(5, 'NEW'), good(6, 'OLD-5'), good(7, 'A')],
      },
      { bookId, existing, newId },
    );
    expect(rowProblemLines(preview)).toEqual([
      'row 3: Book line number (gdsSeqno) 1 is also on row 2',
      'row 4: Book line number (gdsSeqno) 5 is already in the book for item OLD-5',
      'row 5: Item number (gdsMtno) OLD-5 is already in the book on line 5',
      'row 6: Item number (gdsMtno) A is also on row 2',
    ]);
  });

  it('updates a stored line with the same 备案序号 and 料号, keeping its id', () => {
    const existing = [{ id: newId(), gdsSeqno: 1, gdsMtno: 'NB-001' }];
    const preview = bookLineRows(
      { headers: customsHeaders, rows: [good(1, 'NB-001')] },
      { bookId, existing, newId },
    );
    expect(preview.rows[0]?.record).toMatchObject({ updates: true, line: { id: existing[0]?.id } });
  });

  it('reports a missing or repeated column before reading any row, and lists columns it ignores', () => {
    const preview = bookLineRows(
      { headers: [...customsHeaders.filter((h) => h !== 'gdecd'), '料号', '备注'], rows: [good(1, 'A')] },
      { bookId, existing: [], newId },
    );
    expect(preview.rows).toEqual([]);
    expect(preview.columnErrors).toEqual([
      'Column "料号" repeats Item number (gdsMtno): keep one column for it',
      'Column HS code (gdecd) is missing: name it gdecd or 商品编码 or HS编码',
    ]);
    expect(preview.ignoredColumns).toEqual(['备注']);
  });

  it('skips blank rows and is not ready with no rows at all', () => {
    const preview = bookLineRows(
      { headers: customsHeaders, rows: [['', ' ']] },
      { bookId, existing: [], newId },
    );
    expect(preview.rows).toEqual([]);
    expect(isImportReady(preview)).toBe(false);
  });
});
