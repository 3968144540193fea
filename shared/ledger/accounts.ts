import { z } from 'zod';

/**
 * Custody accounts say where goods of a book line are. Every movement moves quantity from one account to
 * another, so each book line's accounts sum to zero: what sits in custody is mirrored, negatively, in the
 * outside accounts it came from.
 *
 * Custody (ours, still on the book, never below zero):
 *   zone:<locationId>  in the zone at a location
 *   display            out of the zone on display (保税展示), under guarantee
 *   transit            on the way to another zone or book, not yet confirmed received
 *   processing         out for processing, repair or testing
 * Outside (the other side of the double entry, negative = came from there):
 *   abroad, domestic (the domestic market), otherBook (another account book), destroyed, adjustment (stocktake)
 */
export type ZoneAccount = `zone:${string}`;
export type CustodyAccount = ZoneAccount | 'display' | 'transit' | 'processing';
export type OutsideAccount = 'abroad' | 'domestic' | 'otherBook' | 'destroyed' | 'adjustment';
export type LedgerAccount = CustodyAccount | OutsideAccount;

export const outsideAccounts: readonly OutsideAccount[] = [
  'abroad',
  'domestic',
  'otherBook',
  'destroyed',
  'adjustment',
];
export const offSiteCustodyAccounts = ['display', 'transit', 'processing'] as const;

const ZONE_PREFIX = 'zone:';

export function zoneAccount(locationId: string): ZoneAccount {
  return `${ZONE_PREFIX}${locationId}`;
}

export function isZoneAccount(account: string): account is ZoneAccount {
  return account.startsWith(ZONE_PREFIX) && account.length > ZONE_PREFIX.length;
}

export function isCustodyAccount(account: string): account is CustodyAccount {
  return isZoneAccount(account) || (offSiteCustodyAccounts as readonly string[]).includes(account);
}

export function isLedgerAccount(account: string): account is LedgerAccount {
  return isCustodyAccount(account) || (outsideAccounts as readonly string[]).includes(account);
}

/** The location of an in-zone account, undefined for every other account. */
export function locationIdOf(account: string): string | undefined {
  return isZoneAccount(account) ? account.slice(ZONE_PREFIX.length) : undefined;
}

export const LedgerAccountSchema = z
  .string()
  .refine(isLedgerAccount, {
    error: (issue) => `Account (account) "${String(issue.input)}" is not a ledger account`,
  })
  .transform((account) => account as LedgerAccount);
