import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MovementForm } from '../../../renderer/features/movements/MovementForm';
import { answerLiveQueries, holdLiveQueries } from '../support/held-live-queries';
import { freshStore, renderWithStore, seedBook } from '../support/with-store';

vi.mock('dexie-react-hooks', async (actual) =>
  (await import('../support/held-live-queries')).withHeldAnswers(await actual()),
);

afterEach(answerLiveQueries);

describe('the movement form before the book’s locations have loaded', { timeout: 120_000 }, () => {
  it('posts a scanner’s line naming a real location instead of saying there is no such location', async () => {
    const store = await freshStore();
    const { book, lines, locations } = await seedBook(store.db);
    holdLiveQueries();
    await renderWithStore(<MovementForm db={store.db} book={book} deviceId={store.deviceId} />, store);
    const scan = await screen.findByLabelText('Item number or barcode 1');
    await waitFor(() => expect(document.activeElement).toBe(scan));

    await userEvent.keyboard('NB-001{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 1')));
    await userEvent.keyboard('3{Enter}a-01{Control>}{Enter}{/Control}');

    expect((await screen.findByRole('status')).textContent).toBe('Posted Entry from abroad: #1 NB-001 × 3');
    // Still no answer from the live query: the location was judged on a reading of the form's own.
    expect(screen.getByLabelText<HTMLInputElement>('To location 1').placeholder).toBe('');
    const [row] = await store.db.journal.toArray();
    expect(row?.entry.movement.lines).toEqual([
      { bookLineId: lines[0]?.id, qty: '3', toLocationId: locations[0]?.id },
    ]);
  });

  it('completes a typed location with Enter before the locations have loaded', async () => {
    const store = await freshStore();
    const { book } = await seedBook(store.db);
    holdLiveQueries();
    await renderWithStore(<MovementForm db={store.db} book={book} deviceId={store.deviceId} />, store);
    const scan = await screen.findByLabelText('Item number or barcode 1');
    await waitFor(() => expect(document.activeElement).toBe(scan));

    await userEvent.keyboard('NB-002{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 1')));
    await userEvent.keyboard('1{Enter}b{Enter}');

    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('To location 1').value).toBe('B-01'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Note')));
    expect(screen.queryByText(/No location/)).toBeNull();
  });
});
