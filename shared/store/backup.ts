import { custodyBalances, parseBalanceKey } from '../ledger';
import { backupToText, readBackup, type BackupContent } from './backup-file';
import type { ZonebookDb } from './db';
import { historyIndexedKey, historyPagesOf } from './line-history-pages';
import { outboxRowOf } from './outbox';
import { outboxScannedKey, queueRowOf } from './outbox-queue';
import { forgetAll } from './posting-cache';
import { asStorageError, StoreError } from './errors';
import { bookLineOf, searchTextOf } from './master-data';
import { journalRowOf } from './posting';
import type { BalanceRow } from './rows';

/** Everything the store holds that a restore needs, the journal in the order this database took it in. */
export async function readBackupContent(db: ZonebookDb): Promise<BackupContent> {
  return db.transaction('r', [db.enterprises, db.books, db.bookLines, db.locations, db.journal], async () => {
    const [enterprises, books, bookLines, locations, journal] = await Promise.all([
      db.enterprises.toArray(),
      db.books.toArray(),
      db.bookLines.toArray(),
      db.locations.toArray(),
      db.journal.orderBy('localSeq').toArray(),
    ]);
    return {
      enterprises,
      books,
      bookLines: bookLines.map(bookLineOf),
      locations,
      entries: journal.map((row) => row.entry),
      outbox: journal.flatMap((row) => outboxRowOf(row) ?? []),
    };
  });
}

export async function exportBackup(db: ZonebookDb, exportedAt = new Date().toISOString()): Promise<string> {
  return backupToText(await readBackupContent(db), exportedAt);
}

/**
 * Replaces the whole database with a backup, after readBackup has checked every line of it. A broken
 * file is refused, naming the line, and the database is left exactly as it was.
 */
export async function restoreBackup(
  db: ZonebookDb,
  text: string,
): Promise<{ entries: number; bookLines: number }> {
  const verdict = readBackup(text);
  if (!verdict.ok) {
    throw new StoreError(
      'brokenBackup',
      `The backup is broken at line ${verdict.line}: ${verdict.reason}. Nothing was restored.`,
      [{ field: `line ${verdict.line}`, message: verdict.reason }],
    );
  }
  const { backup } = verdict;
  const bookOfLine = new Map(backup.bookLines.map((line) => [line.id, line.bookId]));
  const balances: BalanceRow[] = [...custodyBalances(backup.balances)].map(([key, qty]) => {
    const { bookLineId, account } = parseBalanceKey(key);
    return { bookLineId, account, qty, bookId: bookOfLine.get(bookLineId) ?? '' };
  });
  const marks = new Map(backup.outbox.map((mark) => [mark.movementId, mark]));
  const tables = [
    db.enterprises,
    db.books,
    db.bookLines,
    db.locations,
    db.journal,
    db.balances,
    db.outboxQueue,
    db.lineHistory,
  ];
  const rows = backup.entries.map((entry, index) => {
    const mark = marks.get(entry.movement.id);
    const row = journalRowOf(entry, index + 1, mark?.status);
    return mark?.documentId === undefined ? row : { ...row, documentId: mark.documentId };
  });
  const queued = queueRowOf(rows);
  try {
    await db.transaction('rw', [...tables, db.meta], async () => {
      await Promise.all(tables.map((table) => table.clear()));
      await Promise.all([
        db.enterprises.bulkAdd(backup.enterprises),
        db.books.bulkAdd(backup.books),
        db.bookLines.bulkAdd(backup.bookLines.map((line) => ({ ...line, searchText: searchTextOf(line) }))),
        db.locations.bulkAdd(backup.locations),
        db.journal.bulkAdd(rows),
        db.lineHistory.bulkAdd(historyPagesOf(rows)),
        ...(queued ? [db.outboxQueue.add(queued)] : []),
        // The restored rows are all listed above: the batching reads on from the last of them.
        db.meta.put({ key: outboxScannedKey, value: rows.length }),
        db.meta.put({ key: historyIndexedKey, value: rows.length }),
        db.balances.bulkAdd(balances),
      ]);
    });
  } catch (error) {
    throw asStorageError(error);
  } finally {
    forgetAll(db);
  }
  return { entries: backup.entries.length, bookLines: backup.bookLines.length };
}
