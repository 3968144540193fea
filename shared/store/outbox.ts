import type { CustomsState } from '../ledger';
import type { DeclareStatus, JournalRow, OutboxRow } from './rows';

/** How far customs has seen a movement, for the reversal rule: no outbox mark means nothing to declare. */
export function customsStateOf(row: Pick<JournalRow, 'declareStatus'> | undefined): CustomsState {
  const status = row?.declareStatus;
  if (status === undefined || status === 'pending' || status === 'cancelled') return 'notDeclared';
  return status === 'batched' ? 'batched' : 'declared';
}

/** The outbox mark of a journal row, or undefined for a movement customs need not hear of. */
export function outboxRowOf(row: JournalRow): OutboxRow | undefined {
  if (row.declareStatus === undefined) return undefined;
  return {
    movementId: row.movementId,
    bookId: row.bookId,
    kind: row.kind,
    status: row.declareStatus,
    ...(row.documentId !== undefined && { documentId: row.documentId }),
    recordedAt: row.entry.recordedAt,
  };
}

/** A row's outbox mark with the indexed copy kept once the movement is no longer pending. */
export function declareStatusFields(
  status: DeclareStatus | undefined,
): Pick<JournalRow, 'declareStatus' | 'leftPendingAs'> {
  if (status === undefined) return {};
  return status === 'pending' ? { declareStatus: status } : { declareStatus: status, leftPendingAs: status };
}

/**
 * Sets a stored row's outbox mark, and with it the indexed copy. Deletes only what is there: a delete
 * turns a fresh object into a slow dictionary, which IndexedDB then takes longer to copy.
 */
export function withDeclareStatus<Row extends JournalRow>(row: Row, status: DeclareStatus | undefined): Row {
  const fields = declareStatusFields(status);
  if (fields.declareStatus === undefined && 'declareStatus' in row) delete row.declareStatus;
  if (fields.leftPendingAs === undefined && 'leftPendingAs' in row) delete row.leftPendingAs;
  return Object.assign(row, fields);
}
