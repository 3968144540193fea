import { createHash } from 'node:crypto';

/** The identity of a message's bytes: what the archive index remembers and duplicates are told by. */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}
