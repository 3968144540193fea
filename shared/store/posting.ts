import type { AccountBook } from '../domain/account-book';
import { addDecimal, type DecimalString } from '../domain/decimal';
import { fieldErrorsOf, type FieldError } from '../domain/field-error';
import { newId } from '../domain/ids';
import type { Location } from '../domain/location';
import {
  balanceDeltas,
  checkMovementContext,
  checkPostingAllowed,
  checkReversible,
  createJournalEntry,
  kinds,
  Movement,
  postMovement as postingsOf,
  reversalMismatch,
  type DeviceHead,
  type JournalEntry,
  type LedgerAccount,
  type MovementKind,
} from '../ledger';
import Dexie from 'dexie';
import type { BookLineRow, ZonebookDb } from './db';
import { asStorageError, StoreError } from './errors';
import { cachedGet, forgetJournalTail, postingCacheOf } from './posting-cache';
import { customsStateOf } from './outbox';
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
    ...(declareStatus !== undefined && { declareStatus }),
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
const keyOf = (bookLineId: string, account: string) => `${bookLineId}|${account}`;

/**
 * Posts movements in ONE read-write transaction, all or none: for each, the hash-chained journal entry
 * (with its outbox mark when customs must hear of it) and the balance rows it changes. Everything is read
 * first, checked and chained in memory (the hash is synchronous), then written with bulk calls, so only
 * Dexie calls are awaited and the transaction cannot commit early. A refusal throws StoreError naming
 * every movement and field at fault, and writes nothing.
 */
export async function postMovements(
  db: ZonebookDb,
  inputs: readonly unknown[],
  options: PostOptions,
): Promise<JournalEntry[]> {
  const problems: Problem[] = [];
  const movements: Movement[] = [];
  inputs.forEach((input, index) => {
    const parsed = Movement.safeParse(input);
    if (parsed.success) movements.push(parsed.data);
    else problems.push({ index, errors: fieldErrorsOf(parsed.error), code: 'invalid' });
  });
  if (problems.length) throw refuse(problems, inputs.length);
  const postingsByMovement = movements.map(postingsOf);
  const recordedAt = options.recordedAt ?? new Date().toISOString();
  const cache = postingCacheOf(db);

  const attempt = async (): Promise<JournalEntry[]> => {
    const tail: { head?: DeviceHead | null; lastLocalSeq?: number } = {};
    const writesBefore = cache.journalWrites;
    const entries = await db.transaction(
      'rw',
      [db.books, db.bookLines, db.locations, db.journal, db.balances],
      async () => {
        const balanceKeys = unique(
          postingsByMovement.flatMap((postings) => postings.map((p) => keyOf(p.bookLineId, p.account))),
        );
        const reversedIds = unique(movements.flatMap((m) => (m.reversalOf ? [m.reversalOf] : [])));
        const bookIds = unique(movements.map((m) => m.bookId));
        const lineIds = unique(movements.flatMap((m) => m.lines.map((line) => line.bookLineId)));
        const locationIds = unique(
          movements.flatMap((m) => m.lines.flatMap((l) => [l.fromLocationId, l.toLocationId])),
        ).filter((id): id is string => id !== undefined);

        // Requests, not rows, are what IndexedDB charges for: a plain posting reads five things and
        // writes one journal row. A movement posted twice is caught by the unique movementId index.
        const [books, lines, locations, balanceRows, head, lastLocalSeq, originals, earlierReversals] =
          await Promise.all([
            cachedGet(db.books, cache.books, bookIds),
            cachedGet(db.bookLines, cache.bookLines, lineIds),
            cachedGet(db.locations, cache.locations, locationIds),
            db.balances.bulkGet(balanceKeys.map((key) => key.split('|') as [string, string])),
            cache.heads.has(options.deviceId)
              ? (cache.heads.get(options.deviceId) ?? null)
              : db.journal
                  .where('[deviceId+deviceSeq]')
                  .between([options.deviceId, Dexie.minKey], [options.deviceId, Dexie.maxKey])
                  .last()
                  .then((row) => (row ? { deviceSeq: row.deviceSeq, hash: row.entry.hash } : null)),
            cache.lastLocalSeq ??
              db.journal
                .orderBy('localSeq')
                .reverse()
                .limit(1)
                .keys()
                .then((keys) => Number(keys[0] ?? 0)),
            reversedIds.length ? db.journal.where('movementId').anyOf(reversedIds).toArray() : [],
            reversedIds.length ? db.journal.where('reversalOf').anyOf(reversedIds).toArray() : [],
          ]);

        const bookById = new Map(books.filter((b): b is AccountBook => !!b).map((b) => [b.id, b]));
        const lineById = new Map(lines.filter((l): l is BookLineRow => !!l).map((l) => [l.id, l]));
        const locationById = new Map(locations.filter((l): l is Location => !!l).map((l) => [l.id, l]));
        const balances = new Map<string, DecimalString>();
        balanceRows.forEach((row) => row && balances.set(keyOf(row.bookLineId, row.account), row.qty));
        const originalById = new Map(originals.map((row) => [row.movementId, row]));
        const movementById = new Map(originals.map((row) => [row.movementId, row.entry.movement]));
        const reversedBy = new Map(earlierReversals.map((row) => [row.reversalOf ?? '', row.movementId]));
        const inThisCall = new Set<string>();

        let previous: DeviceHead | null = head;
        const entries: JournalEntry[] = [];
        const cancelled: string[] = [];
        const touched = new Map<string, { bookId: string }>();
        movements.forEach((movement, index) => {
          const fail = (code: StoreError['code'], errors: FieldError[]) =>
            problems.push({ index, code, errors });
          if (inThisCall.has(movement.id)) {
            return fail('duplicate', [
              { field: 'id', message: `Movement ${movement.id} was already posted` },
            ]);
          }
          const book = bookById.get(movement.bookId);
          if (!book) {
            return fail('notFound', [
              { field: 'bookId', message: `Book (bookId) ${movement.bookId} does not exist` },
            ]);
          }
          const contextErrors = checkMovementContext(movement, {
            book,
            bookLine: (id) => lineById.get(id),
            location: (id) => locationById.get(id),
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
              customsState: customsStateOf(
                originalById.get(originalId) ?? pendingIfDeclarable(original.kind),
              ),
              reversedBy: reversedBy.get(originalId),
            });
            if (!verdict.ok)
              return fail('notReversible', [{ field: 'reversalOf', message: verdict.message }]);
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
          const shortfalls = checkPostingAllowed(
            postings,
            (id, account) => balances.get(keyOf(id, account)) ?? '0',
            {
              bookLine: (id) => {
                const line = lineById.get(id);
                return line && `#${line.gdsSeqno} ${line.gdsMtno}`;
              },
              location: (id) => locationById.get(id)?.code,
            },
          );
          if (shortfalls.length) {
            return fail(
              'shortfall',
              shortfalls.map((s) => ({ field: 'lines', message: s.message })),
            );
          }
          for (const delta of balanceDeltas(postings)) {
            const key = keyOf(delta.bookLineId, delta.account);
            balances.set(key, addDecimal(balances.get(key) ?? '0', delta.delta));
            touched.set(key, { bookId: book.id });
          }
          const entry = createJournalEntry(previous, {
            id: newId(),
            deviceId: options.deviceId,
            recordedAt,
            movement,
          });
          previous = { deviceSeq: entry.deviceSeq, hash: entry.hash };
          movementById.set(movement.id, movement);
          inThisCall.add(movement.id);
          entries.push(entry);
        });
        if (problems.length) throw refuse(problems, movements.length);

        const changed: BalanceRow[] = [];
        const emptied: [string, string][] = [];
        for (const [key, { bookId }] of touched) {
          const [bookLineId, account] = key.split('|') as [string, LedgerAccount];
          const qty = balances.get(key) ?? '0';
          if (qty === '0') emptied.push([bookLineId, account]);
          else changed.push({ bookLineId, account, bookId, qty });
        }
        const firstLocalSeq = lastLocalSeq + 1;
        const cancelledNow = new Set(cancelled);
        const rows = entries.map((entry, index) =>
          journalRowOf(
            entry,
            firstLocalSeq + index,
            kinds[entry.movement.kind].declare
              ? cancelledNow.has(entry.movement.id)
                ? 'cancelled'
                : 'pending'
              : undefined,
          ),
        );
        const cancelledEarlier = cancelled.filter((id) => originalById.has(id));
        await Promise.all([
          db.journal.bulkAdd(rows),
          db.balances.bulkPut(changed),
          emptied.length ? db.balances.bulkDelete(emptied) : undefined,
          cancelledEarlier.length
            ? db.journal
                .where('movementId')
                .anyOf(cancelledEarlier)
                .modify({ declareStatus: 'cancelled' satisfies DeclareStatus })
            : undefined,
        ]);
        tail.head = previous;
        tail.lastLocalSeq = lastLocalSeq + rows.length;
        return entries;
      },
    );
    // Only what was committed may be remembered, and only if no one else wrote the journal meanwhile.
    if (cache.journalWrites <= writesBefore + 1) {
      cache.heads.set(options.deviceId, tail.head ?? null);
      cache.lastLocalSeq = tail.lastLocalSeq;
    }
    return entries;
  };

  try {
    try {
      return await attempt();
    } catch (error) {
      if (!isConstraintFailure(error)) throw error;
      // Either a movement was posted before, or the remembered journal tail is stale (another window
      // wrote): tell which with a fresh read, then try once more from the journal as it is.
      forgetJournalTail(cache);
      const posted = await db.journal
        .where('movementId')
        .anyOf(movements.map((m) => m.id))
        .toArray();
      if (posted.length) throw alreadyPosted(posted.map((row) => row.movementId));
      return await attempt();
    }
  } catch (error) {
    throw asStorageError(error);
  }
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
