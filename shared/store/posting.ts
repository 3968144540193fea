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
} from '../ledger';
import type { BookLineRow, ZonebookDb } from './db';
import { headKey } from './device';
import { asStorageError, StoreError } from './errors';
import { customsStateOf } from './outbox';
import type { BalanceRow, JournalRow, OutboxRow } from './rows';

export interface PostOptions {
  deviceId: string;
  /** The instant recorded on the entries; a parameter so tests and imports control the clock. */
  recordedAt?: string;
}

export function journalRowOf(entry: JournalEntry, localSeq: number): JournalRow {
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
 * Posts movements in ONE read-write transaction, all or none: for each, the hash-chained journal entry,
 * the balance rows it changes and, when customs must hear of it, its outbox row. Everything is read
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

  try {
    return await db.transaction(
      'rw',
      [db.books, db.bookLines, db.locations, db.journal, db.balances, db.outbox, db.meta],
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

        const [
          books,
          lines,
          locations,
          balanceRows,
          head,
          lastLocalSeq,
          already,
          originals,
          earlierReversals,
          outboxRows,
        ] = await Promise.all([
          db.books.bulkGet(bookIds),
          db.bookLines.bulkGet(lineIds),
          db.locations.bulkGet(locationIds),
          db.balances.bulkGet(balanceKeys.map((key) => key.split('|') as [string, string])),
          db.meta.get(headKey(options.deviceId)),
          db.journal.orderBy('localSeq').reverse().limit(1).keys(),
          db.journal
            .where('movementId')
            .anyOf(movements.map((m) => m.id))
            .primaryKeys(),
          reversedIds.length ? db.journal.where('movementId').anyOf(reversedIds).toArray() : [],
          reversedIds.length ? db.journal.where('reversalOf').anyOf(reversedIds).toArray() : [],
          reversedIds.length ? db.outbox.bulkGet(reversedIds) : [],
        ]);

        const bookById = new Map(books.filter((b): b is AccountBook => !!b).map((b) => [b.id, b]));
        const lineById = new Map(lines.filter((l): l is BookLineRow => !!l).map((l) => [l.id, l]));
        const locationById = new Map(locations.filter((l): l is Location => !!l).map((l) => [l.id, l]));
        const balances = new Map<string, DecimalString>();
        balanceRows.forEach((row) => row && balances.set(keyOf(row.bookLineId, row.account), row.qty));
        const movementById = new Map(originals.map((row) => [row.movementId, row.entry.movement]));
        const reversedBy = new Map(earlierReversals.map((row) => [row.reversalOf ?? '', row.movementId]));
        const outboxById = new Map(
          outboxRows.flatMap((row) => (row ? [[row.movementId, row] as const] : [])),
        );
        const alreadyPosted = new Set<string>();
        if (already.length) {
          const posted = await db.journal.bulkGet(already);
          posted.forEach((row) => row && alreadyPosted.add(row.movementId));
        }

        let previous = (head?.value as DeviceHead | undefined) ?? null;
        const entries: JournalEntry[] = [];
        const touched = new Map<string, { bookId: string }>();
        movements.forEach((movement, index) => {
          const fail = (code: StoreError['code'], errors: FieldError[]) =>
            problems.push({ index, code, errors });
          if (alreadyPosted.has(movement.id)) {
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
              customsState: customsStateOf(outboxById.get(originalId)),
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
          alreadyPosted.add(movement.id);
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
        const outbox: OutboxRow[] = entries
          .filter((entry) => kinds[entry.movement.kind].declare)
          .map((entry) => ({
            movementId: entry.movement.id,
            bookId: entry.movement.bookId,
            kind: entry.movement.kind,
            status: 'pending',
            recordedAt,
          }));
        await Promise.all([
          db.journal.bulkAdd(
            entries.map((entry, index) => journalRowOf(entry, Number(lastLocalSeq[0] ?? 0) + index + 1)),
          ),
          db.balances.bulkPut(changed),
          emptied.length ? db.balances.bulkDelete(emptied) : undefined,
          outbox.length ? db.outbox.bulkAdd(outbox) : undefined,
          previous ? db.meta.put({ key: headKey(options.deviceId), value: previous }) : undefined,
        ]);
        return entries;
      },
    );
  } catch (error) {
    throw asStorageError(error);
  }
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
