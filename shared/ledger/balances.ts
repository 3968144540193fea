import {
  addDecimal,
  compareDecimal,
  isNegativeDecimal,
  negateDecimal,
  sumDecimals,
  type DecimalString,
} from '../domain/decimal';
import { isCustodyAccount, isLedgerAccount, locationIdOf, type LedgerAccount } from './accounts';
import type { Posting } from './postings';

/**
 * Balances by (book line, account). Zero balances are left out, so two balance maps are equal exactly
 * when they hold the same entries.
 */
export type BalanceKey = `${string}|${LedgerAccount}`;
export type Balances = ReadonlyMap<BalanceKey, DecimalString>;

export function balanceKey(bookLineId: string, account: LedgerAccount): BalanceKey {
  return `${bookLineId}|${account}`;
}

export function parseBalanceKey(key: BalanceKey): { bookLineId: string; account: LedgerAccount } {
  const at = key.indexOf('|');
  const account = key.slice(at + 1);
  if (at < 0 || !isLedgerAccount(account)) throw new Error(`Not a balance key: ${key}`);
  return { bookLineId: key.slice(0, at), account };
}

export function balanceOf(balances: Balances, bookLineId: string, account: LedgerAccount): DecimalString {
  return balances.get(balanceKey(bookLineId, account)) ?? '0';
}

/** Adds postings into a map the caller owns. Kept apart so replay needs no copy per entry. */
export function addPostingsInto(target: Map<BalanceKey, DecimalString>, postings: readonly Posting[]): void {
  for (const posting of postings) {
    const key = balanceKey(posting.bookLineId, posting.account);
    const next = addDecimal(target.get(key) ?? '0', posting.qty);
    if (next === '0') target.delete(key);
    else target.set(key, next);
  }
}

/**
 * The custody balances among them: what the store keeps per book line. The outside accounts (abroad,
 * domestic market, ...) are only the other side of each posting; a replay of the journal gives them.
 */
export function custodyBalances(balances: Balances): Map<BalanceKey, DecimalString> {
  return new Map([...balances].filter(([key]) => isCustodyAccount(parseBalanceKey(key).account)));
}

/** The balances after the postings; the input is left untouched. */
export function applyPostings(balances: Balances, postings: readonly Posting[]): Balances {
  const next = new Map(balances);
  addPostingsInto(next, postings);
  return next;
}

export interface BalanceDelta {
  readonly bookLineId: string;
  readonly account: LedgerAccount;
  readonly delta: DecimalString;
}

/** Net change per (book line, account): the rows a store must read, add to and write back. */
export function balanceDeltas(postings: readonly Posting[]): BalanceDelta[] {
  const deltas = new Map<BalanceKey, DecimalString>();
  addPostingsInto(deltas, postings);
  return [...deltas].map(([key, delta]) => ({ ...parseBalanceKey(key), delta }));
}

/** One book line's balances by account, e.g. for an inventory row or a drill-down. */
export function balancesByCustody(balances: Balances, bookLineId: string): Map<LedgerAccount, DecimalString> {
  const result = new Map<LedgerAccount, DecimalString>();
  for (const [key, qty] of balances) {
    const parsed = parseBalanceKey(key);
    if (parsed.bookLineId === bookLineId) result.set(parsed.account, qty);
  }
  return result;
}

/** What we hold of a book line: the sum of its custody accounts (zone, display, transit, processing). */
export function heldQuantity(balances: Balances, bookLineId: string): DecimalString {
  const held = [...balancesByCustody(balances, bookLineId)].filter(([account]) => isCustodyAccount(account));
  return sumDecimals(held.map(([, qty]) => qty));
}

export type InvariantViolation =
  | {
      readonly rule: 'bookLineSumsToZero';
      readonly bookLineId: string;
      readonly sum: DecimalString;
      readonly message: string;
    }
  | {
      readonly rule: 'custodyNotNegative';
      readonly bookLineId: string;
      readonly account: LedgerAccount;
      readonly locationId: string | undefined;
      readonly shortfall: DecimalString;
      readonly message: string;
    };

/**
 * The ledger's invariants: every book line's accounts sum to zero (double entry), and no custody
 * account is below zero (we cannot hold less than nothing). Returns every violation found.
 */
export function checkInvariants(balances: Balances): InvariantViolation[] {
  const violations: InvariantViolation[] = [];
  const sums = new Map<string, DecimalString>();
  for (const [key, qty] of balances) {
    const { bookLineId, account } = parseBalanceKey(key);
    sums.set(bookLineId, addDecimal(sums.get(bookLineId) ?? '0', qty));
    if (isCustodyAccount(account) && isNegativeDecimal(qty)) {
      const shortfall = negateDecimal(qty);
      violations.push({
        rule: 'custodyNotNegative',
        bookLineId,
        account,
        locationId: locationIdOf(account),
        shortfall,
        message: `Book line ${bookLineId} is ${shortfall} short in ${account}`,
      });
    }
  }
  for (const [bookLineId, sum] of sums) {
    if (compareDecimal(sum, '0') !== 0) {
      violations.push({
        rule: 'bookLineSumsToZero',
        bookLineId,
        sum,
        message: `Book line ${bookLineId}'s accounts sum to ${sum}, not zero`,
      });
    }
  }
  return violations;
}
