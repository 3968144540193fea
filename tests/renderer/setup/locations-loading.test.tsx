import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LocationsEditor } from '../../../renderer/features/inventory/setup/LocationsEditor';
import { answerLiveQueries, holdLiveQueries } from '../support/held-live-queries';
import { freshStore, renderWithStore, seedBook } from '../support/with-store';

vi.mock('dexie-react-hooks', async (actual) =>
  (await import('../support/held-live-queries')).withHeldAnswers(await actual()),
);

afterEach(answerLiveQueries);

describe('the locations editor before the book’s locations have loaded', { timeout: 120_000 }, () => {
  it('refuses a code already used in the book, on the code field, in English and Chinese', async () => {
    for (const [language, refusal] of [
      ['en', 'Location code (code) A-01 is already used in book T0101W000001'],
      ['zh-CN', '库位代码 (code) A-01 在账册 T0101W000001 中已被使用'],
    ] as const) {
      const store = await freshStore();
      const { book } = await seedBook(store.db);
      holdLiveQueries();
      const view = await renderWithStore(<LocationsEditor book={book} />, store, language);
      await userEvent.type(await screen.findByLabelText(/\(code\)/), 'a-01');
      await userEvent.type(screen.getByLabelText(/\(name\)/), 'Another shelf{Enter}');

      expect(await screen.findByText(refusal)).toBeTruthy();
      expect(await store.db.locations.count()).toBe(2);
      view.unmount();
      answerLiveQueries();
    }
  });

  it('adds a new code while the table is still empty', async () => {
    const store = await freshStore();
    const { book } = await seedBook(store.db);
    holdLiveQueries();
    await renderWithStore(<LocationsEditor book={book} />, store);
    await userEvent.type(await screen.findByLabelText(/\(code\)/), 'C-01');
    await userEvent.type(screen.getByLabelText(/\(name\)/), 'Shelf C1{Enter}');

    await waitFor(async () => expect(await store.db.locations.count()).toBe(3));
  });
});
