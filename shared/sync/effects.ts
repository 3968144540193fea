import type { EndpointStatus, IncomingMessage, SubmitAck } from '../customs/endpoint';

/**
 * Everything the sync engine touches, handed in by the host (renderer/sync.ts: the store and the bridge;
 * tests: an in-memory outbox). The engine keeps no document state of its own: the outbox is the only
 * source of truth, so a restarted engine resumes exactly where the stored documents stand.
 */

/** A stored document as the outbox hands it out for sending. */
export interface OutboxDocument {
  readonly documentId: string;
  /**
   * 企业内部编号, minted once when the document was stored. It is the idempotency key of every send: the
   * engine passes the stored document as it is and never makes up a number of its own.
   */
  readonly etpsInnerInvtNo: string;
  /** Retryable failures recorded so far. Kept in the outbox, so a restart does not give a document fresh tries. */
  readonly failedAttempts: number;
}

export interface ReadyDocuments {
  /** Queued documents and documents waiting for a resend, in the order they should go. */
  readonly documents: readonly OutboxDocument[];
  /** Documents set aside for the compliance officer. */
  readonly parkedCount: number;
}

/** The endpoint took the document: first time (`accepted`) or it already had this number (`duplicate`). */
export type SentAck = Extract<SubmitAck, { outcome: 'accepted' | 'duplicate' }>;
export type FailedAck = Extract<SubmitAck, { outcome: 'failed' }>;

export interface SyncEffects {
  /** Turns pending movements into stored documents (numbers minted there, once); resolves how many were made. */
  batchPending(): Promise<number>;
  nextReadyDocuments(): Promise<ReadyDocuments>;
  /**
   * Hands one stored document to the customs endpoint. Must be safe to repeat: the engine may send the
   * same document again (after a crash between submit and markSent, or a restored snapshot re-running
   * it), and the endpoint recognises the same 企业内部编号 and answers `duplicate` instead of declaring twice.
   */
  submit(document: OutboxDocument): Promise<SubmitAck>;
  markSent(documentId: string, ack: SentAck): Promise<void>;
  /** Counts one more retryable failure against the document; it stays ready for a resend. */
  recordFailure(documentId: string, ack: FailedAck): Promise<void>;
  /** Sets the document aside for the compliance officer; it is no longer ready. */
  park(documentId: string, reason: string): Promise<void>;
  /** Asked after a retryable failure, to tell an endpoint that is down from a document that fails. */
  endpointStatus(): Promise<EndpointStatus>;
  /**
   * Applies one receipt through the customs lifecycle rules. Must be idempotent: the watcher may deliver
   * the same receipt twice, and receipts come late and out of order.
   */
  applyReceipt(message: IncomingMessage): Promise<ReceiptApplied>;
}

/** What applying a receipt did that the engine must act on. */
export interface ReceiptApplied {
  /**
   * Documents the receipt made ready to send or batch again: a gate pass released once customs numbered
   * its list or slip, a 业务申报表 approved for the movements waiting on it, an inbound list posted or an
   * outbound list rejected or withdrawn while movements wait for customs' book. The engine wakes for
   * them at once rather than at its safety wake.
   */
  readonly documentsReady: number;
}
