import { addDecimal, isNegativeDecimal, negateDecimal, type DecimalString } from '../domain/decimal';
import { isCustodyAccount, locationIdOf, type CustodyAccount, type LedgerAccount } from './accounts';
import { balanceDeltas, type BalanceDelta } from './balances';
import type { Posting } from './postings';

export interface Shortfall {
  readonly bookLineId: string;
  readonly account: CustodyAccount;
  readonly locationId: string | undefined;
  readonly available: DecimalString;
  readonly required: DecimalString;
  readonly shortfall: DecimalString;
  readonly message: string;
}

/** Human names for ids, e.g. "#12 ABC-001" for a book line and "A-01-03" for a location. */
export interface LedgerNames {
  bookLine?(bookLineId: string): string | undefined;
  location?(locationId: string): string | undefined;
}

const custodyWords: Record<Exclude<CustodyAccount, `zone:${string}`>, string> = {
  display: 'on display',
  transit: 'in transit',
  processing: 'out for processing',
};

/**
 * Refuses postings that would take a custody balance below zero. `balanceOf` reads the current balance
 * (inside the posting transaction, from the stored rows). Returns one shortfall per account short;
 * an empty list means the movement may post.
 */
export function checkPostingAllowed(
  postings: readonly Posting[],
  balanceOf: (bookLineId: string, account: LedgerAccount) => DecimalString,
  names: LedgerNames = {},
): Shortfall[] {
  return checkDeltasAllowed(balanceDeltas(postings), balanceOf, names);
}

/** checkPostingAllowed for balance deltas the caller has already summed (posting needs them anyway). */
export function checkDeltasAllowed(
  deltas: readonly BalanceDelta[],
  balanceOf: (bookLineId: string, account: LedgerAccount) => DecimalString,
  names: LedgerNames = {},
): Shortfall[] {
  const shortfalls: Shortfall[] = [];
  for (const { bookLineId, account, delta } of deltas) {
    if (!isCustodyAccount(account) || !isNegativeDecimal(delta)) continue;
    const available = balanceOf(bookLineId, account);
    const after = addDecimal(available, delta);
    if (!isNegativeDecimal(after)) continue;
    const locationId = locationIdOf(account);
    const line = names.bookLine?.(bookLineId) ?? bookLineId;
    const where =
      locationId !== undefined
        ? `at location ${names.location?.(locationId) ?? locationId}`
        : custodyWords[account as keyof typeof custodyWords];
    const required = negateDecimal(delta);
    const shortfall = negateDecimal(after);
    shortfalls.push({
      bookLineId,
      account,
      locationId,
      available,
      required,
      shortfall,
      message: `Not enough of book line ${line} ${where}: ${available} there, ${required} needed, short by ${shortfall}`,
    });
  }
  return shortfalls;
}
