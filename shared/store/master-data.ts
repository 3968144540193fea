import type { z } from 'zod';
import { AccountBook } from '../domain/account-book';
import { BookLine } from '../domain/book-line';
import { validateBookLineCodes } from '../domain/book-line-codes';
import { Enterprise } from '../domain/enterprise';
import { fieldErrorsOf, type FieldError } from '../domain/field-error';
import { Location } from '../domain/location';
import type { BookLineRow, ZonebookDb } from './db';
import { asStorageError, StoreError } from './errors';

function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const fields = fieldErrorsOf(parsed.error);
    throw new StoreError('invalid', `${what}: ${fields.map((f) => f.message).join('; ')}`, fields);
  }
  return parsed.data;
}

export function searchTextOf(line: BookLine): string {
  return [line.gdsSeqno, line.gdsMtno, line.gdecd, line.gdsNm, line.gdsSpcfModelDesc, line.barcode ?? '']
    .join(' ')
    .toLowerCase();
}

export async function saveEnterprise(db: ZonebookDb, value: unknown): Promise<Enterprise> {
  const enterprise = parseOrRefuse(Enterprise, value, 'Enterprise not saved');
  await db.enterprises.put(enterprise);
  return enterprise;
}

export async function saveBook(db: ZonebookDb, value: unknown): Promise<AccountBook> {
  const book = parseOrRefuse(AccountBook, value, 'Account book not saved');
  return db.transaction('rw', db.books, db.enterprises, async () => {
    if (!(await db.enterprises.get(book.ownerEnterpriseId))) {
      throw new StoreError('notFound', `Owner enterprise ${book.ownerEnterpriseId} does not exist`, [
        { field: 'ownerEnterpriseId', message: 'Owner enterprise (ownerEnterpriseId) does not exist' },
      ]);
    }
    const same = await db.books.where('putrecNo').equals(book.putrecNo).first();
    if (same && same.id !== book.id) {
      throw new StoreError('duplicate', `Book ${book.putrecNo} already exists`, [
        { field: 'putrecNo', message: `Book number (putrecNo) ${book.putrecNo} is already in use` },
      ]);
    }
    await db.books.put(book);
    return book;
  });
}

/**
 * Saves locations all or none. A code names one place among the locations of its book (or of its
 * enterprise), in any case, as the movement form reads it; a second place under the same code is refused.
 */
export async function saveLocations(db: ZonebookDb, values: readonly unknown[]): Promise<Location[]> {
  const locations = values.map((value, index) =>
    parseOrRefuse(Location, value, `Location ${index + 1} not saved`),
  );
  try {
    return await db.transaction('rw', db.locations, db.books, db.enterprises, async () => {
      // The schema gives every location exactly one of the two.
      const ownerOf = (location: Location) => location.bookId ?? location.enterpriseId ?? '';
      const keyOf = (location: Location) => `${ownerOf(location)}|${location.code.toUpperCase()}`;
      const taken = new Map<string, Location>();
      for (const owner of new Set(locations.map(ownerOf)))
        for (const location of await db.locations
          .where('bookId')
          .equals(owner)
          .or('enterpriseId')
          .equals(owner)
          .toArray())
          taken.set(keyOf(location), location);
      for (const [index, location] of locations.entries()) {
        const holder = taken.get(keyOf(location));
        if (holder !== undefined && holder.id !== location.id) {
          const where = location.bookId
            ? `book ${(await db.books.get(location.bookId))?.putrecNo ?? location.bookId}`
            : `enterprise ${(await db.enterprises.get(ownerOf(location)))?.etpsno ?? ownerOf(location)}`;
          const message = `Location code (code) ${holder.code} is already used in ${where}`;
          throw new StoreError('duplicate', `Location ${index + 1} not saved: ${message}`, [
            { field: 'code', message },
          ]);
        }
        taken.set(keyOf(location), location);
      }
      await db.locations.bulkPut(locations);
      return locations;
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

/** Everything wrong with one candidate book line, schema and code tables together. */
export function bookLineProblems(value: unknown): { line?: BookLine; errors: FieldError[] } {
  const parsed = BookLine.safeParse(value);
  if (!parsed.success) return { errors: fieldErrorsOf(parsed.error) };
  const errors = validateBookLineCodes(parsed.data);
  return errors.length ? { errors } : { line: parsed.data, errors };
}

export interface RowProblem {
  /** 1-based, as a spreadsheet shows it. */
  row: number;
  errors: FieldError[];
}

/**
 * Saves book lines all or none: every line is checked (schema, code tables, its book exists, no
 * gdsSeqno or gdsMtno used twice in the book) before anything is written.
 */
export async function saveBookLines(db: ZonebookDb, values: readonly unknown[]): Promise<BookLine[]> {
  const problems: RowProblem[] = [];
  const lines: BookLine[] = [];
  values.forEach((value, index) => {
    const { line, errors } = bookLineProblems(value);
    if (line) lines.push(line);
    else problems.push({ row: index + 1, errors });
  });
  if (problems.length) throw refusal(problems);
  try {
    return await db.transaction('rw', db.books, db.bookLines, async () => {
      const bookIds = [...new Set(lines.map((line) => line.bookId))];
      const books = await db.books.bulkGet(bookIds);
      const seqKeys = lines.map((line) => [line.bookId, line.gdsSeqno] as [string, number]);
      const existing = await db.bookLines.where('[bookId+gdsSeqno]').anyOf(seqKeys).toArray();
      const takenSeq = new Map(existing.map((row) => [`${row.bookId}|${row.gdsSeqno}`, row.id]));
      const itemKeys = lines.map((line) => [line.bookId, line.gdsMtno] as [string, string]);
      const existingItems = await db.bookLines.where('[bookId+gdsMtno]').anyOf(itemKeys).toArray();
      const takenItem = new Map(existingItems.map((row) => [`${row.bookId}|${row.gdsMtno}`, row.id]));
      const seen = new Set<string>();
      const seenItems = new Set<string>();
      lines.forEach((line, index) => {
        const errors: FieldError[] = [];
        if (!books[bookIds.indexOf(line.bookId)]) {
          errors.push({ field: 'bookId', message: `Book (bookId) ${line.bookId} does not exist` });
        }
        const seqKey = `${line.bookId}|${line.gdsSeqno}`;
        const holder = takenSeq.get(seqKey);
        if ((holder && holder !== line.id) || seen.has(seqKey)) {
          errors.push({
            field: 'gdsSeqno',
            message: `Book line number (gdsSeqno) ${line.gdsSeqno} is already used in this book`,
          });
        }
        const itemKey = `${line.bookId}|${line.gdsMtno}`;
        const itemHolder = takenItem.get(itemKey);
        if (itemHolder && itemHolder !== line.id) {
          errors.push({
            field: 'gdsMtno',
            message: `Item number (gdsMtno) ${line.gdsMtno} is already used in this book`,
          });
        } else if (seenItems.has(itemKey)) {
          errors.push({ field: 'gdsMtno', message: `Item number (gdsMtno) ${line.gdsMtno} appears twice` });
        }
        seen.add(seqKey);
        seenItems.add(itemKey);
        if (errors.length) problems.push({ row: index + 1, errors });
      });
      if (problems.length) throw refusal(problems);
      const rows: BookLineRow[] = lines.map((line) => ({ ...line, searchText: searchTextOf(line) }));
      await db.bookLines.bulkPut(rows);
      return lines;
    });
  } catch (error) {
    throw asStorageError(error);
  }
}

function refusal(problems: RowProblem[]): StoreError {
  const fields = problems.flatMap((problem) =>
    problem.errors.map((error) => ({ field: `row ${problem.row}: ${error.field}`, message: error.message })),
  );
  return new StoreError(
    'invalid',
    `${problems.length} book line(s) have problems; nothing was saved`,
    fields,
  );
}

/** A stored book line without the store's own search field. */
export function bookLineOf(row: BookLineRow): BookLine {
  const { searchText: _search, ...line } = row;
  return line;
}
