import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../files/atomic-write';

const CursorFile = z.object({ cursor: z.string() });

/**
 * The gateway's receipt cursor, kept in a small JSON file so a restart resumes where it stopped.
 * A missing or unreadable file means "from the beginning": the archive index keeps that from handing
 * any receipt on twice.
 */
export interface ReceiptCursor {
  load(): Promise<string | null>;
  save(cursor: string): Promise<void>;
}

export function receiptCursorFile(path: string): ReceiptCursor {
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const parsed = CursorFile.safeParse(JSON.parse(text));
      if (!parsed.success) throw new Error(`receipt cursor file ${path} is not in the expected form`);
      return parsed.data.cursor;
    },
    async save(cursor) {
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, `${JSON.stringify({ cursor })}\n`);
    },
  };
}
