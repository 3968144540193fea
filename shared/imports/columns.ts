/**
 * Reading a spreadsheet's header row: each field of an import accepts its customs field name and the
 * Chinese headers found in customs clients and ERP exports, so a file exported from either imports as is.
 */

/** A sheet as read from CSV or XLSX: the header row, then every data row, each cell as text. */
export interface ImportTable {
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ColumnSpec<F extends string> {
  readonly field: F;
  /** Accepted headers; the first Chinese one is what the Chinese template writes. */
  readonly headers: readonly string[];
  readonly required: boolean;
  /** Words naming the field in a message, like "HS code (gdecd)". */
  readonly label: string;
}

export interface ColumnMap<F extends string> {
  /** Column index of each field present in the file. */
  readonly columns: Partial<Record<F, number>>;
  /** Problems with the header row itself; any of them stops the import. */
  readonly errors: readonly string[];
  /** Headers that name no field; their cells are not imported, and the preview says so. */
  readonly ignored: readonly string[];
}

/** Headers compare without case, spaces, a byte-order mark, or the difference of full- and half-width brackets. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .replace(/\s+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .toLowerCase();
}

export function mapColumns<F extends string>(
  specs: readonly ColumnSpec<F>[],
  headers: readonly string[],
): ColumnMap<F> {
  const byHeader = new Map<string, ColumnSpec<F>>();
  for (const spec of specs) for (const header of spec.headers) byHeader.set(normalizeHeader(header), spec);
  const columns: Partial<Record<F, number>> = {};
  const errors: string[] = [];
  const ignored: string[] = [];
  headers.forEach((header, index) => {
    if (normalizeHeader(header) === '') return;
    const spec = byHeader.get(normalizeHeader(header));
    if (!spec) {
      ignored.push(header);
    } else if (columns[spec.field] !== undefined) {
      errors.push(`Column "${header}" repeats ${spec.label}: keep one column for it`);
    } else {
      columns[spec.field] = index;
    }
  });
  for (const spec of specs) {
    if (spec.required && columns[spec.field] === undefined) {
      errors.push(`Column ${spec.label} is missing: name it ${spec.headers.join(' or ')}`);
    }
  }
  return { columns, errors, ignored };
}

/** The trimmed cell of a field, or undefined when the column is absent or the cell empty. */
export function cellOf<F extends string>(
  map: ColumnMap<F>,
  row: readonly string[],
  field: F,
): string | undefined {
  const index = map.columns[field];
  const value = index === undefined ? undefined : row[index]?.trim();
  return value === '' ? undefined : value;
}

/** Data rows are numbered as the file shows them: the header is line 1, the first data row line 2. */
export function fileRowNumber(dataIndex: number): number {
  return dataIndex + 2;
}

/** Rows with no text in any cell (trailing blank lines of a sheet) are not data. */
export function isBlankRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}
