/**
 * A small deterministic generator (mulberry32) whose whole state is one 32-bit number, so the sandbox can
 * keep it in its state file and a restart goes on with the same sequence.
 */
export interface SeededRandom {
  /** A number in [0, 1). */
  next(): number;
  /** True with probability `rate`; draws nothing when the rate is 0, so turning a fault off changes no other draw. */
  chance(rate: number): boolean;
  /** An integer in [0, below). */
  below(below: number): number;
  /** 32 lowercase hex digits, for pocket ids. */
  hex32(): string;
  state(): number;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (rate) => rate > 0 && next() < rate,
    below: (below) => Math.floor(next() * below),
    hex32: () =>
      Array.from({ length: 4 }, () =>
        Math.floor(next() * 4294967296)
          .toString(16)
          .padStart(8, '0'),
      ).join(''),
    state: () => state,
  };
}
