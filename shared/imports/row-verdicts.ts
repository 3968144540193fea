import type { FieldError } from '../domain/field-error';

/** One data row of an import: the record it becomes, or every reason it cannot. */
export interface RowVerdict<T> {
  /** The row's line in the file (the header is line 1). */
  readonly row: number;
  readonly record?: T;
  readonly errors: readonly FieldError[];
}

/** What an import would do, computed before anything is written. */
export interface ImportPreview<T> {
  /** Problems with the header row; the rows are not read when there are any. */
  readonly columnErrors: readonly string[];
  readonly ignoredColumns: readonly string[];
  readonly rows: readonly RowVerdict<T>[];
}

/** An import may go ahead only when the header is right, there is a row, and every row is good. */
export function isImportReady<T>(preview: ImportPreview<T>): boolean {
  return (
    preview.columnErrors.length === 0 &&
    preview.rows.length > 0 &&
    preview.rows.every((row) => row.errors.length === 0)
  );
}

/** "row 4: HS code (gdecd) must be exactly 10 digits, got 8" — one line per problem, for a list or the CLI. */
export function rowProblemLines<T>(preview: ImportPreview<T>): string[] {
  return [
    ...preview.columnErrors,
    ...preview.rows.flatMap((row) => row.errors.map((error) => `row ${row.row}: ${error.message}`)),
  ];
}
