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
}

export interface MessageArchive {
  /** Whether these exact bytes were already sent or handled, by this run or any earlier one. */
  has(sha256: string): boolean;
  /** Moves a handled file out of its exchange folder into the archive. */
  keepFile(path: string, record: Omit<ArchiveRecord, 'archivedAs' | 'at'>): Promise<void>;
  /** Stores a copy of a message that exists only in memory (sent XML, a receipt fetched over HTTP). */
  keepText(text: string, record: Omit<ArchiveRecord, 'archivedAs' | 'at'>): Promise<void>;
}

/** `<yyyy-mm-dd>/<first 16 hex of sha256>_<name>`: by day for people, by hash so names never collide. */
function archivedName(record: Pick<ArchiveRecord, 'sha256' | 'name'>, at: Date): string {
  return join(at.toISOString().slice(0, 10), `${record.sha256.slice(0, 16)}_${record.name}`);
}

/**
 * The archive folder and its append-only index (one JSON record per line). The index is the memory that
 * survives a restart: a file whose hash is in it is never handed on again. A handled file is recorded
 * before it is moved, so a crash in between leaves a file the next run recognises and only tidies away.
 */
export async function openMessageArchive(folder: string, now: () => Date): Promise<MessageArchive> {
  await mkdir(folder, { recursive: true });
  const indexPath = join(folder, archiveIndexFileName);
  const known = new Set<string>();
  let text = '';
  try {
    text = await readFile(indexPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const line of text.split('\n')) {
    try {
      known.add((JSON.parse(line) as ArchiveRecord).sha256);
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
    known.add(entry.sha256);
  }

  function entryFor(partial: Omit<ArchiveRecord, 'archivedAs' | 'at'>): ArchiveRecord {
    const at = now();
    return { ...partial, archivedAs: archivedName(partial, at), at: at.toISOString() };
  }

  return {
    has: (sha256) => known.has(sha256),
    async keepFile(path, partial) {
      const entry = entryFor(partial);
      if (!known.has(entry.sha256)) await record(entry);
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
