import type { ZonebookDb } from './db';
import { indexLineHistory } from './line-history-pages';

/** Rows a posting may leave behind the history pages before they are written at once. */
const behindLimit = 2_000;
/** A pause in posting this long lets the pages catch up. */
const pauseMs = 1_000;

interface Schedule {
  behind: number;
  timer: ReturnType<typeof setTimeout> | undefined;
  running: Promise<void> | undefined;
}

const schedules = new WeakMap<ZonebookDb, Schedule>();

function scheduleOf(db: ZonebookDb): Schedule {
  const existing = schedules.get(db);
  if (existing) return existing;
  const schedule: Schedule = { behind: 0, timer: undefined, running: undefined };
  schedules.set(db, schedule);
  db.on('close', () => {
    clearTimeout(schedule.timer);
    schedules.delete(db);
  });
  return schedule;
}

/**
 * A posting wrote `count` journal rows: their lines' history pages are written after it, at the next
 * pause in posting or at once when many rows wait, so a posting's latency does not carry them. Readers
 * never wait for them (see journalRowsOfLines).
 */
export function historyRowsWritten(db: ZonebookDb, count: number): void {
  const schedule = scheduleOf(db);
  schedule.behind += count;
  clearTimeout(schedule.timer);
  schedule.timer = undefined;
  if (schedule.behind >= behindLimit) void run(db, schedule);
  else {
    schedule.timer = setTimeout(() => void run(db, schedule), pauseMs);
    // In Node, a pending catch-up must not keep the process alive: the next start catches up.
    (schedule.timer as { unref?: () => void }).unref?.();
  }
}

function run(db: ZonebookDb, schedule: Schedule): Promise<void> {
  if (schedule.running) return schedule.running;
  schedule.behind = 0;
  schedule.running = (db.isOpen() ? indexLineHistory(db) : Promise.resolve(0))
    // A failed step leaves the mark where it was: readers read those rows directly, a later run retries.
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => {
      schedule.running = undefined;
      // Rows posted meanwhile wait for the next pause; a closed database waits for nothing.
      if (schedule.behind > 0 && schedules.get(db) === schedule) historyRowsWritten(db, 0);
    });
  return schedule.running;
}

/** Writes every missing history page now and resolves when they are all written. */
export async function catchUpLineHistory(db: ZonebookDb): Promise<number> {
  const schedule = scheduleOf(db);
  clearTimeout(schedule.timer);
  schedule.timer = undefined;
  await schedule.running;
  schedule.behind = 0;
  return indexLineHistory(db);
}
