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
