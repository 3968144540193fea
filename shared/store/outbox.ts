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

/** Sets a row's outbox mark, and with it the indexed copy kept once the movement is no longer pending. */
export function withDeclareStatus<Row extends JournalRow>(row: Row, status: DeclareStatus | undefined): Row {
  delete row.declareStatus;
  delete row.leftPendingAs;
  if (status !== undefined) row.declareStatus = status;
  if (status !== undefined && status !== 'pending') row.leftPendingAs = status;
  return row;
}
