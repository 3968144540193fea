import { canonicalJson } from './canonical-json';
import type { JournalEntry } from './journal';
import { verifyJournal, type JournalVerdict } from './verify';

/**
 * The journal as NDJSON: one entry per line in canonical JSON, each line ending in "\n". Canonical
 * form makes the file byte-for-byte reproducible from the store, so two exports of the same journal
 * compare equal and any edit shows.
 */
export function journalToNdjson(entries: Iterable<JournalEntry>): string {
  let text = '';
  for (const entry of entries) text += `${canonicalJson(entry)}\n`;
  return text;
}

/** Reads NDJSON text into raw entries; the first line that is not JSON fails, with its line number (1-based). */
export function parseJournalNdjson(
  text: string,
): { ok: true; entries: unknown[] } | { ok: false; line: number; reason: string } {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const entries: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    try {
      entries.push(JSON.parse(lines[i] ?? ''));
    } catch (error) {
      return { ok: false, line: i + 1, reason: `not JSON: ${(error as Error).message}` };
    }
  }
  return { ok: true, entries };
}

/** Parses and verifies an NDJSON journal; a parse failure is reported at its entry index like any other. */
export function verifyJournalText(text: string): JournalVerdict {
  const parsed = parseJournalNdjson(text);
  if (!parsed.ok) return { ok: false, index: parsed.line - 1, id: undefined, reason: parsed.reason };
  return verifyJournal(parsed.entries);
}
