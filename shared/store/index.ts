/**
 * The only code that touches Dexie. Given an IndexedDB factory, it runs on the browser's IndexedDB in the
 * renderer and on fake-indexeddb in Node (CLI, tests).
 */
export { openStore, ZonebookDb, defaultDatabaseName } from './db';
export type { BookLineRow, IndexedDbPlatform } from './db';
export { StoreError, asStorageError } from './errors';
export type { StoreErrorCode } from './errors';
export type { BalanceRow, DeclareStatus, JournalRow, OutboxRow, OutboxStatus } from './rows';
export { ensureDeviceId, deviceHead } from './device';
export {
  saveEnterprise,
  saveBook,
  saveLocations,
  saveBookLines,
  bookLineProblems,
  bookLineOf,
} from './master-data';
export type { RowProblem } from './master-data';
export { postMovement, postMovements, journalRowOf } from './posting';
export type { PostOptions } from './posting';
export { balancesOfLines, inventoryPage, historyOfBookLine, reversedAmong } from './inventory';
export type { InventoryFilter, InventoryRow, CustodyFilter } from './inventory';
export { balancesFromJournal, findBalanceDrift, rebuildBalances } from './rebuild';
export type { BalanceDrift } from './rebuild';
export { exportBackup, restoreBackup, readBackupContent } from './backup';
export {
  backupEndLine,
  backupLines,
  backupToText,
  readBackup,
  backupFormat,
  backupVersion,
} from './backup-file';
export type { BackupContent, VerifiedBackup, BackupVerdict } from './backup-file';
export { customsStateOf, outboxRowOf } from './outbox';
export { queuedPending } from './outbox-queue';
export { catchUpLineHistory } from './history-indexing';
export { batchPending, nextReadyDocuments, markSent, recordFailure, park, unpark } from './declarations';
export type { BatchPendingOptions, BatchPendingResult, OutboxDocumentView } from './declarations';
export { heldMovements } from './held-movements';
export type { HeldMovementView } from './held-movements';
export { applyReceipt } from './receipts';
export type { ReceiptVerdict } from './receipts';
export { changeDocument, withdrawDocument } from './document-edits';
export type { CustomsDocumentModel, DocumentEdit, EditOptions } from './document-edits';
export { createStoreSyncEffects, outgoingMessageOf } from './sync-effects';
export type { StoreSyncOptions } from './sync-effects';
export { reconcileBook } from './reconciliation';
export { openingStockOf, rememberOpeningStockTold } from './opening-stock';
export type { ReconciliationExplanation, ReconciliationRow } from './reconciliation';
export type {
  DeclarationRow,
  OfficialBookLineRow,
  OutboxState,
  PrePostingRow,
  ReceiptDisposition,
  ReceiptPocketRow,
  ReceiptRow,
  TimelineEvent,
} from './declaration-rows';
export { declarationFilesFromBackup } from './declare-from-backup';
export type { BackupDeclarationOptions, DeclarationFile, DeclarationForm } from './declare-from-backup';
