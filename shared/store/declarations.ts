import {
  batchMovements,
  counterAllocator,
  defaultBatchingPolicy,
  defaultDeclarationSettings,
  renderDocument,
  type BatchingPolicy,
  type DeclarationSettings,
  type DocumentDraft,
  type HeldMovement,
  type UnitWeight,
} from '../customs/batching';
import { applyDocumentCommand } from '../customs/lifecycle/document-commands';
import { newDocumentState } from '../customs/lifecycle/document-status';
import type { Enterprise } from '../domain/enterprise';
import { newId } from '../domain/ids';
import type { ZonebookDb } from './db';
import type { DeclarationRow, TimelineEvent } from './declaration-rows';
import { asStorageError, StoreError } from './errors';
import { withDeclareStatus } from './outbox';
import { numberInMeta } from './meta-numbers';
import { rewriteQueue } from './outbox-queue';
import { pendingBatchInputTables, readPendingBatchInput } from './pending-batch-input';
import type { JournalRow } from './rows';

export interface BatchPendingOptions {
  deviceId: string;
  /** The clock: document dates, which collection periods are over, the timeline. */
  now: string;
  policy?: BatchingPolicy;
  settings?: DeclarationSettings;
  unitWeights?: Readonly<Record<string, UnitWeight>>;
}

export interface BatchPendingResult {
  /** The stored documents, lists and 出入库单 before their passes. */
  documentIds: string[];
  /** Pending movements left pending, each with the reason. */
  held: HeldMovement[];
}

const counterKey = (deviceId: string) => `documentCounter:${deviceId}`;

/**
 * Batches every pending movement into documents and stores them, marking their movements `batched`
 * with the list or 出入库单 they went into — in ONE read-write transaction, all or nothing. The
 * 业务申报表 already stored are read too, so later slips draw on them. The policy and the
 * rendering are synchronous, so only Dexie calls are awaited and the transaction cannot commit early.
 * Each document's enterprise-internal number comes from this device's counter, kept in the same
 * transaction, so a number is minted exactly once. Running it again finds nothing pending and makes
 * nothing; two windows batching at once are serialised by IndexedDB.
 */
export async function batchPending(
  db: ZonebookDb,
  options: BatchPendingOptions,
): Promise<BatchPendingResult> {
  const settings = options.settings ?? defaultDeclarationSettings;
  const policy = options.policy ?? defaultBatchingPolicy;
  try {
    return await db.transaction('rw', pendingBatchInputTables(db), async () => {
      const [batch, counter] = await Promise.all([
        readPendingBatchInput(db),
        numberInMeta(db, counterKey(options.deviceId)),
      ]);
      if (!batch) return { documentIds: [], held: [] };
      const allocator = counterAllocator(options.deviceId, counter);
      const result = batchMovements(
        { ...batch.input, ...(options.unitWeights && { unitWeights: options.unitWeights }) },
        { policy, settings, now: options.now, allocate: allocator.allocate },
      );
      if (result.drafts.length === 0) {
        await rewriteQueue(
          db,
          batch.queued,
          batch.queued.rows.map((row) => row.localSeq),
        );
        return { documentIds: [], held: [...result.held] };
      }

      const { books, enterprises } = batch.input;
      const ownerOf = new Map(
        books.map((book) => [book.id, enterprises.find((e) => e.id === book.ownerEnterpriseId)]),
      );
      const rows = rowsOfDrafts(
        result.drafts,
        (bookId) => ownerOf.get(bookId),
        batch.formIdOf,
        settings,
        options.now,
      );
      const listOfMovement = new Map<string, string>();
      for (const row of rows)
        if (declaresMovements(row)) for (const id of row.movementIds) listOfMovement.set(id, row.id);
      await Promise.all([
        db.declarations.bulkAdd(rows),
        db.journal
          .where('movementId')
          .anyOf([...listOfMovement.keys()])
          .modify((row: JournalRow) => {
            withDeclareStatus(row, 'batched');
            row.documentId = listOfMovement.get(row.movementId);
          }),
        db.meta.put({ key: counterKey(options.deviceId), value: allocator.last() }),
        rewriteQueue(
          db,
          batch.queued,
          batch.queued.rows.flatMap((row) => (listOfMovement.has(row.movementId) ? [] : [row.localSeq])),
        ),
      ]);
      return { documentIds: rows.map((row) => row.id), held: [...result.held] };
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

/**
 * The documents whose movements they declare are theirs: a list's, an 出入库单's. A gate pass carries the
 * same movements' goods but declares none of them itself, and a 业务申报表 only authorises its slips.
 */
export const declaresMovements = (row: Pick<DeclarationRow, 'messageType'>): boolean =>
  row.messageType === 'INV101' || row.messageType === 'SAS111';

function rowsOfDrafts(
  drafts: readonly DocumentDraft[],
  ownerOf: (bookId: string) => Enterprise | undefined,
  formIdOf: ReadonlyMap<string, string>,
  settings: DeclarationSettings,
  now: string,
): DeclarationRow[] {
  const idOfList = new Map<string, string>();
  return drafts.map((draft) => {
    const owner = ownerOf(draft.bookId);
    if (!owner) throw new StoreError('notFound', `The owner of book ${draft.bookId} is missing`);
    const id = newId();
    if (draft.messageType === 'INV101' || draft.messageType === 'SAS111') idOfList.set(draft.etpsInnerNo, id);
    const rendered = renderDocument({
      document: draft.document,
      etpsInnerNo: draft.etpsInnerNo,
      ieFlag: draft.ieFlag,
      revision: 0,
      owner,
      settings,
      now,
    });
    // A list or slip goes out at once; its gate pass waits, as a draft, for customs to number it.
    const waits = draft.listNo !== undefined;
    const queued = applyDocumentCommand(newDocumentState(), { type: 'QUEUE' });
    const listId = draft.listNo === undefined ? undefined : idOfList.get(draft.listNo);
    const formId = draft.formNo === undefined ? undefined : formIdOf.get(draft.formNo);
    return {
      id,
      etpsInnerInvtNo: draft.etpsInnerNo,
      messageType: draft.messageType,
      ieFlag: draft.ieFlag,
      bookId: draft.bookId,
      document: draft.document,
      state: waits || !queued.ok ? newDocumentState() : queued.state,
      outboxState: waits ? 'waiting' : 'ready',
      importXml: rendered.importXml,
      schemaXml: rendered.schemaXml,
      fileName: rendered.fileName,
      revision: 0,
      movementIds: [...draft.movementIds],
      failedAttempts: 0,
      ...(listId !== undefined && { listId }),
      ...(formId !== undefined && { formId }),
      ...(draft.period && { period: draft.period }),
      createdAt: now,
      timeline: [
        {
          at: now,
          event: 'created',
          detail: waits
            ? `waits for the ${draft.document.kind === 'SAS121' && draft.document.head.rltTbTypecd === '2' ? '出入库单' : 'list'} number`
            : undefined,
        },
      ],
    } satisfies DeclarationRow;
  });
}

export interface OutboxDocumentView {
  documentId: string;
  etpsInnerInvtNo: string;
  failedAttempts: number;
}

/** Documents with a message to send, oldest first, and how many are parked. */
export async function nextReadyDocuments(
  db: ZonebookDb,
): Promise<{ documents: OutboxDocumentView[]; parkedCount: number }> {
  return db.transaction('r', db.declarations, async () => {
    const [ready, parkedCount] = await Promise.all([
      db.declarations.where('outboxState').equals('ready').sortBy('id'),
      db.declarations.where('outboxState').equals('parked').count(),
    ]);
    return {
      documents: ready.map((row) => ({
        documentId: row.id,
        etpsInnerInvtNo: row.etpsInnerInvtNo,
        failedAttempts: row.failedAttempts,
      })),
      parkedCount,
    };
  });
}

/** The document a sync effect names, read and written back in one transaction. */
async function updateDeclaration(
  db: ZonebookDb,
  documentId: string,
  change: (row: DeclarationRow) => DeclarationRow,
): Promise<DeclarationRow> {
  return db.transaction('rw', db.declarations, async () => {
    const row = await db.declarations.get(documentId);
    if (!row) throw new StoreError('notFound', `Document ${documentId} does not exist`);
    const next = change(row);
    await db.declarations.put(next);
    return next;
  });
}

const withEvent = (row: DeclarationRow, event: TimelineEvent): TimelineEvent[] => [...row.timeline, event];

/**
 * The endpoint took the document. Tolerates a document that is already further on (a receipt can
 * arrive before this is recorded, or the engine may report a resend): only a queued document becomes
 * sent; the message is no longer waiting either way. The movements of a list or slip are now declared.
 */
export async function markSent(
  db: ZonebookDb,
  documentId: string,
  ack: { outcome: 'accepted' | 'duplicate'; sha256?: string; reason?: string },
  now: string,
): Promise<void> {
  await db.transaction('rw', [db.declarations, db.journal], async () => {
    const row = await db.declarations.get(documentId);
    if (!row) throw new StoreError('notFound', `Document ${documentId} does not exist`);
    const sent = applyDocumentCommand(row.state, { type: 'SENT' });
    await db.declarations.put({
      ...row,
      state: sent.ok ? sent.state : row.state,
      outboxState: row.outboxState === 'ready' || row.outboxState === 'parked' ? 'idle' : row.outboxState,
      timeline: withEvent(row, {
        at: now,
        event: 'sent',
        detail:
          ack.outcome === 'accepted'
            ? `accepted ${ack.sha256 ?? ''}`.trim()
            : `duplicate: ${ack.reason ?? ''}`,
        outcome: ack.outcome,
        ...(ack.sha256 !== undefined && { sha256: ack.sha256 }),
        ...(ack.reason !== undefined && ack.reason !== '' && { reasons: [ack.reason] }),
      }),
    });
    if (declaresMovements(row))
      await db.journal
        .where('movementId')
        .anyOf(row.movementIds)
        .modify((journalRow: JournalRow) => {
          if (journalRow.documentId === row.id && journalRow.declareStatus === 'batched')
            withDeclareStatus(journalRow, 'declared');
        });
  });
}

/** One more retryable failure; the document stays ready for a resend with the same number. */
export async function recordFailure(
  db: ZonebookDb,
  documentId: string,
  ack: { reason: string },
  now: string,
): Promise<void> {
  await updateDeclaration(db, documentId, (row) => ({
    ...row,
    failedAttempts: row.failedAttempts + 1,
    lastError: ack.reason,
    timeline: withEvent(row, { at: now, event: 'sendFailed', detail: ack.reason }),
  }));
}

/** Sets the document aside for the compliance officer: it is no longer handed to the endpoint. */
export async function park(db: ZonebookDb, documentId: string, reason: string, now: string): Promise<void> {
  await updateDeclaration(db, documentId, (row) => ({
    ...row,
    outboxState: row.outboxState === 'ready' ? 'parked' : row.outboxState,
    parkedReason: reason,
    timeline: withEvent(row, { at: now, event: 'parked', detail: reason }),
  }));
}

/** The officer sends a parked document again, with the same number and fresh tries. */
export async function unpark(db: ZonebookDb, documentId: string, now: string): Promise<void> {
  await updateDeclaration(db, documentId, (row) => {
    if (row.outboxState !== 'parked') return row;
    const { parkedReason: _reason, ...rest } = row;
    return {
      ...rest,
      outboxState: 'ready',
      failedAttempts: 0,
      timeline: withEvent(row, { at: now, event: 'unparked' }),
    };
  });
}
