import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';
import { moveFile } from './move-file';

export const archiveIndexFileName = 'index.ndjson';

/** One line of the archive index: a message Zonebook has sent or has finished handling. */
export interface ArchiveRecord {
  sha256: string;
  direction: 'sent' | 'received';
  /** The folder or channel it went through: OutBox, InBox, SentBox, FailBox, http. */
  channel: string;
  name: string;
  /** Where the archived copy is, relative to the archive folder. */
  archivedAs: string;
  at: string;
  /** A received file's size and mtime as observed in its exchange folder: with the rest, its arrival. */
  size?: number;
  mtimeMs?: number;
}

/**
 * One received message as it arrived: a file as it lay in its exchange folder (with size and mtime), or
 * a gateway receipt under its own id (the name), which is what makes it this arrival and no other.
 */
export type Arrival = Pick<ArchiveRecord, 'sha256' | 'channel' | 'name' | 'size' | 'mtimeMs'>;

/**
 * Customs' answers carry nothing unique (a CommonResponeMessage is a number, a flag and a fixed text), and
 * our outgoing names are fixed per document, so a resent document that fails again gets back the very
 * same bytes, likely under the very same name. Content alone cannot tell that new answer from the old
 * file seen again after a crash; where and when it was written can, since a move keeps the mtime and a
 * new write does not.
 */
function arrivalKey(arrival: Arrival): string {
  // Records from before arrivals were kept lack size and mtime, so they never match a file seen now.
  return JSON.stringify([
    arrival.sha256,
    arrival.channel,
    arrival.name,
    arrival.size ?? null,
    arrival.mtimeMs ?? null,
  ]);
}

export interface MessageArchive {
  /** Whether we sent these exact bytes ourselves, in this run or any earlier one. */
  sent(sha256: string): boolean;
  /** Whether this very file was already handled, by this run or any earlier one. */
  handled(arrival: Arrival): boolean;
  /** Moves a handled file out of its exchange folder into the archive. */
  keepFile(path: string, arrival: Arrival): Promise<void>;
  /** Stores a copy of a message that exists only in memory (sent XML, a receipt fetched over HTTP). */
  keepText(text: string, record: Omit<ArchiveRecord, 'archivedAs' | 'at'>): Promise<void>;
}

/** `<yyyy-mm-dd>/<first 16 hex of sha256>_<name>`: by day for people, by hash so names never collide. */
function archivedName(record: Pick<ArchiveRecord, 'sha256' | 'name'>, at: Date): string {
  return join(at.toISOString().slice(0, 10), `${record.sha256.slice(0, 16)}_${record.name}`);
}

/**
 * The archive folder and its append-only index (one JSON record per line). The index is the memory that
 * survives a restart: a received file whose arrival is in it is never handed on again. A handled file is
 * recorded before it is moved, so a crash in between leaves a file the next run recognises and only tidies
 * away. Records from before arrivals were kept have no size or mtime: a file such a run left behind is
 * handed on once more, which the store's own duplicate check makes harmless.
 */
export async function openMessageArchive(folder: string, now: () => Date): Promise<MessageArchive> {
  await mkdir(folder, { recursive: true });
  const indexPath = join(folder, archiveIndexFileName);
  const sentHashes = new Set<string>();
  const arrivals = new Set<string>();
  const remember = (entry: ArchiveRecord) => {
    if (entry.direction === 'sent') sentHashes.add(entry.sha256);
    else arrivals.add(arrivalKey(entry));
  };
  let text = '';
  try {
    text = await readFile(indexPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const line of text.split('\n')) {
    try {
      remember(JSON.parse(line) as ArchiveRecord);
    } catch {
      // A line torn by a crash mid-append: the message it described was not yet moved, so it comes back.
    }
  }
  // After a torn last line, start the next record on a line of its own.
  let needsNewline = text !== '' && !text.endsWith('\n');

  async function record(entry: ArchiveRecord): Promise<void> {
    const handle = await open(indexPath, 'a');
    try {
      await handle.writeFile(`${needsNewline ? '\n' : ''}${JSON.stringify(entry)}\n`);
      await handle.sync();
      needsNewline = false;
    } finally {
      await handle.close();
    }
    remember(entry);
  }

  function entryFor(partial: Omit<ArchiveRecord, 'archivedAs' | 'at'>): ArchiveRecord {
    const at = now();
    return { ...partial, archivedAs: archivedName(partial, at), at: at.toISOString() };
  }

  return {
    sent: (sha256) => sentHashes.has(sha256),
    handled: (arrival) => arrivals.has(arrivalKey(arrival)),
    async keepFile(path, arrival) {
      const { sha256, channel, name, size, mtimeMs } = arrival;
      const entry = entryFor({ sha256, direction: 'received', channel, name, size, mtimeMs });
      if (!arrivals.has(arrivalKey(arrival))) await record(entry);
      await moveFile(path, join(folder, entry.archivedAs));
    },
    async keepText(content, partial) {
      const entry = entryFor(partial);
      const target = join(folder, entry.archivedAs);
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, content);
      await record(entry);
    },
  };
}
