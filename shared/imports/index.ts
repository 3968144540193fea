/**
 * Imports of the item master and of opening balances: header mapping and "rows → candidate records +
 * per-row reasons", pure so the import screen and the CLI refuse the same rows with the same words.
 */
export { cellOf, fileRowNumber, isBlankRow, mapColumns, normalizeHeader } from './columns';
export type { ColumnMap, ColumnSpec, ImportTable } from './columns';
export { isImportReady, rowProblemLines } from './row-verdicts';
export type { ImportPreview, RowVerdict } from './row-verdicts';
export { bookLineColumns, bookLineRows } from './book-line-rows';
export type {
  BookLineCandidate,
  BookLineField,
  BookLineImportOptions,
  ExistingBookLine,
} from './book-line-rows';
export { openingBalanceColumns, openingBalanceMovement, openingBalanceRows } from './opening-balance-rows';
export type {
  OpeningBalanceCandidate,
  OpeningBalanceField,
  OpeningBalanceMovementInput,
  OpeningBalanceOptions,
  OpeningBookLine,
  OpeningLocation,
} from './opening-balance-rows';
