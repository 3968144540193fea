import type { Receipt } from './receipt';
import { receiptFromBodies, type ReceiptPocket } from './parse-receipt';
import type { Parsed } from './xml-tree';

/**
 * Pockets waiting for their siblings, keyed by pocket_id, and the ids already reassembled (so a late
 * duplicate pocket does not start a second copy). Plain data: the store can persist it as is.
 */
export interface PocketAccumulator {
  readonly pending: Readonly<Record<string, readonly ReceiptPocket[]>>;
  readonly completed: readonly string[];
}

export const emptyPocketAccumulator: PocketAccumulator = { pending: {}, completed: [] };

export interface PocketAdded {
  readonly accumulator: PocketAccumulator;
  /** Set once the last missing pocket of a receipt is in: the whole receipt, or why it cannot be read. */
  readonly receipt?: Parsed<Receipt>;
}

/**
 * Adds one pocket. Pockets may come in any order and more than once; the receipt is yielded exactly
 * once, when all total_pocket_qty distinct pockets of its pocket_id are in, their bodies joined in
 * cur_pocket_no order.
 */
export const addPocket = (accumulator: PocketAccumulator, pocket: ReceiptPocket): PocketAdded => {
  const { pocketId, totalPocketQty } = pocket.pocket;
  if (accumulator.completed.includes(pocketId)) return { accumulator };
  const held = accumulator.pending[pocketId] ?? [];
  // The first pocket received fixes the count; a sibling numbered beyond it cannot belong to the split.
  const expected = held[0]?.pocket.totalPocketQty ?? totalPocketQty;
  const duplicate = held.some((other) => other.pocket.curPocketNo === pocket.pocket.curPocketNo);
  if (duplicate || pocket.pocket.curPocketNo > expected) return { accumulator };
  const pockets = [...held, pocket].sort((a, b) => a.pocket.curPocketNo - b.pocket.curPocketNo);
  if (pockets.length < expected) {
    return { accumulator: { ...accumulator, pending: { ...accumulator.pending, [pocketId]: pockets } } };
  }
  const { [pocketId]: _done, ...pending } = accumulator.pending;
  const first = pockets[0] ?? pocket;
  const receipt = receiptFromBodies(
    first.messageType,
    first.envelope,
    { pocketId, totalPocketQty: expected, curPocketNo: 1 },
    pockets.map((each) => each.body),
  );
  return { accumulator: { pending, completed: [...accumulator.completed, pocketId] }, receipt };
};
