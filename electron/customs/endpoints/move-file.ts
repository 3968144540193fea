import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Moves a file, replacing any file of the same name at the target (our target names carry the content's
 * hash, so what is replaced is the same bytes). Falls back to copy-then-delete when the archive lives on
 * another volume than the exchange folders, where rename cannot go.
 */
export async function moveFile(from: string, to: string): Promise<void> {
  await mkdir(dirname(to), { recursive: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await rm(from);
  }
}
