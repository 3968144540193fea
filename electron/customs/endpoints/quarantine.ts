import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../files/atomic-write';
import { moveFile } from './move-file';

/** Why a message was set aside, written beside it for the person who will look at it. */
export interface QuarantineNote {
  reason: string;
  channel: string;
  name: string;
  sha256: string;
  at: Date;
}

function noteText(note: QuarantineNote): string {
  return [
    `reason: ${note.reason}`,
    `from: ${note.channel}`,
    `name: ${note.name}`,
    `sha256: ${note.sha256}`,
    `at: ${note.at.toISOString()}`,
    '',
  ].join('\n');
}

/** The hash prefix keeps two bad files of the same name (the gateway may reuse ids) from replacing each other. */
function quarantinedName(note: QuarantineNote): string {
  return `${note.sha256.slice(0, 16)}_${note.name}`;
}

/**
 * Sets a bad incoming file aside, unchanged, with `<name>.reason.txt` beside it. The reason is written
 * first: a crash in between leaves the file where it was, to be judged again.
 */
export async function quarantineFile(path: string, folder: string, note: QuarantineNote): Promise<string> {
  const target = join(folder, quarantinedName(note));
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(`${target}.reason.txt`, noteText(note));
  await moveFile(path, target);
  return target;
}

/** The same for a message that exists only in memory (a receipt fetched over HTTP). */
export async function quarantineText(content: string, folder: string, note: QuarantineNote): Promise<string> {
  const target = join(folder, quarantinedName(note));
  await mkdir(folder, { recursive: true });
  await writeFileAtomic(`${target}.reason.txt`, noteText(note));
  await writeFileAtomic(target, content);
  return target;
}
