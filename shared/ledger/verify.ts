import { fieldErrorsOf } from '../domain/field-error';
import { addPostingsInto, balanceKey, type BalanceKey, type Balances } from './balances';
import { isCustodyAccount } from './accounts';
import { canonicalJson } from './canonical-json';
import { entryHash, GENESIS_HASH, JournalEntry, type DeviceHead } from './journal';
import type { Movement } from './movement';
import { postMovement } from './postings';
import { reversalMismatch } from './reversal';
import { addDecimal, isNegativeDecimal, negateDecimal, type DecimalString } from '../domain/decimal';
import type { Posting } from './postings';

export type JournalVerdict =
  | {
      readonly ok: true;
      readonly balances: Balances;
      readonly entryCount: number;
      readonly heads: ReadonlyMap<string, DeviceHead>;
    }
  | { readonly ok: false; readonly index: number; readonly id: string | undefined; readonly reason: string };

const idOf = (raw: unknown): string | undefined =>
  typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
    ? (raw as { id: string }).id
    : undefined;

/**
 * Checks a journal, in the order given (the store's merge order): each entry's format and hash, each
 * device's chain (sequence 1, 2, 3 … and prevHash = the previous hash), postings that match the posting
 * rules, reversals that invert an earlier movement once, and the invariants after every entry.
 * Returns the balances when all holds, else the first bad entry: its index, id and why.
 *
 * The hash is checked over the entry exactly as read, before any normalising, so no byte can change
 * unnoticed.
 */
export function verifyJournal(entries: readonly unknown[]): JournalVerdict {
  const balances = new Map<BalanceKey, DecimalString>();
  const heads = new Map<string, DeviceHead>();
  const entryIds = new Set<string>();
  const movements = new Map<string, Movement>();
  const reversed = new Set<string>();

  for (let index = 0; index < entries.length; index++) {
    const raw = entries[index];
    const fail = (reason: string): JournalVerdict => ({ ok: false, index, id: idOf(raw), reason });

    const parsed = JournalEntry.safeParse(raw);
    if (!parsed.success) {
      const first = fieldErrorsOf(parsed.error)[0];
      return fail(
        `not a valid journal entry: ${first ? `${first.field}: ${first.message}` : 'unknown shape'}`,
      );
    }
    const entry = parsed.data;
    if (entryHash(raw as JournalEntry) !== entry.hash) return fail('its hash does not match its content');

    const head = heads.get(entry.deviceId);
    const expectedSeq = head ? head.deviceSeq + 1 : 1;
    if (entry.deviceSeq !== expectedSeq) {
      return fail(`device ${entry.deviceId} sequence ${entry.deviceSeq} where ${expectedSeq} was expected`);
    }
    if (entry.prevHash !== (head ? head.hash : GENESIS_HASH)) {
      return fail(`its prevHash does not match the previous entry of device ${entry.deviceId}`);
    }
    if (entryIds.has(entry.id)) return fail(`entry id ${entry.id} appears twice`);
    const { movement } = entry;
    if (movements.has(movement.id)) return fail(`movement ${movement.id} appears twice`);

    if (movement.kind === 'reversal' && movement.reversalOf !== undefined) {
      const original = movements.get(movement.reversalOf);
      if (!original)
        return fail(`it reverses movement ${movement.reversalOf}, which is not earlier in the journal`);
      if (original.kind === 'reversal') return fail('it reverses a reversal');
      if (reversed.has(original.id)) return fail(`movement ${original.id} is reversed a second time`);
      const mismatch = reversalMismatch(movement, original);
      if (mismatch) return fail(`it is not the exact inverse of ${original.id}: ${mismatch}`);
      reversed.add(original.id);
    }

    if (canonicalJson(entry.postings) !== canonicalJson(postMovement(movement))) {
      return fail(`its postings differ from the posting rules for ${movement.kind}`);
    }

    const unbalanced = firstUnbalancedBookLine(entry.postings);
    if (unbalanced !== undefined) return fail(`its postings for book line ${unbalanced} do not sum to zero`);

    addPostingsInto(balances, entry.postings);
    for (const posting of entry.postings) {
      const qty = balances.get(balanceKey(posting.bookLineId, posting.account));
      if (isCustodyAccount(posting.account) && qty !== undefined && isNegativeDecimal(qty)) {
        return fail(
          `it takes book line ${posting.bookLineId} below zero in ${posting.account}, short by ${negateDecimal(qty)}`,
        );
      }
    }

    heads.set(entry.deviceId, { deviceSeq: entry.deviceSeq, hash: entry.hash });
    entryIds.add(entry.id);
    movements.set(movement.id, movement);
  }
  return { ok: true, balances, entryCount: entries.length, heads };
}

function firstUnbalancedBookLine(postings: readonly Posting[]): string | undefined {
  const sums = new Map<string, DecimalString>();
  for (const posting of postings)
    sums.set(posting.bookLineId, addDecimal(sums.get(posting.bookLineId) ?? '0', posting.qty));
  return [...sums].find(([, sum]) => sum !== '0')?.[0];
}

/** Rebuilds balances from a journal already verified (or read from the store): its stored postings, in order. */
export function replay(entries: Iterable<Pick<JournalEntry, 'postings'>>): Balances {
  const balances = new Map<BalanceKey, DecimalString>();
  for (const entry of entries) addPostingsInto(balances, entry.postings);
  return balances;
}
