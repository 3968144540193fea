import type { BatchingPolicy, DeclarationSettings, UnitWeight } from '../customs/batching';
import type { IncomingMessage, OutgoingMessage } from '../customs/endpoint';
import type { SyncEffects } from '../sync/effects';
import type { ZonebookDb } from './db';
import { batchPending, markSent, nextReadyDocuments, park, recordFailure } from './declarations';
import { StoreError } from './errors';
import { applyReceipt, type ReceiptVerdict } from './receipts';

export interface StoreSyncOptions {
  deviceId: string;
  /** The clock, read at each effect. */
  now: () => string;
  policy?: BatchingPolicy;
  settings?: DeclarationSettings;
  unitWeights?: Readonly<Record<string, UnitWeight>>;
  /** Told of every receipt applied, so unmatched ones are reported rather than lost from sight. */
  onReceipt?: (verdict: ReceiptVerdict, message: IncomingMessage) => void;
}

/**
 * The sync engine's effects over the store; the host adds `submit` and `endpointStatus`. A receipt the
 * store refuses (malformed, not a receipt) rejects, so the transport quarantines the file with the
 * reason; nothing was written for it.
 */
export function createStoreSyncEffects(
  db: ZonebookDb,
  options: StoreSyncOptions,
): Omit<SyncEffects, 'submit' | 'endpointStatus'> {
  return {
    batchPending: async () =>
      (
        await batchPending(db, {
          deviceId: options.deviceId,
          now: options.now(),
          ...(options.policy && { policy: options.policy }),
          ...(options.settings && { settings: options.settings }),
          ...(options.unitWeights && { unitWeights: options.unitWeights }),
        })
      ).documentIds.length,
    nextReadyDocuments: () => nextReadyDocuments(db),
    markSent: (documentId, ack) =>
      markSent(
        db,
        documentId,
        ack.outcome === 'accepted'
          ? { outcome: 'accepted', sha256: ack.sha256 }
          : { outcome: 'duplicate', reason: ack.reason },
        options.now(),
      ),
    recordFailure: (documentId, ack) => recordFailure(db, documentId, ack, options.now()),
    park: (documentId, reason) => park(db, documentId, reason, options.now()),
    applyReceipt: async (message) => {
      const verdict = await applyReceipt(db, message, options.settings ? { settings: options.settings } : {});
      options.onReceipt?.(verdict, message);
      if (verdict.kind === 'refused') throw new Error(verdict.reason);
      return { documentsReady: verdict.kind === 'applied' ? verdict.released.length : 0 };
    },
  };
}

/** What the host hands the endpoint for a document: its stored import-form XML, never re-rendered. */
export async function outgoingMessageOf(db: ZonebookDb, documentId: string): Promise<OutgoingMessage> {
  const row = await db.declarations.get(documentId);
  if (!row) throw new StoreError('notFound', `Document ${documentId} does not exist`);
  return {
    etpsInnerInvtNo: row.etpsInnerInvtNo,
    messageType: row.messageType,
    ieFlag: row.ieFlag,
    xml: row.importXml,
    attempt: row.failedAttempts + 1,
  };
}
