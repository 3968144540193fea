import { z } from 'zod';
import { utcInstant } from '../domain/customs-date';
import { recordId, requiredText } from '../domain/field-rules';
import { canonicalJson } from './canonical-json';
import { Movement } from './movement';
import { PostingSchema, postMovement, type Posting } from './postings';
import { sha256Hex } from './sha256';
import { utf8Bytes } from './utf8-bytes';

/** prevHash of a device's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

const Hash = z.string().regex(/^[0-9a-f]{64}$/, 'Hash must be 64 lowercase hex digits');

/**
 * One append-only journal entry: a movement and the postings it made, stamped with the device that
 * wrote it and that device's own sequence number, and hash-chained to the device's previous entry.
 * Postings are stored, not recomputed, so history replays the same even if posting rules change.
 */
export const JournalEntry = z.strictObject({
  id: recordId('Entry id (id)'),
  deviceId: requiredText('Device (deviceId)', 64),
  deviceSeq: z.number().int().positive('Device sequence (deviceSeq) must be 1 or more'),
  recordedAt: utcInstant('Recorded at (recordedAt)'),
  movement: Movement,
  postings: z.array(PostingSchema).min(2),
  prevHash: Hash,
  hash: Hash,
});
export type JournalEntry = z.infer<typeof JournalEntry>;

/** The last entry a device wrote: what the next entry chains to. */
export interface DeviceHead {
  readonly deviceSeq: number;
  readonly hash: string;
}

/**
 * SHA-256 over the previous hash and the entry (without its own hash) in canonical JSON. Synchronous on
 * purpose: the store computes it inside a Dexie transaction, where awaiting crypto.subtle would commit
 * the transaction early.
 */
export function entryHash(entry: Record<string, unknown> & { prevHash: string }): string {
  const { hash: _ignored, ...body } = entry;
  return sha256Hex(utf8Bytes(`${entry.prevHash}\n${canonicalJson(body)}`));
}

/**
 * The next entry of a device's journal for a movement that already passed the Movement schema, its
 * context check and the posting check. `previous` is the device's head, or null for its first entry.
 */
export function createJournalEntry(
  previous: DeviceHead | null,
  input: { id: string; deviceId: string; recordedAt: string; movement: Movement },
  /** The movement's postings, when the caller has already made them. */
  postings: Posting[] = postMovement(input.movement),
): JournalEntry {
  const body = {
    id: input.id,
    deviceId: input.deviceId,
    deviceSeq: previous ? previous.deviceSeq + 1 : 1,
    recordedAt: input.recordedAt,
    movement: input.movement,
    postings,
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...body, hash: entryHash(body) };
}
