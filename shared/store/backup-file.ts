import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { AccountBook } from '../domain/account-book';
import { BookLine } from '../domain/book-line';
import { Enterprise } from '../domain/enterprise';
import { fieldErrorsOf } from '../domain/field-error';
import { Location } from '../domain/location';
import {
  canonicalJson,
  checkMovementContext,
  verifyJournal,
  type Balances,
  type DeviceHead,
  type JournalEntry,
} from '../ledger';
import type { OutboxRow } from './rows';

/**
 * The backup file (NDJSON, UTF-8, one canonical-JSON object per line, each ending in "\n"):
 *
 *   {"exportedAt":…,"format":"zonebook-backup","version":1}      header
 *   {"record":"enterprise","value":{…}}                           master data: enterprises, books,
 *   {"record":"book","value":{…}}                                 book lines and locations
 *   {"record":"bookLine","value":{…}}
 *   {"record":"location","value":{…}}
 *   {"entry":{…},"record":"entry"}                                the journal in the order the database took
 *                                                                 it in (each device's entries in deviceSeq
 *                                                                 order, hash-chained)
 *   {"record":"outbox","value":{…}}                               where each declarable movement stands
 *   {"record":"end","sha256":"…"}                                 SHA-256 of every byte before this line
 *
 * The journal's hash chain guards the history; the end line guards the whole file, master data included,
 * so any changed byte is found. docs/backup-format.md describes the same for people.
 */
export const backupFormat = 'zonebook-backup';
export const backupVersion = 1;

export interface BackupContent {
  enterprises: Enterprise[];
  books: AccountBook[];
  bookLines: BookLine[];
  locations: Location[];
  entries: JournalEntry[];
  outbox: OutboxRow[];
}

export interface VerifiedBackup extends BackupContent {
  balances: Balances;
  heads: ReadonlyMap<string, DeviceHead>;
  exportedAt: string;
}

const Header = z.object({
  format: z.literal(backupFormat, { error: 'This is not a Zonebook backup file' }),
  version: z.literal(backupVersion, { error: `Only backup version ${backupVersion} can be read` }),
  exportedAt: z.string(),
});

const OutboxRowSchema = z.object({
  movementId: z.string(),
  bookId: z.string(),
  kind: z.string(),
  status: z.enum(['pending', 'batched', 'declared', 'cancelled']),
  documentId: z.string().optional(),
  recordedAt: z.string(),
});

const line = (value: unknown) => `${canonicalJson(value)}\n`;

export function* backupLines(content: BackupContent, exportedAt: string): Generator<string> {
  yield line({ format: backupFormat, version: backupVersion, exportedAt });
  for (const value of content.enterprises) yield line({ record: 'enterprise', value });
  for (const value of content.books) yield line({ record: 'book', value });
  for (const value of content.bookLines) yield line({ record: 'bookLine', value });
  for (const value of content.locations) yield line({ record: 'location', value });
  for (const entry of content.entries) yield line({ record: 'entry', entry });
  for (const value of content.outbox) yield line({ record: 'outbox', value });
}

/** The last line: the digest of every byte before it. */
export function backupEndLine(digestHex: string): string {
  return line({ record: 'end', sha256: digestHex });
}

/** The whole file as text, end line included. */
export function backupToText(content: BackupContent, exportedAt: string): string {
  let body = '';
  for (const text of backupLines(content, exportedAt)) body += text;
  return body + backupEndLine(bytesToHex(sha256(utf8ToBytes(body))));
}

export type BackupVerdict =
  { ok: true; backup: VerifiedBackup } | { ok: false; line: number; reason: string };

/**
 * Reads and checks a backup before anything is restored from it: the file digest, every line's form,
 * every record's schema, the journal (chain, postings, invariants) and that every movement refers to
 * books, book lines and locations in the file. The first fault is reported with its line number.
 */
export function readBackup(text: string): BackupVerdict {
  const fail = (lineNo: number, reason: string): BackupVerdict => ({ ok: false, line: lineNo, reason });
  const lines = text.split('\n');
  if (lines.pop() !== '')
    return fail(lines.length + 1, 'the file is cut off: it does not end with a newline');
  const last = lines.length;
  const values: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      return fail(i + 1, `not JSON: ${(error as Error).message}`);
    }
    if (canonicalJson(value) !== raw) return fail(i + 1, 'not in canonical JSON form (was the file edited?)');
    values.push(value);
  }
  const end = values[last - 1] as { record?: unknown; sha256?: unknown } | undefined;
  if (end?.record !== 'end' || typeof end.sha256 !== 'string') {
    return fail(last, 'the end line with the file digest is missing: the file is cut off');
  }
  const header = Header.safeParse(values[0]);
  if (!header.success) return fail(1, header.error.issues[0]?.message ?? 'bad header');

  const content: BackupContent = {
    enterprises: [],
    books: [],
    bookLines: [],
    locations: [],
    entries: [],
    outbox: [],
  };
  const entryLines: number[] = [];
  const schemas = {
    enterprise: [Enterprise, content.enterprises],
    book: [AccountBook, content.books],
    bookLine: [BookLine, content.bookLines],
    location: [Location, content.locations],
    outbox: [OutboxRowSchema, content.outbox],
  } as const;
  for (let i = 1; i < last - 1; i++) {
    const record = values[i] as { record?: string; value?: unknown; entry?: unknown };
    if (record.record === 'entry') {
      content.entries.push(record.entry as JournalEntry);
      entryLines.push(i + 1);
      continue;
    }
    const known = schemas[record.record as keyof typeof schemas];
    if (!known) return fail(i + 1, `unknown record type "${String(record.record)}"`);
    const parsed = (known[0] as z.ZodType).safeParse(record.value);
    if (!parsed.success) {
      const first = fieldErrorsOf(parsed.error)[0];
      return fail(i + 1, `invalid ${record.record}: ${first?.field}: ${first?.message}`);
    }
    (known[1] as unknown[]).push(parsed.data);
  }

  const verdict = verifyJournal(content.entries);
  if (!verdict.ok) {
    return fail(
      entryLines[verdict.index] ?? last,
      `journal entry ${verdict.index + 1} (${verdict.id ?? '?'}): ${verdict.reason}`,
    );
  }
  const books = new Map(content.books.map((b) => [b.id, b]));
  const bookLines = new Map(content.bookLines.map((l) => [l.id, l]));
  const locations = new Map(content.locations.map((l) => [l.id, l]));
  for (let i = 0; i < content.entries.length; i++) {
    const { movement } = content.entries[i] as JournalEntry;
    const book = books.get(movement.bookId);
    const errors = book
      ? checkMovementContext(movement, {
          book,
          bookLine: (id) => bookLines.get(id),
          location: (id) => locations.get(id),
        })
      : [{ field: 'bookId', message: `book ${movement.bookId} is not in the file` }];
    if (errors.length) return fail(entryLines[i] ?? last, `journal entry ${i + 1}: ${errors[0]?.message}`);
  }
  // Last, so that a changed journal entry is named above; this catches a change to anything else.
  const body = text.slice(0, text.length - (lines[last - 1] ?? '').length - 1);
  if (bytesToHex(sha256(utf8ToBytes(body))) !== end.sha256) {
    return fail(last, 'the file digest does not match its content: some line was changed');
  }
  return {
    ok: true,
    backup: {
      ...content,
      balances: verdict.balances,
      heads: verdict.heads,
      exportedAt: header.data.exportedAt,
    },
  };
}
