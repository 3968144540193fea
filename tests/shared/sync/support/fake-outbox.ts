import type { IncomingMessage, SubmitAck } from '../../../../shared/customs/endpoint';
import type { OutboxDocument, SyncEffects } from '../../../../shared/sync/effects';

/**
 * An in-memory outbox and customs endpoint behind the sync engine's effects. It keeps the books a test
 * needs to judge the engine: every submission by number and document, which numbers the endpoint holds,
 * and how many effects ran at once. It behaves like the real endpoint on the one rule that matters: a
 * number it already holds is answered `duplicate`, never declared again.
 */

/**
 * What the endpoint does with the next submission. `lostAck` takes the document but the answer is lost
 * (a timeout after the file was written): the engine sees a retryable failure and must resend the same
 * number.
 */
export type Outcome = 'accepted' | 'duplicate' | 'retryable' | 'fatal' | 'lostAck';

export interface StoredDocument {
  readonly documentId: string;
  readonly etpsInnerInvtNo: string;
  readonly movementIds: readonly string[];
  /** `waiting`: a gate pass held until a receipt (its list's approval) releases it. */
  status: 'waiting' | 'queued' | 'sent' | 'parked';
  /** The receipt (by sha256) that releases a waiting document. */
  releasedBy?: string;
  failedAttempts: number;
  parkReason?: string;
}

export interface Submission {
  readonly documentId: string;
  readonly etpsInnerInvtNo: string;
  readonly at: number;
}

export class FakeOutbox {
  readonly pendingMovements: string[] = [];
  readonly documents: StoredDocument[] = [];
  readonly submissions: Submission[] = [];
  readonly appliedReceipts: string[] = [];
  /** The numbers the endpoint holds, and for which document it first took each. */
  readonly taken = new Map<string, string>();
  /** Next outcomes, in order; `accepted` once the script runs out. */
  outcomes: Outcome[] = [];
  reachable = true;
  batchCalls = 0;
  maxConcurrentEffects = 0;
  /** Set to hold the answers to the next submissions until the test resolves the promise. */
  submitGate: Promise<void> | null = null;
  /** Invariant breaches seen by the endpoint; a test expects none. */
  readonly violations: string[] = [];
  private running = 0;
  private nextSerial = 1;
  private nextMovement = 1;

  constructor(private readonly now: () => number = () => 0) {}

  logMovements(count: number): void {
    for (let i = 0; i < count; i += 1) this.pendingMovements.push(`movement-${this.nextMovement++}`);
  }

  /** Documents made directly, as if batched by an earlier run. */
  storeDocuments(count: number): void {
    this.logMovements(count);
    this.batch();
  }

  /** A document held back until the receipt with this sha256 is applied, as a gate pass for its list. */
  storeWaitingDocument(releasedBy: string): void {
    this.storeDocuments(1);
    const document = this.documents.at(-1);
    if (document) Object.assign(document, { status: 'waiting', releasedBy });
  }

  submissionsOf(etpsInnerInvtNo: string): number {
    return this.submissions.filter((submission) => submission.etpsInnerInvtNo === etpsInnerInvtNo).length;
  }

  readonly effects: SyncEffects = {
    batchPending: () =>
      this.effect(async () => {
        this.batchCalls += 1;
        return this.batch();
      }),
    nextReadyDocuments: () =>
      this.effect(async () => ({
        documents: this.documents
          .filter((document) => document.status === 'queued')
          .map(({ documentId, etpsInnerInvtNo, failedAttempts }) => ({
            documentId,
            etpsInnerInvtNo,
            failedAttempts,
          })),
        parkedCount: this.documents.filter((document) => document.status === 'parked').length,
      })),
    submit: (document) =>
      this.effect(async () => {
        const ack = this.answer(document);
        // Held after the endpoint has the document: the answer is what a crash would lose.
        if (this.submitGate) await this.submitGate;
        return ack;
      }),
    markSent: (documentId) =>
      this.effect(async () => {
        this.stored(documentId).status = 'sent';
      }),
    recordFailure: (documentId) =>
      this.effect(async () => {
        this.stored(documentId).failedAttempts += 1;
      }),
    park: (documentId, reason) =>
      this.effect(async () => {
        const document = this.stored(documentId);
        document.status = 'parked';
        document.parkReason = reason;
      }),
    endpointStatus: async () => ({
      reachable: this.reachable,
      lastError: this.reachable ? null : 'OutBox not found',
      pendingOutgoing: 0,
    }),
    applyReceipt: async (message: IncomingMessage) => {
      // Idempotent like the real one: a receipt already applied changes nothing.
      if (!this.appliedReceipts.includes(message.sha256)) this.appliedReceipts.push(message.sha256);
      const released = this.documents.filter(
        (document) => document.status === 'waiting' && document.releasedBy === message.sha256,
      );
      for (const document of released) document.status = 'queued';
      return { documentsReady: released.length };
    },
  };

  private batch(): number {
    const movementIds = this.pendingMovements.splice(0);
    // One document per movement keeps the arithmetic of the tests plain; the policy is not under test.
    for (const movementId of movementIds) {
      const serial = this.nextSerial++;
      this.documents.push({
        documentId: `doc-${serial}`,
        etpsInnerInvtNo: `ZB${String(serial).padStart(6, '0')}`,
        movementIds: [movementId],
        status: 'queued',
        failedAttempts: 0,
      });
    }
    return movementIds.length;
  }

  private answer(document: OutboxDocument): SubmitAck {
    const { documentId, etpsInnerInvtNo } = document;
    const stored = this.stored(documentId);
    if (stored.etpsInnerInvtNo !== etpsInnerInvtNo)
      this.violations.push(
        `${documentId} submitted as ${etpsInnerInvtNo}, stored as ${stored.etpsInnerInvtNo}`,
      );
    const holder = this.taken.get(etpsInnerInvtNo);
    if (holder !== undefined && holder !== documentId)
      this.violations.push(`${etpsInnerInvtNo} submitted for ${documentId}, already taken for ${holder}`);
    this.submissions.push({ documentId, etpsInnerInvtNo, at: this.now() });

    if (!this.reachable)
      return { outcome: 'failed', etpsInnerInvtNo, reason: 'OutBox not found', retryable: true };
    // Like the real endpoints: a number it already holds is answered duplicate, whatever the script says.
    if (this.taken.has(etpsInnerInvtNo))
      return { outcome: 'duplicate', etpsInnerInvtNo, reason: 'already in OutBox' };
    const outcome = this.outcomes.shift() ?? 'accepted';
    switch (outcome) {
      case 'accepted':
        this.taken.set(etpsInnerInvtNo, documentId);
        return { outcome: 'accepted', etpsInnerInvtNo, sha256: 'f'.repeat(64) };
      case 'duplicate':
        // Taken by an earlier send whose answer never came back.
        this.taken.set(etpsInnerInvtNo, documentId);
        return { outcome: 'duplicate', etpsInnerInvtNo, reason: 'already in OutBox' };
      case 'lostAck':
        this.taken.set(etpsInnerInvtNo, documentId);
        return { outcome: 'failed', etpsInnerInvtNo, reason: 'timed out after writing', retryable: true };
      case 'retryable':
        return { outcome: 'failed', etpsInnerInvtNo, reason: 'OutBox busy', retryable: true };
      case 'fatal':
        return { outcome: 'failed', etpsInnerInvtNo, reason: 'message refused by schema', retryable: false };
    }
  }

  private stored(documentId: string): StoredDocument {
    const document = this.documents.find((candidate) => candidate.documentId === documentId);
    if (!document) throw new Error(`no document ${documentId}`);
    return document;
  }

  /** Runs one outbox or endpoint effect, noting how many run at once (the engine must run one). */
  private async effect<T>(run: () => Promise<T>): Promise<T> {
    this.running += 1;
    this.maxConcurrentEffects = Math.max(this.maxConcurrentEffects, this.running);
    try {
      return await run();
    } finally {
      this.running -= 1;
    }
  }
}
