import { z } from 'zod';
import { isDecimalString } from '../domain/decimal';
import { SignedQuantity } from '../domain/quantities';

/**
 * A line of customs' book as it names and describes it (BwsDt, customs-domain.md §1.4): enough for an
 * endpoint whose copy of the book has no such line yet to open one.
 */
export const CustomsBookLineDescription = z.object({
  /** The book (putrecNo) and its line (备案序号). */
  bwsNo: z.string().min(1),
  gdsSeqno: z.number().int().min(1),
  gdsMtno: z.string().min(1),
  gdecd: z.string().regex(/^[0-9]{10}$/),
  gdsNm: z.string().min(1),
  gdsSpcfModelDesc: z.string().optional(),
  natcd: z.string().optional(),
  dclUnitcd: z.string().regex(/^[0-9]{3}$/),
  lawfUnitcd: z.string().optional(),
  secdLawfUnitcd: z.string().optional(),
  dclUprcAmt: z.string().optional(),
  dclCurrcd: z.string().optional(),
});
export type CustomsBookLineDescription = z.infer<typeof CustomsBookLineDescription>;

const describedFields = Object.keys(CustomsBookLineDescription.shape) as (keyof CustomsBookLineDescription)[];

/** Just the description of a line, from anything that carries it (a book line with its book, a list line). */
export function describeBookLine(line: CustomsBookLineDescription): CustomsBookLineDescription {
  const description: Record<string, unknown> = {};
  for (const field of describedFields) if (line[field] !== undefined) description[field] = line[field];
  return description as CustomsBookLineDescription;
}

/**
 * Stock customs' book holds without a declaration of ours behind it: what the enterprise's book held when
 * it began keeping it in Zonebook (opening balances, imported because customs' book says so), and every
 * other change customs hears of by no list of ours (stocktake adjustments, a declared movement reversed
 * before it was declared, with its reversal). The batching counts these as customs' stock
 * (pending-batch-input.ts); an endpoint that keeps its own copy of customs' book — the embedded sandbox —
 * must be told of them, or it refuses (退单) the lists that take them out.
 *
 * One entry is one movement's net effect on one book line's custody, signed: a shortage found at a
 * stocktake takes from the book. The movement id is the idempotency key: telling the same movement twice
 * (a restart, a retried call) changes nothing the second time.
 */
export const OpeningStockLine = CustomsBookLineDescription.extend({
  movementId: z.string().min(1),
  qty: SignedQuantity,
  /** qty in the legal unit (qty × fstSfVal). */
  lawfQty: z.string().refine(isDecimalString, 'Legal quantity (lawfQty) must be a number like 12.5'),
});
export type OpeningStockLine = z.infer<typeof OpeningStockLine>;

/**
 * What the endpoint did with the opening stock: the sandbox records it in its book (`added` entries new
 * to it, `alreadyHeld` ones it had from an earlier call) and names the state of its book that holds it
 * (`stateId`: another id means what was told before is gone); real customs (Single Window folders, the
 * HTTP gateway) already holds the book, so nothing is sent there.
 */
export const OpeningStockAnswer = z.discriminatedUnion('recorded', [
  z.object({
    recorded: z.literal(true),
    endpoint: z.literal('sandbox'),
    added: z.number().int().min(0),
    alreadyHeld: z.number().int().min(0),
    stateId: z.string().min(1),
  }),
  z.object({
    recorded: z.literal(false),
    endpoint: z.enum(['folder', 'http']),
    reason: z.string(),
  }),
]);
export type OpeningStockAnswer = z.infer<typeof OpeningStockAnswer>;
