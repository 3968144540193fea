import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';
import type { SandboxBookLine } from './sandbox-book';
import {
  emptySandboxState,
  parseSandboxState,
  type DocumentRecord,
  type SandboxState,
} from './sandbox-state';

/**
 * The sandbox's state on disk, made durable after every job without rewriting all of it. Rewriting the
 * whole state per job (as it was) costs time proportional to every document customs ever saw, so a long
 * run slows down quadratically; here a job appends one line with what it changed — the documents and
 * book lines it touched, and the small rest (counters, agenda, taken messages) whole — and the snapshot
 * is rewritten only once the log has grown as large as it, which keeps the work per job constant on
 * average. A restart reads the snapshot and replays the log; a line torn by a crash mid-append is that
 * one job lost, as a crash before the old whole-state write was.
 */
export interface SandboxStateStore {
  /** The state to run the sandbox on: its documents and book lines tell the store of every change. */
  readonly state: SandboxState;
  /** Makes the changes since the last save durable. */
  save(): Promise<void>;
}

/** One job's changes; null for an entry that was deleted. */
interface JournalLine {
  seq: number;
  random: SandboxState['random'];
  counters: SandboxState['counters'];
  agenda: SandboxState['agenda'];
  taken: SandboxState['taken'];
  crashed: boolean;
  documents: Record<string, DocumentRecord | null>;
  book: Record<string, SandboxBookLine | null>;
}

/** The snapshot names the last log line it already holds, so a log left by a crash is not applied twice. */
interface Snapshot extends SandboxState {
  journaledTo?: number;
}

/** Below this the log is not worth folding into the snapshot yet. */
const minimumLogBytes = 256 * 1024;

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `entries` seen through a proxy that adds an entry's key to `changed` whenever anything in the entry,
 * however deep, is set or deleted — so the sandbox's code mutates its records as before, and nothing
 * it touches can be missed from the log.
 */
function tracked<T extends object>(entries: Record<string, T>, changed: Set<string>): Record<string, T> {
  const proxies = new WeakMap<object, { key: string; proxy: object }>();
  const within = (value: unknown, key: string): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const known = proxies.get(value);
    if (known?.key === key) return known.proxy;
    const proxy = new Proxy(value, {
      get: (target, property) => within(Reflect.get(target, property), key),
      set: (target, property, next) => {
        changed.add(key);
        return Reflect.set(target, property, next);
      },
      deleteProperty: (target, property) => {
        changed.add(key);
        return Reflect.deleteProperty(target, property);
      },
    });
    proxies.set(value, { key, proxy });
    return proxy;
  };
  return new Proxy(entries, {
    get: (target, property) =>
      typeof property === 'string'
        ? within(Reflect.get(target, property), property)
        : Reflect.get(target, property),
    set: (target, property, next) => {
      if (typeof property === 'string') changed.add(property);
      return Reflect.set(target, property, next);
    },
    deleteProperty: (target, property) => {
      if (typeof property === 'string') changed.add(property);
      return Reflect.deleteProperty(target, property);
    },
  });
}

function replay(state: SandboxState, line: JournalLine): void {
  state.random = line.random;
  state.counters = line.counters;
  state.agenda = line.agenda;
  state.taken = line.taken;
  state.crashed = line.crashed;
  for (const [key, record] of Object.entries(line.documents))
    if (record === null) delete state.documents[key];
    else state.documents[key] = record;
  for (const [key, bookLine] of Object.entries(line.book))
    if (bookLine === null) delete state.book[key];
    else state.book[key] = bookLine;
}

const pick = <T>(entries: Record<string, T>, keys: ReadonlySet<string>): Record<string, T | null> =>
  Object.fromEntries([...keys].map((key) => [key, entries[key] ?? null]));

const snapshotName = 'state.json';
const logName = 'state.log';

/**
 * The state kept in `folder` (state.json, and state.log beside it), as a restart finds it, with the
 * number of the last job it holds; a fresh customs seeded with `seed` when there is none. Writes nothing.
 */
export async function loadSandboxState(
  folder: string,
  seed: number,
): Promise<{ state: SandboxState; seq: number }> {
  const snapshotText = await readIfPresent(join(folder, snapshotName));
  const { journaledTo, ...state }: Snapshot =
    snapshotText === undefined ? emptySandboxState(seed) : parseSandboxState(snapshotText);
  let seq = journaledTo ?? 0;
  for (const text of ((await readIfPresent(join(folder, logName))) ?? '').split('\n')) {
    let line: JournalLine;
    try {
      line = JSON.parse(text) as JournalLine;
    } catch {
      // Empty, or torn by a crash mid-append: that job never became durable.
      continue;
    }
    if (line.seq <= seq) continue;
    replay(state, line);
    seq = line.seq;
  }
  return { state, seq };
}

/**
 * Opens the state kept in `folder` for a run. What a previous run logged is folded into a new snapshot at
 * once, so every run appends to a log that starts clean.
 */
export async function openSandboxStateStore(folder: string, seed: number): Promise<SandboxStateStore> {
  const snapshotPath = join(folder, snapshotName);
  const logPath = join(folder, logName);
  const loaded = await loadSandboxState(folder, seed);
  const raw = loaded.state;
  let seq = loaded.seq;
  const changedDocuments = new Set<string>();
  const changedBook = new Set<string>();
  const state: SandboxState = {
    ...raw,
    documents: tracked(raw.documents, changedDocuments),
    book: tracked(raw.book, changedBook),
  };
  let snapshotBytes = 0;
  let logBytes = 0;

  async function writeSnapshot(): Promise<void> {
    // The untracked objects: the same data, serialised without going through the proxies.
    const snapshot: Snapshot = { ...state, documents: raw.documents, book: raw.book, journaledTo: seq };
    const text = JSON.stringify(snapshot);
    await writeFileAtomic(snapshotPath, text);
    await rm(logPath, { force: true });
    changedDocuments.clear();
    changedBook.clear();
    snapshotBytes = text.length;
    logBytes = 0;
  }

  async function appendLine(): Promise<void> {
    const line: JournalLine = {
      seq,
      random: state.random,
      counters: state.counters,
      agenda: state.agenda,
      taken: state.taken,
      crashed: state.crashed,
      documents: pick(raw.documents, changedDocuments),
      book: pick(raw.book, changedBook),
    };
    const text = `${JSON.stringify(line)}\n`;
    const handle = await open(logPath, 'a');
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    changedDocuments.clear();
    changedBook.clear();
    logBytes += text.length;
  }

  await writeSnapshot();
  return {
    state,
    async save() {
      seq += 1;
      if (logBytes >= Math.max(minimumLogBytes, snapshotBytes)) await writeSnapshot();
      else await appendLine();
    },
  };
}
