import { watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingHandler } from '../../../shared/customs/endpoint';
import { errorText } from './error-text';
import { isTemporaryFileName, watchedBoxes, type ExchangeFolders, type WatchedBox } from './exchange-folders';
import type { MessageArchive } from './message-archive';
import { quarantineFile } from './quarantine';
import { sha256Hex } from './sha256';

export interface ExchangeWatcherOptions {
  folders: ExchangeFolders;
  archive: MessageArchive;
  onIncoming: IncomingHandler;
  /** How long a file's size and mtime must stay unchanged before it counts as completely written. */
  settleMs: number;
  /** The safety-net rescan, for the events fs.watch misses (network shares, some editors, overflow). */
  rescanMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
  reportError: (text: string) => void;
}

export interface ExchangeWatcher {
  stop(): Promise<void>;
}

interface Candidate {
  box: WatchedBox;
  name: string;
  path: string;
}

interface Snapshot {
  size: number;
  mtimeMs: number;
}

async function snapshot(path: string): Promise<Snapshot | null> {
  try {
    const stats = await stat(path);
    return stats.isFile() ? { size: stats.size, mtimeMs: stats.mtimeMs } : null;
  } catch {
    return null;
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Watches InBox, SentBox and FailBox and hands each completely written file to `onIncoming` exactly
 * once, across restarts (each file, not each content: see message-archive.ts): the folders and the archive index are the whole state. Scans never overlap;
 * any event during a scan asks for one more. Nothing one file does can stop the watcher.
 *
 * Resolves once everything already in the folders (what arrived while the app was closed) has been
 * handled; fs.watch is armed before that first scan so nothing arriving meanwhile is missed.
 */
export async function watchExchangeFolders(options: ExchangeWatcherOptions): Promise<ExchangeWatcher> {
  const { folders, archive, onIncoming, reportError } = options;
  const watchers = new Map<WatchedBox, FSWatcher>();
  let stopped = false;
  let running: Promise<void> | null = null;
  let scanAgain = false;

  function armWatchers(): void {
    for (const box of watchedBoxes) {
      if (watchers.has(box)) continue;
      try {
        const watcher = watch(folders.watched[box], () => requestScan());
        // A watched folder that vanishes errors its watcher; the rescan re-arms it once the folder is back.
        watcher.on('error', () => {
          watcher.close();
          watchers.delete(box);
        });
        watchers.set(box, watcher);
      } catch (error) {
        reportError(`cannot watch ${box}: ${errorText(error)}`);
      }
    }
  }

  async function listCandidates(): Promise<Candidate[]> {
    const candidates: Candidate[] = [];
    for (const box of watchedBoxes) {
      try {
        for (const entry of await readdir(folders.watched[box], { withFileTypes: true })) {
          if (entry.isFile() && !isTemporaryFileName(entry.name))
            candidates.push({ box, name: entry.name, path: join(folders.watched[box], entry.name) });
        }
      } catch (error) {
        reportError(`cannot read ${box}: ${errorText(error)}`);
      }
    }
    return candidates;
  }

  async function handle(candidate: Candidate, observed: Snapshot): Promise<void> {
    const { box, name, path } = candidate;
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      // Taken away between listing and reading (by the client, or a second scan of ours): nothing to do.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const sha256 = sha256Hex(bytes);
    const arrival = { sha256, channel: box, name, ...observed };
    // The same file seen again (a crash between handing on and archiving, a failed move), or our own
    // sent message echoed back: tidy it away, hand nothing on. Identical bytes that arrived anew are a
    // new answer (a resent document failing the same way again) and go on like any other.
    if (archive.handled(arrival) || archive.sent(sha256)) {
      await archive.keepFile(path, arrival);
      return;
    }
    const receivedAt = options.now();
    const quarantine = (reason: string) =>
      quarantineFile(path, folders.quarantine, { reason, channel: box, name, sha256, at: receivedAt });
    let xml: string;
    try {
      xml = utf8.decode(bytes);
    } catch {
      await quarantine('not valid UTF-8 text');
      return;
    }
    try {
      await onIncoming({ source: box, name, xml, sha256, receivedAt: receivedAt.toISOString() });
    } catch (error) {
      await quarantine(errorText(error));
      return;
    }
    await archive.keepFile(path, arrival);
  }

  async function scanOnce(): Promise<void> {
    armWatchers();
    const candidates = await listCandidates();
    if (candidates.length === 0) return;
    const before = await Promise.all(candidates.map((candidate) => snapshot(candidate.path)));
    await options.sleep(options.settleMs);
    const settled: { candidate: Candidate; observed: Snapshot }[] = [];
    for (const [index, candidate] of candidates.entries()) {
      const first = before[index];
      const second = await snapshot(candidate.path);
      if (!first || !second) continue;
      if (second.size !== first.size || second.mtimeMs !== first.mtimeMs) scanAgain = true;
      // An empty file is one whose writer has not begun; the periodic rescan looks again.
      else if (second.size > 0) settled.push({ candidate, observed: second });
    }
    // Oldest first, so a CommonResponeMessage usually precedes the business receipts that follow it.
    settled.sort(
      (a, b) => a.observed.mtimeMs - b.observed.mtimeMs || a.candidate.name.localeCompare(b.candidate.name),
    );
    for (const { candidate, observed } of settled) {
      if (stopped) return;
      try {
        await handle(candidate, observed);
      } catch (error) {
        // Left in place for the next scan (a locked file, a full disk); the watcher carries on.
        reportError(`${candidate.box}/${candidate.name}: ${errorText(error)}`);
      }
    }
  }

  function requestScan(): Promise<void> {
    if (stopped) return Promise.resolve();
    if (running) {
      scanAgain = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          scanAgain = false;
          await scanOnce();
        } while (scanAgain && !stopped);
      } catch (error) {
        reportError(errorText(error));
      } finally {
        running = null;
      }
    })();
    return running;
  }

  const timer = setInterval(() => void requestScan(), options.rescanMs);
  await requestScan();

  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const watcher of watchers.values()) watcher.close();
      watchers.clear();
      await running;
    },
  };
}
