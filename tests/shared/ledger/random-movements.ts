import fc from 'fast-check';
import { newId } from '../../../shared/domain';
import {
  applyPostings,
  balanceOf,
  checkPostingAllowed,
  createJournalEntry,
  kinds,
  movementKinds,
  outsideAccounts,
  postMovement,
  reverseMovement,
  type Balances,
  type DeviceHead,
  type JournalEntry,
  type Movement,
  type MovementKind,
} from '../../../shared/ledger';
import { lines, locations, movement } from './fixtures';

/** A scaled integer (units of 0.00001) written as a 5-decimal quantity string. */
export function fromScaled(scaled: bigint): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(6, '0');
  const text = `${digits.slice(0, -5)}.${digits.slice(-5)}`.replace(/\.?0+$/, '');
  return negative ? `-${text}` : text;
}

const forwardKinds = movementKinds.filter((kind) => kind !== 'reversal');
const inbound = forwardKinds.filter((kind) => kinds[kind].to === 'zone' && kinds[kind].from !== 'zone');

/** Goods must come in before they can go out: inbound kinds are drawn more often. */
const kindArb = fc.oneof(
  { arbitrary: fc.constantFrom(...inbound), weight: 2 },
  { arbitrary: fc.constantFrom(...forwardKinds), weight: 3 },
);

const stepArb = fc.record({
  kind: kindArb,
  reverse: fc.nat(),
  wantReversal: fc.nat({ max: 9 }).map((n) => n === 0),
  device: fc.constantFrom('device-a', 'device-b'),
  lines: fc.array(
    fc.record({
      line: fc.nat({ max: 1 }),
      from: fc.nat({ max: 1 }),
      to: fc.nat({ max: locations.length - 1 }),
      scaled: fc.bigInt({ min: 1n, max: 50_000_000n }),
      negative: fc.boolean(),
    }),
    { minLength: 1, maxLength: 2 },
  ),
});

export const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 60, size: 'max' });

function movementOf(
  step: typeof stepArb extends fc.Arbitrary<infer T> ? T : never,
  kind: MovementKind,
): Movement {
  const rule = kinds[kind];
  // Goods arriving from outside come in larger lots than they leave in, so stock builds up and outbound
  // kinds are exercised rather than mostly refused. Goods out on display, in transit or at a processor return or sell in smaller lots again.
  const comesIn = rule.from !== null && (outsideAccounts as readonly string[]).includes(rule.from);
  const offSite = rule.from === 'display' || rule.from === 'transit' || rule.from === 'processing';
  const lot = (scaled: bigint) => (comesIn ? scaled * 1000n : offSite ? scaled / 1000n + 1n : scaled);
  return movement(
    kind,
    step.lines.map((l) => {
      const to = rule.from === 'zone' && l.to === l.from ? (l.from + 1) % locations.length : l.to;
      return {
        bookLineId: lines[l.line]!.id,
        qty: fromScaled(rule.signedQty && l.negative ? -l.scaled : lot(l.scaled)),
        ...(rule.from === 'zone' && { fromLocationId: locations[l.from]!.id }),
        ...(rule.to === 'zone' && { toLocationId: locations[rule.from === 'zone' ? to : l.from]!.id }),
      };
    }),
  );
}

export interface Run {
  /** Balances after each accepted movement, applied one by one. */
  readonly balances: Balances;
  readonly history: Balances[];
  readonly movements: Movement[];
  readonly entries: JournalEntry[];
}

/**
 * Plays random steps as an operator would: a movement that the posting check refuses is not posted,
 * and a reversal picks an earlier movement not reversed yet.
 */
export function play(steps: readonly (typeof stepArb extends fc.Arbitrary<infer T> ? T : never)[]): Run {
  let balances: Balances = new Map();
  const history: Balances[] = [];
  const movements: Movement[] = [];
  const entries: JournalEntry[] = [];
  const heads = new Map<string, DeviceHead>();
  const reversed = new Set<string>();
  for (const step of steps) {
    let candidate: Movement;
    const reversible = movements.filter((m) => m.kind !== 'reversal' && !reversed.has(m.id));
    if (step.wantReversal && reversible.length > 0) {
      const original = reversible[step.reverse % reversible.length]!;
      candidate = reverseMovement(original, {
        id: newId(),
        occurredAt: original.occurredAt,
        reason: 'entered by mistake',
        ...(original.approval && { approval: original.approval }),
      });
    } else {
      candidate = movementOf(step, step.kind);
    }
    const postings = postMovement(candidate);
    const current = balances;
    if (checkPostingAllowed(postings, (id, account) => balanceOf(current, id, account)).length > 0) continue;
    balances = applyPostings(balances, postings);
    if (candidate.reversalOf) reversed.add(candidate.reversalOf);
    history.push(balances);
    movements.push(candidate);
    const entry = createJournalEntry(heads.get(step.device) ?? null, {
      id: newId(),
      deviceId: step.device,
      recordedAt: candidate.occurredAt,
      movement: candidate,
    });
    heads.set(step.device, entry);
    entries.push(entry);
  }
  return { balances, history, movements, entries };
}
