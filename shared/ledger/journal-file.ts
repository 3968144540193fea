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

/**
 * Reads NDJSON text into raw entries. Every line must be JSON in canonical form and the file must end
 * with a newline, so even a changed space or line ending is refused; the first bad line fails, with its
 * line number (1-based).
 */
export function parseJournalNdjson(
  text: string,
): { ok: true; entries: unknown[] } | { ok: false; line: number; reason: string } {
  const lines = text.split('\n');
  if (lines.pop() !== '')
    return { ok: false, line: lines.length + 1, reason: 'the file does not end with a newline' };
  const entries: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      return { ok: false, line: i + 1, reason: `not JSON: ${(error as Error).message}` };
    }
    if (canonicalJson(value) !== line)
      return { ok: false, line: i + 1, reason: 'not in canonical JSON form' };
    entries.push(value);
  }
  return { ok: true, entries };
}

/** Parses and verifies an NDJSON journal; a parse failure is reported at its entry index like any other. */
export function verifyJournalText(text: string): JournalVerdict {
  const parsed = parseJournalNdjson(text);
  if (!parsed.ok) return { ok: false, index: parsed.line - 1, id: undefined, reason: parsed.reason };
  return verifyJournal(parsed.entries);
}
