import type { BookLine, Location } from '../../../shared/domain';
import { bookLineOf, type ZonebookDb } from '../../../shared/store';

/** The book line a scanned or typed code names in one book: its item number (料号) first, then its barcode. */
export async function bookLineOfCode(
  db: ZonebookDb,
  bookId: string,
  code: string,
): Promise<BookLine | undefined> {
  const byItem = await db.bookLines.where('[bookId+gdsMtno]').equals([bookId, code]).first();
  const row =
    byItem ??
    (await db.bookLines
      .where('barcode')
      .equals(code)
      .filter((l) => l.bookId === bookId)
      .first());
  return row && bookLineOf(row);
}

/** Locations a typed code may name: the exact code (any case), else every code it begins. */
export function locationsMatching(locations: readonly Location[], typed: string): Location[] {
  const wanted = typed.trim().toUpperCase();
  if (wanted === '') return [];
  const exact = locations.filter((l) => l.code.toUpperCase() === wanted);
  return exact.length ? exact : locations.filter((l) => l.code.toUpperCase().startsWith(wanted));
}
