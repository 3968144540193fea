import type { Movement } from '../../ledger';

/**
 * Packs movements, in order, into documents of at most `limit` distinct book lines. A movement is never
 * split: it goes whole into the current document or starts the next one.
 */
export function packByLineLimit(movements: readonly Movement[], limit: number): Movement[][] {
  const chunks: Movement[][] = [];
  let current: Movement[] = [];
  let lineIds = new Set<string>();
  for (const movement of movements) {
    const merged = new Set([...lineIds, ...movement.lines.map((line) => line.bookLineId)]);
    if (merged.size > limit && current.length > 0) {
      chunks.push(current);
      current = [];
      lineIds = new Set(movement.lines.map((line) => line.bookLineId));
    } else lineIds = merged;
    current.push(movement);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
