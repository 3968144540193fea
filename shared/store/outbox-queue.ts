import type { ZonebookDb } from './db';
import type { JournalRow, OutboxQueueRow } from './rows';

/** The pending rows in merge order, and the queue records they were found through. */
export interface QueuedPending {
  rows: JournalRow[];
  queueIds: number[];
  /** Every merge number the records list, pending or not any more. */
  queuedSeqs: number[];
}

/** Every movement still pending, found through the outbox queue (see OutboxQueueRow). */
export async function queuedPending(db: ZonebookDb): Promise<QueuedPending> {
  const records = await db.outboxQueue.toArray();
  const seqs = [...new Set(records.flatMap((record) => record.localSeqs))].sort((a, b) => a - b);
  const rows = (await db.journal.bulkGet(seqs)).filter(
    (row): row is JournalRow => row?.declareStatus === 'pending',
  );
  return {
    rows,
    queueIds: records.flatMap((record) => (record.id === undefined ? [] : [record.id])),
    queuedSeqs: seqs,
  };
}

/** Queues rows written or returned as pending; nothing when there are none. */
export async function enqueuePending(db: ZonebookDb, localSeqs: readonly number[]): Promise<void> {
  if (localSeqs.length) await db.outboxQueue.add({ localSeqs: [...localSeqs] });
}

/**
 * Replaces the queue records read with one holding only the rows still pending, inside the caller's
 * read-write transaction, so that rows batched or cancelled stop being read on every batching pass.
 * The rewritten record keeps the oldest key read: a new, higher key is how the sync actor learns of
 * newly pending movements, and a pass that leaves held movements pending must not wake it again.
 */
export async function rewriteQueue(
  db: ZonebookDb,
  queued: QueuedPending,
  stillPending: readonly number[],
): Promise<void> {
  const [kept, ...rest] = [...queued.queueIds].sort((a, b) => a - b);
  if (kept === undefined || sameSeqs(queued.queuedSeqs, stillPending)) return;
  await db.outboxQueue.bulkDelete(rest);
  if (stillPending.length) await db.outboxQueue.put({ id: kept, localSeqs: [...stillPending] });
  else await db.outboxQueue.delete(kept);
}

function sameSeqs(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((seq) => set.has(seq));
}

/** The queue record a posting writes beside its journal rows: undefined when none of them is pending. */
export function queueRowOf(rows: readonly JournalRow[]): OutboxQueueRow | undefined {
  const localSeqs = rows.filter((row) => row.declareStatus === 'pending').map((row) => row.localSeq);
  return localSeqs.length ? { localSeqs } : undefined;
}
