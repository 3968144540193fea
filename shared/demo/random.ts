/** A small seeded generator (mulberry32), so a demo dataset is the same for the same seed. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(values: readonly T[]): T;
  chance(probability: number): boolean;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(values: readonly T[]) => values[int(0, values.length - 1)] as T,
    chance: (probability) => next() < probability,
  };
}

/** A UUIDv7 from a timestamp and the seeded generator: valid, time-ordered and reproducible. */
export function seededUuidv7(random: Random, epochMs: number): string {
  const hex = (n: number, digits: number) => n.toString(16).padStart(digits, '0');
  const time = hex(epochMs, 12);
  const randA = hex(random.int(0, 0xfff), 3);
  const variant = hex(0x8000 | random.int(0, 0x3fff), 4);
  const randB = hex(random.int(0, 0xffffff), 6) + hex(random.int(0, 0xffffff), 6);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${randA}-${variant}-${randB}`;
}
