import { generateDemoDataset, seededRandom, seededUuidv7, type DemoDataset } from '../../shared/demo';
import { addDecimal, type DecimalString } from '../../shared/domain/decimal';
import { checkPostingAllowed, Movement, postMovement, type LedgerAccount } from '../../shared/ledger';

/**
 * The demo's seeded mix of movements, as an operator would post them over several working days while
 * customs answers in between: every declarable kind, plus relocations and display sales. Left out are
 * the movements whose customs side Zonebook does not declare — stocktake adjustments (the customs
 * procedure is unverified) and reversals (only possible before a movement is batched, which waves of
 * posting rarely allow) — and, since leaving them out changes the stock, any movement that would then
 * take a custody account below zero. Each transfer to another zone is followed by the other side's
 * receipt (transferDeliveredBetweenZones), so no goods linger in transit once customs has posted them.
 */
export function simulatedMovements(options: {
  seed: number;
  movements: number;
  lines: number;
  start: string;
}) {
  const dataset = generateDemoDataset(options);
  const random = seededRandom(options.seed ^ 0x51b);
  const balances = new Map<string, DecimalString>();
  const balance = (lineId: string, account: LedgerAccount) => balances.get(`${lineId}|${account}`) ?? '0';
  const kept: Movement[] = [];
  const post = (movement: Movement): boolean => {
    const postings = postMovement(movement);
    if (checkPostingAllowed(postings, balance).length > 0) return false;
    for (const p of postings)
      balances.set(`${p.bookLineId}|${p.account}`, addDecimal(balance(p.bookLineId, p.account), p.qty));
    kept.push(movement);
    return true;
  };
  for (const movement of dataset.movements) {
    if (movement.kind === 'stocktakeAdjustment' || movement.kind === 'reversal') continue;
    if (!post(movement) || movement.kind !== 'transferOutBetweenZones') continue;
    const occurredAt = new Date(Date.parse(movement.occurredAt) + 1_000).toISOString();
    post(
      Movement.parse({
        id: seededUuidv7(random, Date.parse(occurredAt)),
        kind: 'transferDeliveredBetweenZones',
        bookId: movement.bookId,
        occurredAt,
        customsDate: movement.customsDate,
        lines: movement.lines.map((line) => ({ bookLineId: line.bookLineId, qty: line.qty })),
        ...(movement.counterparty && { counterparty: movement.counterparty }),
      }),
    );
  }
  return { ...dataset, movements: kept } satisfies DemoDataset;
}
