import type { DecimalString } from '../domain/decimal';
import type { JournalEntry, LedgerAccount, MovementKind } from '../ledger';

/**
 * A journal entry as stored: the entry itself, untouched (its hash covers exactly it), and the keys the
 * store looks it up by.
 */
export interface JournalRow {
  id: string;
  deviceId: string;
  deviceSeq: number;
  /**
   * The order in which this database took the entry in (posted or restored): its journal's merge order.
   * Entries of several devices follow it, never the wall clock, so a reversal always comes after its
   * original and an outbound movement after the stock it draws on, whichever device wrote them.
   */
  localSeq: number;
  movementId: string;
  bookId: string;
  bookLineIds: string[];
  kind: MovementKind;
  /** Set on a reversal: the movement it reverses. */
  reversalOf?: string;
  /**
   * The outbox mark, set only on movements customs must hear of: where their declaration stands. Kept on
   * the row itself so that posting writes one record per movement, not two.
   */
  declareStatus?: DeclareStatus;
  /**
   * declareStatus again once the movement has left the pending queue (batched, declared, cancelled), and
   * absent before: the only status the journal indexes. Pending movements are found by the batching's
   * scan mark and the outbox queue instead, so a posting or an import adds no status index entry per
   * movement (see OutboxQueueRow).
   * Always set with declareStatus, by withDeclareStatus.
   */
  leftPendingAs?: LeftPendingStatus;
  /** The customs document the movement was batched into. */
  documentId?: string;
  entry: JournalEntry;
}

/** One (book line × account) balance, kept in step with the journal in the posting transaction. */
export interface BalanceRow {
  bookLineId: string;
  account: LedgerAccount;
  bookId: string;
  qty: DecimalString;
}

/**
 * Where a movement that customs must hear of stands. `pending` until the batching puts it into a
 * document; then `batched`, and `declared` once the document is sent. `cancelled` when it was reversed
 * before being batched: neither it nor its reversal is declared.
 */
export type DeclareStatus = 'pending' | 'batched' | 'declared' | 'cancelled';
export type LeftPendingStatus = Exclude<DeclareStatus, 'pending'>;
export type OutboxStatus = DeclareStatus;

/** A journal row's outbox mark on its own, as the backup file and the batching see it. */
export interface OutboxRow {
  movementId: string;
  bookId: string;
  kind: MovementKind;
  status: OutboxStatus;
  documentId?: string;
  recordedAt: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

/**
 * The merge numbers of pending journal rows behind the batching's scan mark (outbox-queue.ts): what a
 * batching pass left pending, a restore's pending rows, movements returned to pending. Rows after the
 * mark are read by key range instead, so a posting writes no record here. A row batched or cancelled
 * since may still be listed; readers keep only rows whose declareStatus is still `pending`, and the
 * batching rewrites the records it read to the ones still pending. Records rather than an index over
 * every journal row, because IndexedDB writes an index entry per row and an import writes 100,000.
 */
export interface OutboxQueueRow {
  id?: number;
  localSeqs: number[];
}

/**
 * Part of one book line's history: the merge numbers of journal rows touching the line, written after
 * them up to a mark (line-history-pages.ts). A multi-entry index over every row's book lines would cost
 * an index entry per movement, in the posting's own transaction.
 */
export interface LineHistoryPage {
  bookLineId: string;
  firstLocalSeq: number;
  localSeqs: number[];
}
