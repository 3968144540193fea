import type { ZonebookDb } from './db';
import { numberInMeta } from './meta-numbers';
import type { JournalRow, OutboxQueueRow } from './rows';

/**
 * How far the batching has read the journal: every row up to this merge number that it left pending is
 * listed in the outbox queue, and rows after it are read by key range. So a posting writes no queue
 * record of its own — one request less than raw IndexedDB's put, per movement at the warehouse door.
 */
export const outboxScannedKey = 'outboxScannedTo';

/** The pending rows in merge order, and what they were found through. */
export interface QueuedPending {
  rows: JournalRow[];
  queueIds: number[];
  /** Every merge number the queue's records list, pending or not any more. */
  queuedSeqs: number[];
  /** The scan mark when read, and the last merge number read after it. */
  scannedFrom: number;
  scannedTo: number;
}

/**
 * Every movement still pending: those the queue lists (left pending by an earlier batching pass,
 * restored, returned) and those posted since the batching last read the journal. Read in one
 * transaction (the caller's, when it spans the journal, the outbox queue and meta), so a pass that
 * moves the mark meanwhile is seen whole or not at all.
 */
export function queuedPending(db: ZonebookDb): Promise<QueuedPending> {
  return db.transaction('r', [db.outboxQueue, db.meta, db.journal], () => readQueuedPending(db));
}

async function readQueuedPending(db: ZonebookDb): Promise<QueuedPending> {
  const [records, scannedFrom] = await Promise.all([
    db.outboxQueue.toArray(),
    numberInMeta(db, outboxScannedKey),
  ]);
  const queuedSeqs = [...new Set(records.flatMap((record) => record.localSeqs))].sort((a, b) => a - b);
  const [queuedRows, fresh] = await Promise.all([
    db.journal.bulkGet(queuedSeqs.filter((seq) => seq <= scannedFrom)),
    db.journal.where(':id').above(scannedFrom).toArray(),
  ]);
  const rows = [...queuedRows, ...fresh].filter((row): row is JournalRow => row?.declareStatus === 'pending');
  return {
    rows,
    queueIds: records.flatMap((record) => (record.id === undefined ? [] : [record.id])),
    queuedSeqs,
    scannedFrom,
    scannedTo: fresh[fresh.length - 1]?.localSeq ?? scannedFrom,
  };
}

/** Queues rows returned to pending, under a new key: that is what wakes the sync actor for them. */
export async function enqueuePending(db: ZonebookDb, localSeqs: readonly number[]): Promise<void> {
  if (localSeqs.length) await db.outboxQueue.add({ localSeqs: [...localSeqs] });
}

/**
 * After a batching pass, inside its read-write transaction: moves the scan mark to the last row read
 * and leaves in the queue exactly the rows still pending, so rows batched or cancelled stop being read
 * on every pass. The rewritten record keeps the oldest key read; only when there was none does it take
 * a new one. Nothing is written when nothing changed, so a pass that only leaves held movements pending
 * ends the engine's work instead of waking it again.
 */
export async function rewriteQueue(
  db: ZonebookDb,
  queued: QueuedPending,
  stillPending: readonly number[],
): Promise<void> {
  if (queued.scannedTo !== queued.scannedFrom)
    await db.meta.put({ key: outboxScannedKey, value: queued.scannedTo });
  if (sameSeqs(queued.queuedSeqs, stillPending)) return;
  const [kept, ...rest] = [...queued.queueIds].sort((a, b) => a - b);
  await db.outboxQueue.bulkDelete(rest);
  const record: OutboxQueueRow = { localSeqs: [...stillPending] };
  if (kept === undefined) await db.outboxQueue.add(record);
  else if (stillPending.length) await db.outboxQueue.put({ ...record, id: kept });
  else await db.outboxQueue.delete(kept);
}

function sameSeqs(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((seq) => set.has(seq));
}

/** The queue record for rows written wholesale (a restore): undefined when none of them is pending. */
export function queueRowOf(rows: readonly JournalRow[]): OutboxQueueRow | undefined {
  const localSeqs = rows.filter((row) => row.declareStatus === 'pending').map((row) => row.localSeq);
  return localSeqs.length ? { localSeqs } : undefined;
}
