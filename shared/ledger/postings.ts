import { z } from 'zod';
import { negateDecimal, type DecimalString } from '../domain/decimal';
import { recordId } from '../domain/field-rules';
import { zoneAccount, LedgerAccountSchema, type LedgerAccount } from './accounts';
import type { Side } from './kinds';
import { effectiveRule, type Movement, type MovementLine } from './movement';

/** One side of a double entry: `qty` enters `account` (negative: leaves it). */
export interface Posting {
  readonly bookLineId: string;
  readonly account: LedgerAccount;
  readonly qty: DecimalString;
}

export const PostingSchema = z.object({
  bookLineId: recordId('Book line (bookLineId)'),
  account: LedgerAccountSchema,
  qty: z.string().regex(/^-?\d+(\.\d+)?$/, 'Posting quantity (qty) must be a decimal number'),
});

function accountOf(side: Side, line: MovementLine, end: 'from' | 'to'): LedgerAccount {
  if (side !== 'zone') return side;
  const locationId = end === 'from' ? line.fromLocationId : line.toLocationId;
  if (locationId === undefined)
    throw new Error(`Line of book line ${line.bookLineId} has no ${end} location`);
  return zoneAccount(locationId);
}

/**
 * The double entry of a movement: per line, the quantity leaves the `from` account and enters the `to`
 * account, so each book line's postings sum to zero. A reversal posts its original's entry negated.
 * Expects a movement that passed the Movement schema.
 */
export function postMovement(movement: Movement): Posting[] {
  const rule = effectiveRule(movement);
  if (!rule || rule.from === null || rule.to === null) {
    throw new Error(`Movement ${movement.id} (${movement.kind}) has no posting rule`);
  }
  const { from, to } = rule;
  const postings = movement.lines.flatMap((line): Posting[] => [
    { bookLineId: line.bookLineId, account: accountOf(from, line, 'from'), qty: negateDecimal(line.qty) },
    { bookLineId: line.bookLineId, account: accountOf(to, line, 'to'), qty: line.qty },
  ]);
  return movement.kind === 'reversal' ? postings.map((p) => ({ ...p, qty: negateDecimal(p.qty) })) : postings;
}
