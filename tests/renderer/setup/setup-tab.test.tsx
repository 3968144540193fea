import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SetupTab } from '../../../renderer/features/inventory/setup/SetupTab';
import { freshStore, renderWithStore, seedBook, validSccd } from '../support/with-store';

async function startEmpty() {
  const store = await freshStore();
  await renderWithStore(<SetupTab />, store);
  await userEvent.click(await screen.findByRole('button', { name: 'Start with an empty book' }));
  return store;
}

// Fields can appear only once a live query has caught up with a save, so wait for them.
async function fill(label: RegExp, value: string) {
  const input = await screen.findByLabelText(label);
  await userEvent.clear(input);
  await userEvent.type(input, value);
}

describe('the set-up tab', { timeout: 180_000 }, () => {
  it('offers demo data or an empty book on the first run', async () => {
    const store = await freshStore();
    await renderWithStore(<SetupTab />, store);
    expect(await screen.findByRole('button', { name: 'Load demo data' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Start with an empty book' }));
    expect(await screen.findByText('Save the enterprise first: the book belongs to it.')).toBeTruthy();
  });

  it('refuses a bad enterprise with each field’s own message and writes nothing', async () => {
    const store = await startEmpty();
    await fill(/Unified social credit code/, '91110105MA01ABCD1X');
    await fill(/Customs code/, '1101');
    await userEvent.click(screen.getByRole('button', { name: 'Save enterprise' }));
    // Each field is checked on its own: their messages need not all show in the same render.
    expect(await screen.findByText('Enterprise name (name) is required')).toBeTruthy();
    expect(await screen.findByText(/fails its check: the last character should be/)).toBeTruthy();
    expect(
      await screen.findByText('Customs code (etpsno) must be 10 digits or capital letters, got "1101"'),
    ).toBeTruthy();
    expect(await store.db.enterprises.count()).toBe(0);
  });

  it('creates the enterprise, refuses a bad book, then creates the book and its locations', async () => {
    const store = await startEmpty();
    await fill(/Enterprise name/, '北京天竺保税物流有限公司');
    await fill(/Unified social credit code/, validSccd());
    await fill(/Customs code/, '1101960ABC');
    await userEvent.click(screen.getByRole('button', { name: 'Save enterprise' }));
    await waitFor(async () => expect(await store.db.enterprises.count()).toBe(1));

    await fill(/Account book number/, 'X123');
    await fill(/Master customs office/, '0101');
    await fill(/Valid from/, '20250101');
    await fill(/Valid until/, '20301231');
    await userEvent.click(await screen.findByRole('button', { name: 'Save book' }));
    expect(await screen.findByText(/Account book number \(putrecNo\) must be 12 characters/)).toBeTruthy();

    // The order of the two dates is the schema's rule over the whole book, shown on the field it names.
    await fill(/Account book number/, 'T0101W000001');
    await fill(/Valid until/, '20241231');
    await userEvent.click(screen.getByRole('button', { name: 'Save book' }));
    expect(
      await screen.findByText('Valid until (finishValidDate) must not be before Valid from (validFrom)'),
    ).toBeTruthy();
    expect(await store.db.books.count()).toBe(0);

    await fill(/Valid until/, '20301231');
    await userEvent.click(screen.getByRole('button', { name: 'Save book' }));
    expect(await screen.findByText('Locations of book T0101W000001')).toBeTruthy();
    const [book] = await store.db.books.toArray();
    expect(book).toMatchObject({ putrecNo: 'T0101W000001', bwlTypecd: 'Z', finishValidDate: '20301231' });

    await fill(/Location code/, 'A 01');
    await userEvent.click(screen.getByRole('button', { name: 'Add location' }));
    expect(await screen.findByText(/Location code \(code\) must be up to 32 letters/)).toBeTruthy();
    await fill(/Location code/, 'A-01');
    await fill(/Location name/, 'Shelf A1');
    await userEvent.click(screen.getByRole('button', { name: 'Add location' }));
    expect(await screen.findByText('Shelf A1')).toBeTruthy();
    expect(await store.db.locations.where('bookId').equals(book!.id).count()).toBe(1);
  });

  it('adds locations one after another from the keyboard, with no error on the emptied form', async () => {
    const store = await freshStore();
    await seedBook(store.db);
    await renderWithStore(<SetupTab />, store);
    await screen.findByText('Locations of book T0101W000001');
    await fill(/Location code/, 'C-01');
    await fill(/Location name/, 'Shelf C1');
    await userEvent.keyboard('{Enter}');
    expect(await screen.findByText('Shelf C1')).toBeTruthy();
    // Ready for the next one: the code field has the focus, and nothing says the emptied name is missing.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Location code/)));
    await userEvent.keyboard('C-02{Tab}Shelf C2{Enter}');
    expect(await screen.findByText('Shelf C2')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Location code/)));
    expect(screen.queryByText('Location name (name) is required')).toBeNull();
    expect(await store.db.locations.count()).toBe(4);
  });

  it('refuses a location code already used in the book', async () => {
    const store = await freshStore();
    await seedBook(store.db);
    await renderWithStore(<SetupTab />, store);
    await screen.findByText('Locations of book T0101W000001');
    // The book's locations arrive by a live query after the book: the code can be judged taken only then.
    await screen.findByText('Shelf A1');
    await fill(/Location code/, 'a-01');
    await fill(/Location name/, 'Another shelf');
    await userEvent.click(screen.getByRole('button', { name: 'Add location' }));
    expect(
      await screen.findByText('Location code (code) A-01 is already used in book T0101W000001'),
    ).toBeTruthy();
    expect(await store.db.locations.count()).toBe(2);
  });
});
