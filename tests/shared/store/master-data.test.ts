import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import { saveBook, saveBookLines, saveEnterprise, saveLocations } from '../../../shared/store';
import { book, bookLine, dump, emptyStore, enterprise, lines, refusal, seededStore } from './fixtures';

describe('master data', () => {
  it('saves an enterprise and a book, refusing a book of an unknown owner or a taken book number', async () => {
    const db = await emptyStore();
    expect((await refusal(saveBook(db, book))).fields[0]?.field).toBe('ownerEnterpriseId');
    await saveEnterprise(db, enterprise);
    await saveBook(db, book);
    const taken = await refusal(saveBook(db, { ...book, id: newId() }));
    expect(taken.code).toBe('duplicate');
    expect(taken.fields[0]?.field).toBe('putrecNo');
    expect(await db.books.toArray()).toEqual([book]);
  });

  it('names the field of a bad enterprise, book or location', async () => {
    const db = await emptyStore();
    const badSccd = await refusal(saveEnterprise(db, { ...enterprise, sccd: '91330201753297785X' }));
    expect(badSccd.code).toBe('invalid');
    expect(badSccd.fields[0]?.field).toBe('sccd');
    expect((await refusal(saveBook(db, { ...book, putrecNo: 'X1' }))).fields[0]?.field).toBe('putrecNo');
    const location = { id: newId(), bookId: book.id, code: 'bad code!', name: 'x' };
    expect((await refusal(saveLocations(db, [location]))).fields[0]?.field).toBe('code');
    expect(Object.values(await dump(db)).every((rows) => rows.length === 0)).toBe(true);
  });

  it('saves book lines all or none, naming the row and field of each problem', async () => {
    const db = await seededStore();
    const before = await dump(db);
    const error = await refusal(
      saveBookLines(db, [
        bookLine(20),
        bookLine(21, { gdecd: '85423190' }),
        bookLine(22, { dclUnitcd: '999' }),
        bookLine(1, { gdsMtno: 'NEW-1' }),
      ]),
    );
    expect(error.code).toBe('invalid');
    expect(error.fields.map((f) => f.field)).toEqual(['row 2: gdecd', 'row 3: dclUnitcd']);
    expect(await dump(db)).toEqual(before);

    const taken = await refusal(saveBookLines(db, [bookLine(20), bookLine(1, { gdsMtno: 'NEW-1' })]));
    expect(taken.fields).toEqual([
      { field: 'row 2: gdsSeqno', message: 'Book line number (gdsSeqno) 1 is already used in this book' },
    ]);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses an item number already used by another line of the book', async () => {
    const db = await seededStore();
    const before = await dump(db);
    const error = await refusal(saveBookLines(db, [bookLine(30, { gdsMtno: lines[0]!.gdsMtno })]));
    expect(error.fields).toEqual([
      {
        field: 'row 1: gdsMtno',
        message: `Item number (gdsMtno) ${lines[0]!.gdsMtno} is already used in this book`,
      },
    ]);
    expect(await dump(db)).toEqual(before);
    const twice = await refusal(
      saveBookLines(db, [bookLine(30, { gdsMtno: 'X' }), bookLine(31, { gdsMtno: 'X' })]),
    );
    expect(twice.fields.map((f) => f.field)).toEqual(['row 2: gdsMtno']);
  });

  it('updates a saved line in place, keeping its number and item number', async () => {
    const db = await seededStore();
    const renamed = { ...lines[0]!, gdsNm: '改名后的集成电路' };
    await saveBookLines(db, [renamed]);
    expect(await db.bookLines.get(renamed.id)).toMatchObject({ gdsNm: '改名后的集成电路' });
    expect((await db.bookLines.get(renamed.id))?.searchText).toContain('改名后的集成电路');
  });
});
