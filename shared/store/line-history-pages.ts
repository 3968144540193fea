import Dexie from 'dexie';
import type { ZonebookDb } from './db';
import { numberInMeta } from './meta-numbers';
import type { JournalRow, LineHistoryPage } from './rows';

/** Caps one page, so a restore or migration of a busy line writes records of a bounded size. */
const pageSize = 5_000;

/**
 * How far the history pages reach: every journal row up to this merge number is in its lines' pages.
 * Rows after it are read by key range, so a line's history is whole before its pages are written.
 */
export const historyIndexedKey = 'historyIndexedTo';

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

/**
 * Every journal row touching any of the book lines, once each, in merge order: through their pages up
 * to the mark, and by reading the rows after it. One read transaction, so pages written meanwhile are
 * either all seen with their mark or not at all.
 */
export function journalRowsOfLines(db: ZonebookDb, bookLineIds: readonly string[]): Promise<JournalRow[]> {
  const wanted = new Set(bookLineIds);
  return db.transaction('r', [db.lineHistory, db.journal, db.meta], async () => {
    const [pages, mark] = await Promise.all([
      Promise.all(
        [...wanted].map((bookLineId) =>
          db.lineHistory
            .where('[bookLineId+firstLocalSeq]')
            .between([bookLineId, Dexie.minKey], [bookLineId, Dexie.maxKey])
            .toArray(),
        ),
      ),
      numberInMeta(db, historyIndexedKey),
    ]);
    const seqs = [...new Set(pages.flat().flatMap((page) => page.localSeqs))]
      .filter((seq) => seq <= mark)
      .sort((a, b) => a - b);
    const [paged, after] = await Promise.all([
      db.journal.bulkGet(seqs),
      db.journal
        .where(':id')
        .above(mark)
        .filter((row) => row.bookLineIds.some((id) => wanted.has(id)))
        .toArray(),
    ]);
    return [...paged.filter((row): row is JournalRow => row !== undefined), ...after];
  });
}

/** Rows indexed per transaction: a big import is paged in steps that each hold the database briefly. */
const indexChunk = 5_000;

/**
 * Writes the history pages of the rows after the mark, and moves the mark, a chunk per transaction,
 * until the journal's end. Returns how many rows it indexed. Safe beside postings and other windows:
 * each step reads the mark in its own read-write transaction.
 */
export async function indexLineHistory(db: ZonebookDb): Promise<number> {
  let indexed = 0;
  for (;;) {
    const step = await db.transaction('rw', [db.journal, db.lineHistory, db.meta], async () => {
      const mark = await numberInMeta(db, historyIndexedKey);
      const rows = await db.journal.where(':id').above(mark).limit(indexChunk).toArray();
      const last = rows[rows.length - 1];
      if (!last) return 0;
      await db.lineHistory.bulkPut(historyPagesOf(rows));
      await db.meta.put({ key: historyIndexedKey, value: last.localSeq });
      return rows.length;
    });
    indexed += step;
    if (step < indexChunk) return indexed;
  }
}
