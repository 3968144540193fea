import { addDecimal, type DecimalString } from '../domain/decimal';
import { fieldErrorsOf, type FieldError } from '../domain/field-error';
import { newId } from '../domain/ids';
import {
  balanceDeltas,
  balanceKey,
  parseBalanceKey,
  checkMovementContext,
  checkDeltasAllowed,
  checkReversible,
  createJournalEntry,
  isCustodyAccount,
  kinds,
  Movement,
  postMovement as postingsOf,
  reversalMismatch,
  type DeviceHead,
  type JournalEntry,
  type BalanceKey,
  type MovementKind,
  type Posting as PostingLine,
} from '../ledger';
import Dexie from 'dexie';
import type { ZonebookDb } from './db';
import { asStorageError, StoreError } from './errors';
import { abortWith, completionOf } from './idb-requests';
import { historyRowsWritten } from './history-indexing';
import { customsStateOf, declareStatusFields, withDeclareStatus } from './outbox';
import {
  forgetJournalState,
  postingCacheOf,
  rememberBalance,
  reportWrites,
  type JournalTail,
  type PostingCache,
} from './posting-cache';
import { guardTail, readMissing, type PostingNeeds, type PostingReads } from './posting-reads';
import type { BalanceRow, DeclareStatus, JournalRow } from './rows';

export interface PostOptions {
  deviceId: string;
  /** The instant recorded on the entries; a parameter so tests and imports control the clock. */
  recordedAt?: string;
}

export function journalRowOf(
  entry: JournalEntry,
  localSeq: number,
  declareStatus?: DeclareStatus,
): JournalRow {
  const { movement } = entry;
  return {
    id: entry.id,
    deviceId: entry.deviceId,
    deviceSeq: entry.deviceSeq,
    localSeq,
    movementId: movement.id,
    bookId: movement.bookId,
    bookLineIds: [...new Set(movement.lines.map((line) => line.bookLineId))],
    kind: movement.kind,
    ...(movement.reversalOf !== undefined && { reversalOf: movement.reversalOf }),
    ...declareStatusFields(declareStatus),
    entry,
  };
}

interface Problem {
  index: number;
  errors: FieldError[];
  code: StoreError['code'];
}

function refuse(problems: Problem[], total: number): StoreError {
  const prefix = (index: number) => (total > 1 ? `movement ${index + 1}: ` : '');
  const fields = problems.flatMap((problem) =>
    problem.errors.map((error) => ({
      field: `${prefix(problem.index)}${error.field}`,
      message: error.message,
    })),
  );
  const message =
    total > 1
      ? `${problems.length} of ${total} movements cannot be posted; nothing was posted. ${fields[0]?.field}: ${fields[0]?.message}`
      : fields.map((field) => field.message).join('; ');
  return new StoreError(problems[0]?.code ?? 'invalid', message, fields);
}

const unique = <T>(values: Iterable<T>) => [...new Set(values)];

/** The cache's picture of the journal proved out of date in the posting's own transaction. */
class StaleMemory extends Error {
  constructor() {
    super('The journal changed since this window last read it');
    this.name = 'StaleMemory';
  }
}

/**
 * Posts movements in ONE read-write transaction, all or none: for each, the hash-chained journal entry
 * (with its outbox mark when customs must hear of it) and the balance rows it changes. What the posting
 * needs comes from the posting cache where it can, and is otherwise read first in the same transaction;
 * then everything is checked and chained in memory (the hash is synchronous) and written, each row as
 * soon as it is made, so IndexedDB writes while the next entry is hashed. A refusal throws StoreError
 * naming every movement and field at fault, and writes nothing.
 *
 * It runs its own transaction with IndexedDB directly, not through Dexie, whose transactions cost more
 * than a posting's writes do; it then reports its writes to Dexie so live queries follow.
 */
export async function postMovements(
  db: ZonebookDb,
  inputs: readonly unknown[],
  options: PostOptions,
): Promise<JournalEntry[]> {
  if (Dexie.currentTransaction) {
    throw new Error('postMovements runs its own transaction: call it outside of a Dexie transaction');
  }
  const problems: Problem[] = [];
  const movements: Movement[] = [];
  inputs.forEach((input, index) => {
    const parsed = Movement.safeParse(input);
    if (parsed.success) movements.push(parsed.data);
    else problems.push({ index, errors: fieldErrorsOf(parsed.error), code: 'invalid' });
  });
  if (problems.length) throw refuse(problems, inputs.length);
  const cache = postingCacheOf(db);
  const posting: Posting = {
    movements,
    postings: movements.map(postingsOf),
    recordedAt: options.recordedAt ?? new Date().toISOString(),
    deviceId: options.deviceId,
  };

  try {
    for (let attempt = 1; ; attempt++) {
      try {
        return await postOnce(db, cache, posting);
      } catch (error) {
        const constraint = isConstraintFailure(error);
        if (!(error instanceof StaleMemory || constraint) || attempt >= 3) throw error;
        // Either a movement was posted before, or what this window remembered of the journal is out of
        // date (another window wrote, or restored): tell which with a fresh read, then post again.
        forgetJournalState(cache);
        if (constraint) {
          const posted = await db.journal
            .where('movementId')
            .anyOf(movements.map((m) => m.id))
            .toArray();
          if (posted.length) throw alreadyPosted(posted.map((row) => row.movementId));
        }
      }
    }
  } catch (error) {
    throw asStorageError(error);
  }
}

interface Posting {
  movements: readonly Movement[];
  postings: readonly (readonly PostingLine[])[];
  recordedAt: string;
  deviceId: string;
}

function needsOf({ movements, postings }: Posting): PostingNeeds {
  return {
    bookIds: unique(movements.map((m) => m.bookId)),
    lineIds: unique(movements.flatMap((m) => m.lines.map((line) => line.bookLineId))),
    locationIds: unique(
      movements.flatMap((m) => m.lines.flatMap((l) => [l.fromLocationId, l.toLocationId])),
    ).filter((id): id is string => id !== undefined),
    balanceKeys: unique(
      postings.flatMap((lines) =>
        lines.flatMap((p) => (isCustodyAccount(p.account) ? [balanceKey(p.bookLineId, p.account)] : [])),
      ),
    ),
    reversedIds: unique(movements.flatMap((m) => (m.reversalOf ? [m.reversalOf] : []))),
  };
}

async function postOnce(db: ZonebookDb, cache: PostingCache, posting: Posting): Promise<JournalEntry[]> {
  if (!db.isOpen()) await db.open();
  const journalName = db.journal.name;
  const tx = db
    .backendDB()
    .transaction([journalName, 'balances', 'books', 'bookLines', 'locations'], 'readwrite');
  const done = completionOf(tx);
  const stale = () => abortWith(tx, new StaleMemory());
  if (cache.tail) guardTail(tx, cache.tail, stale);
  let written: Written;
  try {
    const reads = readMissing(tx, cache, needsOf(posting), posting.deviceId);
    written = writePosting(tx, journalName, cache, posting, reads instanceof Promise ? await reads : reads);
  } catch (error) {
    abortWith(tx, error);
    await done;
    throw error;
  }
  await done;
  for (const [key, qty] of written.balances) rememberBalance(cache, key, qty);
  cache.tail = written.tail;
  cache.heads.set(posting.deviceId, written.head);
  // After the caller has its answer, as Dexie signals its own writes: a posting's latency is the user's.
  // So are the history pages of its rows, which readers do not need (see journalRowsOfLines).
  setTimeout(() => {
    reportWrites(db, [journalName, 'balances']);
    historyRowsWritten(db, written.entries.length);
  }, 0);
  return written.entries;
}

interface Written {
  entries: JournalEntry[];
  balances: Map<BalanceKey, DecimalString>;
  tail: JournalTail;
  head: DeviceHead | null;
}

/**
 * Checks every movement against what is known, chains its entry and issues its writes; throws the
 * refusal (and so aborts) when any movement cannot be posted. Synchronous: the transaction stays active.
 */
function writePosting(
  tx: IDBTransaction,
  journalName: string,
  cache: PostingCache,
  { movements, postings: postingsByMovement, recordedAt, deviceId }: Posting,
  reads: PostingReads,
): Written {
  const journal = tx.objectStore(journalName);
  const balanceStore = tx.objectStore('balances');
  const { originals, earlierReversals } = reads.reversals;
  const originalById = new Map(originals.map((row) => [row.movementId, row]));
  const movementById = new Map(originals.map((row) => [row.movementId, row.entry.movement]));
  const reversedBy = new Map(earlierReversals.map((row) => [row.reversalOf ?? '', row.movementId]));
  const balances = new Map<BalanceKey, DecimalString>();
  const balanceOf = (key: BalanceKey) => balances.get(key) ?? cache.balances.get(key) ?? '0';
  const inThisCall = new Set<string>();
  const problems: Problem[] = [];
  const entries: JournalEntry[] = [];
  const cancelled: string[] = [];
  const touched = new Map<BalanceKey, string>();
  const rowsWritten = new Map<string, JournalRow>();
  let previous = reads.head;
  let localSeq = reads.tail.localSeq;
  let lastId = reads.tail.entryId;

  movements.forEach((movement, index) => {
    const fail = (code: StoreError['code'], errors: FieldError[]) => problems.push({ index, code, errors });
    if (inThisCall.has(movement.id)) {
      return fail('duplicate', [{ field: 'id', message: `Movement ${movement.id} was already posted` }]);
    }
    const book = cache.books.get(movement.bookId);
    if (!book) {
      return fail('notFound', [
        { field: 'bookId', message: `Book (bookId) ${movement.bookId} does not exist` },
      ]);
    }
    const contextErrors = checkMovementContext(movement, {
      book,
      bookLine: (id) => cache.bookLines.get(id),
      location: (id) => cache.locations.get(id),
    });
    if (contextErrors.length) return fail('invalid', contextErrors);
    if (movement.kind === 'reversal') {
      const originalId = movement.reversalOf ?? '';
      const original = movementById.get(originalId);
      if (!original) {
        return fail('notFound', [
          {
            field: 'reversalOf',
            message: `The movement to reverse (reversalOf) ${originalId} does not exist`,
          },
        ]);
      }
      const verdict = checkReversible(original, {
        customsState: customsStateOf(originalById.get(originalId) ?? pendingIfDeclarable(original.kind)),
        reversedBy: reversedBy.get(originalId),
      });
      if (!verdict.ok) return fail('notReversible', [{ field: 'reversalOf', message: verdict.message }]);
      const mismatch = reversalMismatch(movement, original);
      if (mismatch) {
        return fail('invalid', [
          { field: 'lines', message: `A reversal must mirror its original exactly: ${mismatch}` },
        ]);
      }
      reversedBy.set(originalId, movement.id);
      // Reversed before customs heard of it: neither the original nor its reversal is declared.
      if (kinds[original.kind].declare) cancelled.push(originalId);
    }
    const postings = postingsByMovement[index] ?? [];
    const deltas = balanceDeltas(postings);
    const shortfalls = checkDeltasAllowed(deltas, (id, account) => balanceOf(balanceKey(id, account)), {
      bookLine: (id) => {
        const line = cache.bookLines.get(id);
        return line && `#${line.gdsSeqno} ${line.gdsMtno}`;
      },
      location: (id) => cache.locations.get(id)?.code,
    });
    if (shortfalls.length) {
      return fail(
        'shortfall',
        shortfalls.map((s) => ({ field: 'lines', message: s.message })),
      );
    }
    for (const delta of deltas) {
      // Only custody balances are kept (see custodyBalances): one row to write, not two, per line.
      if (!isCustodyAccount(delta.account)) continue;
      const key = balanceKey(delta.bookLineId, delta.account);
      balances.set(key, addDecimal(balanceOf(key), delta.delta));
      touched.set(key, book.id);
    }
    const entry = createJournalEntry(previous, { id: newId(), deviceId, recordedAt, movement }, [
      ...postings,
    ]);
    previous = { deviceSeq: entry.deviceSeq, hash: entry.hash };
    movementById.set(movement.id, movement);
    inThisCall.add(movement.id);
    entries.push(entry);
    if (problems.length) return;
    // Written at once: IndexedDB stores this row while the next one is checked and hashed.
    localSeq += 1;
    lastId = entry.id;
    const row = journalRowOf(entry, localSeq, kinds[movement.kind].declare ? 'pending' : undefined);
    rowsWritten.set(movement.id, row);
    journal.add(row);
  });
  if (problems.length) throw refuse(problems, movements.length);

  for (const [key, bookId] of touched) {
    const { bookLineId, account } = parseBalanceKey(key);
    const qty = balances.get(key) ?? '0';
    if (qty === '0') balanceStore.delete([bookLineId, account]);
    else balanceStore.put({ bookLineId, account, bookId, qty } satisfies BalanceRow);
  }
  for (const id of cancelled) {
    // Reversed in this call or before it: either way its row is rewritten in this transaction.
    const row = rowsWritten.get(id) ?? originalById.get(id);
    if (row) journal.put(withDeclareStatus({ ...row }, 'cancelled'));
  }
  return { entries, balances, tail: { localSeq, entryId: lastId }, head: previous };
}

function isConstraintFailure(error: unknown): boolean {
  const named = (e: unknown) => (e as { name?: string } | undefined)?.name;
  const failures = Object.values((error as { failuresByPos?: Record<number, unknown> }).failuresByPos ?? {});
  return (
    named(error) === 'ConstraintError' ||
    named((error as { inner?: unknown }).inner) === 'ConstraintError' ||
    failures.some((failure) => named(failure) === 'ConstraintError')
  );
}

/** A movement posted in this same call has no row yet; it counts as not yet declared. */
function pendingIfDeclarable(kind: MovementKind): Pick<JournalRow, 'declareStatus'> | undefined {
  return kinds[kind].declare ? { declareStatus: 'pending' } : undefined;
}

/** Names the movements already in the journal (also when two windows post one at once). */
function alreadyPosted(movementIds: readonly string[]): StoreError {
  return new StoreError(
    'duplicate',
    movementIds.map((id) => `Movement ${id} was already posted; nothing was posted twice`).join('; '),
    movementIds.map((id) => ({ field: 'id', message: `Movement ${id} was already posted` })),
  );
}

/** Posts one movement; see postMovements. */
export async function postMovement(
  db: ZonebookDb,
  input: unknown,
  options: PostOptions,
): Promise<JournalEntry> {
  const [entry] = await postMovements(db, [input], options);
  if (!entry) throw new Error('postMovements returned no entry');
  return entry;
}
