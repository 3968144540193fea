import { BookLine } from '../domain/book-line';
import { validateBookLineCodes } from '../domain/book-line-codes';
import { fieldErrorsOf, type FieldError } from '../domain/field-error';
import { cellOf, fileRowNumber, isBlankRow, mapColumns, type ColumnSpec, type ImportTable } from './columns';
import type { ImportPreview, RowVerdict } from './row-verdicts';

export type BookLineField =
  | 'gdsSeqno'
  | 'gdsMtno'
  | 'gdecd'
  | 'gdsNm'
  | 'gdsSpcfModelDesc'
  | 'dclUnitcd'
  | 'lawfUnitcd'
  | 'fstSfVal'
  | 'secdLawfUnitcd'
  | 'secdSfVal'
  | 'natcd'
  | 'dclCurrcd'
  | 'dclUprcAmt'
  | 'barcode'
  | 'limitDate';

const column = (
  field: BookLineField,
  label: string,
  required: boolean,
  ...chinese: string[]
): ColumnSpec<BookLineField> => ({
  field,
  label: `${label} (${field})`,
  required,
  headers: [field, ...chinese],
});

/** The item master's columns, in template order: the BwsDt fields of a logistics book (customs-domain.md §1.4). */
export const bookLineColumns: readonly ColumnSpec<BookLineField>[] = [
  column('gdsSeqno', 'Book line number', true, '备案序号', '商品序号', '序号'),
  column('gdsMtno', 'Item number', true, '料号', '商品料号'),
  column('gdecd', 'HS code', true, '商品编码', 'HS编码'),
  column('gdsNm', 'Goods name', true, '商品名称'),
  column('gdsSpcfModelDesc', 'Specification and model', true, '规格型号'),
  column('dclUnitcd', 'Declared unit', true, '申报单位', '申报计量单位'),
  column('lawfUnitcd', 'Legal unit', true, '法定单位', '法定计量单位'),
  column(
    'fstSfVal',
    'Declared-to-legal unit factor',
    true,
    '法定单位比例因子',
    '法定计量单位比例因子',
    '比例因子',
  ),
  column('secdLawfUnitcd', 'Second legal unit', false, '第二法定单位', '第二法定计量单位'),
  column('secdSfVal', 'Declared-to-second-legal unit factor', false, '第二法定单位比例因子', '第二比例因子'),
  column('natcd', 'Country of origin', true, '原产国', '原产国(地区)'),
  column('dclCurrcd', 'Currency', true, '币制'),
  column('dclUprcAmt', 'Declared unit price', true, '申报单价'),
  column('barcode', 'Barcode', false, '条码', '条形码'),
  column('limitDate', 'Storage limit date', false, '存储期限', '监管期限'),
];

/** A line of the book already stored, which an import must not contradict. */
export type ExistingBookLine = Pick<BookLine, 'id' | 'gdsSeqno' | 'gdsMtno'>;

export interface BookLineCandidate {
  readonly line: BookLine;
  /** The row changes a line already in the book (same 备案序号 and 料号) rather than adding one. */
  readonly updates: boolean;
}

export interface BookLineImportOptions {
  readonly bookId: string;
  readonly existing: readonly ExistingBookLine[];
  readonly newId: () => string;
}

/** gdsSeqno is a whole number in the book; a cell that is not one goes to the schema as text to be refused. */
function seqnoOf(cell: string | undefined): number | string | undefined {
  return cell !== undefined && /^\d+$/.test(cell) ? Number(cell) : cell;
}

/**
 * Turns the rows of an item-master sheet into book lines of one book, or into the reasons each row
 * cannot be one: the BookLine schema, the code tables, and no 备案序号 or 料号 used twice — in the file,
 * or against a different line already in the book. Pure, so the import screen and the CLI agree.
 */
export function bookLineRows(
  table: ImportTable,
  options: BookLineImportOptions,
): ImportPreview<BookLineCandidate> {
  const map = mapColumns(bookLineColumns, table.headers);
  if (map.errors.length) return { columnErrors: map.errors, ignoredColumns: map.ignored, rows: [] };
  const bySeqno = new Map(options.existing.map((line) => [line.gdsSeqno, line]));
  const byItem = new Map(options.existing.map((line) => [line.gdsMtno, line]));
  const firstRowOfSeqno = new Map<number, number>();
  const firstRowOfItem = new Map<string, number>();

  const rows: RowVerdict<BookLineCandidate>[] = [];
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = fileRowNumber(index);
    const cell = (field: BookLineField) => cellOf(map, cells, field);
    const gdsSeqno = seqnoOf(cell('gdsSeqno'));
    const gdsMtno = cell('gdsMtno');
    const stored = typeof gdsSeqno === 'number' ? bySeqno.get(gdsSeqno) : undefined;
    const sameLine = stored !== undefined && stored.gdsMtno === gdsMtno;
    const candidate: Record<string, unknown> = {
      id: sameLine ? stored.id : options.newId(),
      bookId: options.bookId,
      gdsSeqno,
    };
    for (const spec of bookLineColumns) {
      if (spec.field !== 'gdsSeqno') candidate[spec.field] = cell(spec.field);
    }
    const parsed = BookLine.safeParse(candidate);
    const errors: FieldError[] = parsed.success
      ? validateBookLineCodes(parsed.data)
      : fieldErrorsOf(parsed.error);

    if (typeof gdsSeqno === 'number') {
      const earlier = firstRowOfSeqno.get(gdsSeqno);
      if (earlier !== undefined) {
        errors.push({
          field: 'gdsSeqno',
          message: `Book line number (gdsSeqno) ${gdsSeqno} is also on row ${earlier}`,
        });
      } else firstRowOfSeqno.set(gdsSeqno, row);
      if (stored && !sameLine) {
        errors.push({
          field: 'gdsSeqno',
          message: `Book line number (gdsSeqno) ${gdsSeqno} is already in the book for item ${stored.gdsMtno}`,
        });
      }
    }
    if (gdsMtno !== undefined) {
      const earlier = firstRowOfItem.get(gdsMtno);
      if (earlier !== undefined) {
        errors.push({
          field: 'gdsMtno',
          message: `Item number (gdsMtno) ${gdsMtno} is also on row ${earlier}`,
        });
      } else firstRowOfItem.set(gdsMtno, row);
      const holder = byItem.get(gdsMtno);
      if (holder && holder.gdsSeqno !== gdsSeqno) {
        errors.push({
          field: 'gdsMtno',
          message: `Item number (gdsMtno) ${gdsMtno} is already in the book on line ${holder.gdsSeqno}`,
        });
      }
    }
    rows.push(
      parsed.success && errors.length === 0
        ? { row, record: { line: parsed.data, updates: sameLine }, errors }
        : { row, errors },
    );
  });
  return { columnErrors: [], ignoredColumns: map.ignored, rows };
}
