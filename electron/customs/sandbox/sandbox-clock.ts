/**
 * The sandbox's sense of time, injected: real timers by default; a manual clock in tests and headless
 * simulations, so an hour of manual review passes in a call.
 */
export interface SandboxClock {
  now(): Date;
  /** Runs `task` once, `delayMs` from now; the returned function cancels it. */
  setTimer(delayMs: number, task: () => void): () => void;
}

export const realClock: SandboxClock = {
  now: () => new Date(),
  setTimer(delayMs, task) {
    const timer = setTimeout(task, delayMs);
    return () => clearTimeout(timer);
  },
};

export interface ManualClock extends SandboxClock {
  /**
   * Moves time forward by `ms`, running every timer that falls due on the way in due order. `settle` is
   * awaited after each one (pass the sandbox's `idle`), so work a timer starts can set further timers
   * that fall inside the same stretch.
   */
  advance(ms: number, settle?: () => Promise<void>): Promise<void>;
  /** Timers not yet run. */
  pending(): number;
}

export function manualClock(start = new Date('2025-03-14T01:30:00.000Z')): ManualClock {
  let now = start.getTime();
  let nextId = 0;
  const timers = new Map<number, { due: number; order: number; task: () => void }>();
  return {
    now: () => new Date(now),
    setTimer(delayMs, task) {
      const id = nextId++;
      timers.set(id, { due: now + Math.max(0, delayMs), order: id, task });
      return () => timers.delete(id);
    },
    async advance(ms, settle = () => Promise.resolve()) {
      const target = now + ms;
      await settle();
      for (;;) {
        const due = [...timers.entries()]
          .filter(([, timer]) => timer.due <= target)
          .sort(([, a], [, b]) => a.due - b.due || a.order - b.order)[0];
        if (!due) break;
        const [id, timer] = due;
        timers.delete(id);
        now = Math.max(now, timer.due);
        timer.task();
        await settle();
      }
      now = target;
    },
    pending: () => timers.size,
  };
}
