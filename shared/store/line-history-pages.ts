import Dexie from 'dexie';
import type { ZonebookDb } from './db';
import type { JournalRow, LineHistoryPage } from './rows';

/** Caps one page, so a restore or migration of a busy line writes records of a bounded size. */
const pageSize = 5_000;

/** The history pages for rows written together: per book line, their merge numbers in order. */
export function historyPagesOf(
  rows: Iterable<Pick<JournalRow, 'localSeq' | 'bookLineIds'>>,
): LineHistoryPage[] {
  const byLine = new Map<string, number[]>();
  for (const row of rows)
    for (const bookLineId of row.bookLineIds) {
      const seqs = byLine.get(bookLineId) ?? [];
      seqs.push(row.localSeq);
      byLine.set(bookLineId, seqs);
    }
  const pages: LineHistoryPage[] = [];
  for (const [bookLineId, seqs] of byLine) {
    seqs.sort((a, b) => a - b);
    for (let start = 0; start < seqs.length; start += pageSize) {
      const localSeqs = seqs.slice(start, start + pageSize);
      pages.push({ bookLineId, firstLocalSeq: localSeqs[0] ?? 0, localSeqs });
    }
  }
  return pages;
}

/** Every journal row touching any of the book lines, once each, in merge order. */
export async function journalRowsOfLines(
  db: ZonebookDb,
  bookLineIds: readonly string[],
): Promise<JournalRow[]> {
  const pages = await Promise.all(
    [...new Set(bookLineIds)].map((bookLineId) =>
      db.lineHistory
        .where('[bookLineId+firstLocalSeq]')
        .between([bookLineId, Dexie.minKey], [bookLineId, Dexie.maxKey])
        .toArray(),
    ),
  );
  const seqs = [...new Set(pages.flat().flatMap((page) => page.localSeqs))].sort((a, b) => a - b);
  return (await db.journal.bulkGet(seqs)).filter((row): row is JournalRow => row !== undefined);
}
