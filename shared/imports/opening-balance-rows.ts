import type { BookLine } from '../domain/book-line';
import { customsDateOf } from '../domain/customs-date';
import type { FieldError } from '../domain/field-error';
import type { Location } from '../domain/location';
import { Quantity } from '../domain/quantities';
import type { Movement } from '../ledger/movement';
import { cellOf, fileRowNumber, isBlankRow, mapColumns, type ColumnSpec, type ImportTable } from './columns';
import type { ImportPreview, RowVerdict } from './row-verdicts';

export type OpeningBalanceField = 'gdsSeqno' | 'gdsMtno' | 'locationCode' | 'qty';

/** 备案序号 or 料号 identifies the line (either is enough); the location is given by its code. */
export const openingBalanceColumns: readonly ColumnSpec<OpeningBalanceField>[] = [
  {
    field: 'gdsSeqno',
    label: 'Book line number (gdsSeqno)',
    required: false,
    headers: ['gdsSeqno', '备案序号', '商品序号', '序号'],
  },
  {
    field: 'gdsMtno',
    label: 'Item number (gdsMtno)',
    required: false,
    headers: ['gdsMtno', '料号', '商品料号'],
  },
  {
    field: 'locationCode',
    label: 'Location code (locationCode)',
    required: true,
    headers: ['locationCode', '库位', '库位代码', '库位编码'],
  },
  { field: 'qty', label: 'Quantity (qty)', required: true, headers: ['qty', '数量', '期初数量'] },
];

export type OpeningBookLine = Pick<BookLine, 'id' | 'gdsSeqno' | 'gdsMtno'>;
export type OpeningLocation = Pick<Location, 'id' | 'code'>;

export interface OpeningBalanceCandidate {
  readonly bookLine: OpeningBookLine;
  readonly location: OpeningLocation;
  /** Declared quantity, canonical decimal. */
  readonly qty: string;
}

export interface OpeningBalanceOptions {
  /** The book's name for messages, e.g. its putrecNo. */
  readonly bookName: string;
  readonly bookLines: readonly OpeningBookLine[];
  readonly locations: readonly OpeningLocation[];
}

function bookLineOfRow(
  seqnoCell: string | undefined,
  itemCell: string | undefined,
  options: OpeningBalanceOptions,
  errors: FieldError[],
): OpeningBookLine | undefined {
  if (seqnoCell === undefined && itemCell === undefined) {
    errors.push({
      field: 'gdsSeqno',
      message: 'Book line number (gdsSeqno) or item number (gdsMtno) is required',
    });
    return undefined;
  }
  let bySeqno: OpeningBookLine | undefined;
  if (seqnoCell !== undefined) {
    bySeqno = /^\d+$/.test(seqnoCell)
      ? options.bookLines.find((l) => l.gdsSeqno === Number(seqnoCell))
      : undefined;
    if (!bySeqno) {
      errors.push({
        field: 'gdsSeqno',
        message: `Book line number (gdsSeqno) ${seqnoCell} is not a line of book ${options.bookName}`,
      });
      return undefined;
    }
  }
  if (itemCell === undefined) return bySeqno;
  const byItem = options.bookLines.find((l) => l.gdsMtno === itemCell);
  if (!byItem) {
    errors.push({
      field: 'gdsMtno',
      message: `Item number (gdsMtno) ${itemCell} is not a line of book ${options.bookName}`,
    });
    return undefined;
  }
  if (bySeqno && bySeqno.id !== byItem.id) {
    errors.push({
      field: 'gdsMtno',
      message: `Item number (gdsMtno) ${itemCell} is on line ${byItem.gdsSeqno}, not on line ${bySeqno.gdsSeqno} given beside it`,
    });
    return undefined;
  }
  return byItem;
}

/**
 * Turns the rows of an opening-balance sheet into (book line, location, quantity) of one book, or into
 * the reasons a row cannot be one. A pair of book line and location given twice is refused rather than
 * summed, because it is far more often a pasted row than a deliberate split.
 */
export function openingBalanceRows(
  table: ImportTable,
  options: OpeningBalanceOptions,
): ImportPreview<OpeningBalanceCandidate> {
  const map = mapColumns(openingBalanceColumns, table.headers);
  const columnErrors = [...map.errors];
  if (map.columns.gdsSeqno === undefined && map.columns.gdsMtno === undefined) {
    columnErrors.push(
      'Column Book line number (gdsSeqno) or Item number (gdsMtno) is missing: one of them is needed',
    );
  }
  if (columnErrors.length) return { columnErrors, ignoredColumns: map.ignored, rows: [] };
  const locationByCode = new Map(options.locations.map((l) => [l.code.toUpperCase(), l]));
  const firstRowOfPair = new Map<string, number>();

  const rows: RowVerdict<OpeningBalanceCandidate>[] = [];
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    const row = fileRowNumber(index);
    const errors: FieldError[] = [];
    const bookLine = bookLineOfRow(
      cellOf(map, cells, 'gdsSeqno'),
      cellOf(map, cells, 'gdsMtno'),
      options,
      errors,
    );
    const code = cellOf(map, cells, 'locationCode');
    const location = code === undefined ? undefined : locationByCode.get(code.toUpperCase());
    if (code === undefined)
      errors.push({ field: 'locationCode', message: 'Location code (locationCode) is required' });
    else if (!location) {
      errors.push({
        field: 'locationCode',
        message: `Location code (locationCode) ${code} is not a location of book ${options.bookName}`,
      });
    }
    const qty = Quantity.safeParse(cellOf(map, cells, 'qty'));
    if (!qty.success)
      errors.push(...qty.error.issues.map((issue) => ({ field: 'qty', message: issue.message })));
    if (bookLine && location) {
      const pair = `${bookLine.id}|${location.id}`;
      const earlier = firstRowOfPair.get(pair);
      if (earlier !== undefined) {
        errors.push({
          field: 'locationCode',
          message: `Book line ${bookLine.gdsSeqno} (${bookLine.gdsMtno}) at location ${location.code} is also on row ${earlier}`,
        });
      } else firstRowOfPair.set(pair, row);
    }
    rows.push(
      bookLine && location && qty.success && errors.length === 0
        ? { row, record: { bookLine, location, qty: qty.data }, errors }
        : { row, errors },
    );
  });
  return { columnErrors: [], ignoredColumns: map.ignored, rows };
}

export interface OpeningBalanceMovementInput {
  readonly id: string;
  readonly bookId: string;
  /** UTC instant; the customs date follows from it. */
  readonly occurredAt: string;
  readonly approvedBy: string;
  readonly note: string;
}

/**
 * The opening balance as ONE stocktake adjustment (盘点调整) into the zone locations.
 *
 * Why this kind: goods already on the customs book when Zonebook starts were declared long ago, so the
 * opening stock must not raise a declaration. Entry from abroad or from the domestic market would queue a
 * 核注清单 in the outbox; a stocktake adjustment posts from the `adjustment` account into `zone:<location>`
 * with nothing to declare, and it carries a supervisor's approval — customs expects someone to answer for
 * stock that appears in the ledger without a movement behind it.
 *
 * Why one movement: the file is one act with one approval, postMovements is all-or-none either way, and
 * a wrong file is undone by reversing one movement rather than hundreds.
 */
export function openingBalanceMovement(
  candidates: readonly OpeningBalanceCandidate[],
  input: OpeningBalanceMovementInput,
): Movement {
  return {
    id: input.id,
    kind: 'stocktakeAdjustment',
    bookId: input.bookId,
    lines: candidates.map((c) => ({ bookLineId: c.bookLine.id, qty: c.qty, toLocationId: c.location.id })),
    occurredAt: input.occurredAt,
    customsDate: customsDateOf(input.occurredAt),
    note: input.note,
    approval: { by: input.approvedBy, at: input.occurredAt },
  };
}
