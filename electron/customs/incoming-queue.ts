import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { QueuedIncomingMessage as QueuedMessage, type IncomingMessage } from '../../shared/customs/endpoint';

export interface IncomingQueue {
  add(message: IncomingMessage): Promise<QueuedMessage>;
  after(seq: number, limit: number): Promise<{ messages: QueuedMessage[]; last: number }>;
}

/**
 * Receipts waiting for the renderer, which owns the database and applies them. Appended to an NDJSON
 * file before the endpoint archives the original, so a receipt received while no window listens, or
 * just before a crash, is still there at the next start.
 */
export async function openIncomingQueue(path: string): Promise<IncomingQueue> {
  await mkdir(dirname(path), { recursive: true });
  const messages: QueuedMessage[] = [];
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      const parsed = QueuedMessage.safeParse(JSON.parse(line));
      if (parsed.success) messages.push(parsed.data);
    } catch {
      // A line cut off by a crash mid-append: the endpoint still holds that receipt and hands it on again.
    }
  }
  let appending: Promise<unknown> = Promise.resolve();
  return {
    add(message) {
      const queued = { ...message, seq: (messages[messages.length - 1]?.seq ?? 0) + 1 };
      messages.push(queued);
      const written = appending.then(() => appendFile(path, `${JSON.stringify(queued)}\n`));
      appending = written.catch(() => undefined);
      return written.then(() => queued);
    },
    async after(seq, limit) {
      const waiting = messages.filter((message) => message.seq > seq).slice(0, limit);
      return { messages: waiting, last: messages[messages.length - 1]?.seq ?? 0 };
    },
  };
}
