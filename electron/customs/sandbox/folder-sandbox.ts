import { watch, type FSWatcher } from 'node:fs';
import { appendFile, mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';
import { exchangeFolders, isTemporaryFileName } from '../endpoints/exchange-folders';
import { moveFile } from '../endpoints/move-file';
import { SandboxOptions, type SandboxOptionsInput } from './options';
import { createSandboxCustoms, type SandboxCustoms, type SandboxOutput } from './sandbox-customs';
import { realClock, type SandboxClock } from './sandbox-clock';
import type { ReceiptFile } from './sandbox-state';
import { openSandboxStateStore } from './state-journal';
import type { OpeningBookLine, PostedBookLine } from './sandbox-book';

export interface FolderSandboxConfig {
  /** The exchange root: the folder holding OutBox, InBox, SentBox and FailBox. */
  root: string;
  options?: SandboxOptionsInput;
  clock?: SandboxClock;
  /** How often OutBox is looked at besides file-system events (real milliseconds). */
  pollMs?: number;
  /** How long a file in OutBox must stay unchanged before it counts as completely written. */
  settleMs?: number;
  reportError?: (text: string) => void;
}

export interface SandboxHandle {
  /** Stops taking and answering; what is pending stays in the state file for the next run. */
  stop(): Promise<void>;
  seedBook(lines: readonly OpeningBookLine[]): Promise<void>;
  /** See SandboxCustoms.holdOpeningStock. */
  holdOpeningStock: SandboxCustoms['holdOpeningStock'];
  postedBook(): PostedBookLine[];
  isCrashed(): boolean;
  /** Resolves once no answer or receipt is being worked on. */
  idle(): Promise<void>;
  readonly customs: SandboxCustoms;
}

/** The sandbox's own files, beside the client's folders: its state and the messages it has taken. */
export const sandboxFolder = (root: string) => join(root, 'SandboxCustoms');

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** A name not yet used in `folder`: the client never overwrites an answer the app has not read yet. */
async function freeName(folder: string, name: string): Promise<string> {
  if (!(await exists(join(folder, name)))) return name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let copy = 2; ; copy += 1) {
    const candidate = `${stem}_${copy}${extension}`;
    if (!(await exists(join(folder, candidate)))) return candidate;
  }
}

/**
 * The sandbox playing the Single Window client on real folders. It takes each completely written message
 * from OutBox (temporary and dot files ignored) into its own Taken folder, answers it — the message moves
 * to SentBox when imported or FailBox when not, and the client's CommonResponeMessage is written to InBox
 * (or, with `commonResponseBox: 'SentBoxOrFailBox'`, beside the message as `Successed_`/`Failed_` + its
 * name, the way a production bridge finds them) — and writes customs' receipts into InBox, each
 * atomically (temporary name, then rename) except the ones the half-written fault writes in two steps.
 */
export async function runFolderSandbox(config: FolderSandboxConfig): Promise<SandboxHandle> {
  const folders = exchangeFolders(config.root);
  const own = sandboxFolder(config.root);
  const takenFolder = join(own, 'Taken');
  for (const folder of [folders.outBox, ...Object.values(folders.watched), takenFolder])
    await mkdir(folder, { recursive: true });
  const options = SandboxOptions.parse(config.options ?? {});
  const clock = config.clock ?? realClock;
  const report = config.reportError ?? (() => undefined);
  const halfWrites = new Set<Promise<void>>();

  async function writeReceipt(folder: string, file: ReceiptFile): Promise<void> {
    const path = join(folder, await freeName(folder, file.name));
    if (!file.halfWritten) return writeFileAtomic(path, file.xml);
    const half = Math.floor(file.xml.length / 2);
    await writeFile(path, file.xml.slice(0, half));
    // The rest comes after a pause, while the sandbox goes on: the app's watcher must wait for it.
    const rest = realSleep(options.halfWrittenPauseMs)
      .then(() => appendFile(path, file.xml.slice(half)))
      .catch((error: unknown) => report(`half-written ${file.name}: ${String(error)}`));
    halfWrites.add(rest);
    void rest.finally(() => halfWrites.delete(rest));
  }

  async function emit(output: SandboxOutput): Promise<void> {
    if (output.kind === 'receipt') return writeReceipt(folders.watched.InBox, output.file);
    const box = output.imported ? folders.watched.SentBox : folders.watched.FailBox;
    await moveFile(join(takenFolder, output.message.name), join(box, output.message.name)).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
    const responseBox = options.commonResponseBox === 'SentBoxOrFailBox' ? box : folders.watched.InBox;
    await writeReceipt(responseBox, output.response);
  }

  const stored = await openSandboxStateStore(own, options.seed);
  const customs = createSandboxCustoms({
    options,
    state: stored.state,
    clock,
    emit,
    persist: () => stored.save(),
    reportError: report,
  });

  async function take(name: string, from: string): Promise<void> {
    const path = join(takenFolder, name);
    if (from !== path) await rename(from, path);
    await customs.take({ name, xml: await readFile(path, 'utf8') });
  }

  // Taken by a run that stopped before recording it: take it again.
  for (const name of await readdir(takenFolder))
    if (!customs.pendingMessages().includes(name)) await take(name, join(takenFolder, name));
  await customs.start();

  let stopped = false;
  let scanning: Promise<void> | null = null;
  let scanAgain = false;

  async function scanOnce(): Promise<void> {
    if (customs.isCrashed()) return;
    const names = (await readdir(folders.outBox, { withFileTypes: true }))
      .filter((entry) => entry.isFile() && !isTemporaryFileName(entry.name))
      .map((entry) => entry.name)
      .sort();
    if (names.length === 0) return;
    const sizes = async () =>
      Promise.all(
        names.map((name) =>
          stat(join(folders.outBox, name)).then(
            (s) => `${s.size}:${s.mtimeMs}`,
            () => '',
          ),
        ),
      );
    const before = await sizes();
    await realSleep(config.settleMs ?? 50);
    const after = await sizes();
    for (const [index, name] of names.entries()) {
      if (stopped || customs.isCrashed()) return;
      if (after[index] === '' || after[index] !== before[index] || after[index]?.startsWith('0:')) {
        scanAgain = true;
        continue;
      }
      try {
        await take(name, join(folders.outBox, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') report(`OutBox/${name}: ${String(error)}`);
      }
    }
  }

  function requestScan(): void {
    if (stopped) return;
    if (scanning) {
      scanAgain = true;
      return;
    }
    scanning = (async () => {
      try {
        do {
          scanAgain = false;
          await scanOnce();
        } while (scanAgain && !stopped);
      } catch (error) {
        report(`OutBox: ${String(error)}`);
      } finally {
        scanning = null;
      }
    })();
  }

  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(folders.outBox, () => requestScan());
    watcher.on('error', () => watcher?.close());
  } catch (error) {
    report(`cannot watch OutBox: ${String(error)}`);
  }
  const poll = setInterval(requestScan, config.pollMs ?? 250);
  requestScan();

  return {
    async stop() {
      stopped = true;
      clearInterval(poll);
      watcher?.close();
      await scanning;
      await customs.stop();
      await Promise.all(halfWrites);
    },
    seedBook: (lines) => customs.seedBook(lines),
    holdOpeningStock: (lines) => customs.holdOpeningStock(lines),
    postedBook: () => customs.postedBook(),
    isCrashed: () => customs.isCrashed(),
    idle: async () => {
      await customs.idle();
      await Promise.all(halfWrites);
    },
    customs,
  };
}
