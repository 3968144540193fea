import { describe, expect, it } from 'vitest';
import { newId } from '../../../shared/domain';
import { saveLocations } from '../../../shared/store';
import { book, enterprise, otherBook, refusal, seededStore } from './fixtures';

describe('saveLocations', () => {
  it('refuses a code already used in the book, in any case, and saves nothing of the batch', async () => {
    const db = await seededStore();
    const [first] = await db.locations.where('bookId').equals(book.id).toArray();
    const before = await db.locations.count();

    const error = await refusal(
      saveLocations(db, [
        { id: newId(), bookId: book.id, code: 'NEW-1', name: 'New bin' },
        { id: newId(), bookId: book.id, code: first!.code.toLowerCase(), name: 'Same place twice' },
      ]),
    );
    expect(error.code).toBe('duplicate');
    expect(error.fields).toEqual([
      {
        field: 'code',
        message: `Location code (code) ${first!.code} is already used in book ${book.putrecNo}`,
      },
    ]);
    expect(await db.locations.count()).toBe(before);
  });

  it('refuses the same code twice in one batch, and takes it in another book or as a rename', async () => {
    const db = await seededStore();
    const [first] = await db.locations.where('bookId').equals(book.id).toArray();
    expect(
      (
        await refusal(
          saveLocations(db, [
            { id: newId(), enterpriseId: enterprise.id, code: 'Y-1', name: 'Yard' },
            { id: newId(), enterpriseId: enterprise.id, code: 'y-1', name: 'Yard again' },
          ]),
        )
      ).message,
    ).toBe(
      `Location 2 not saved: Location code (code) Y-1 is already used in enterprise ${enterprise.etpsno}`,
    );

    await saveLocations(db, [{ ...first!, name: 'Renamed' }]);
    await saveLocations(db, [{ id: newId(), bookId: otherBook.id, code: first!.code, name: 'Elsewhere' }]);
    expect((await db.locations.get(first!.id))?.name).toBe('Renamed');
  });
});
