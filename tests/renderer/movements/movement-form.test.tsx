import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { newId } from '../../../shared/domain';
import { postMovement } from '../../../shared/store';
import { MovementsPage } from '../../../renderer/features/movements/MovementsPage';
import { freshStore, renderWithStore, seedBook } from '../support/with-store';

async function openPage() {
  const store = await freshStore();
  const seeded = await seedBook(store.db);
  await renderWithStore(<MovementsPage />, store);
  const scan = await screen.findByLabelText('Item number or barcode 1');
  await waitFor(() => expect(document.activeElement).toBe(scan));
  return { store, ...seeded, scan };
}

async function chooseKind(name: string) {
  const kind = screen.getByRole('combobox', { name: 'Movement' });
  await userEvent.click(kind);
  await userEvent.type(kind, name.split(' ')[0] ?? name);
  await userEvent.click(await screen.findByTitle(name));
  await waitFor(() => expect(screen.getByRole('button', { name: new RegExp(`Post ${name}`) })).toBeTruthy());
}

describe('the movement form', { timeout: 120_000 }, () => {
  it('starts in the scan field; an item number and Enter resolve the book line and move on to the quantity', async () => {
    const { scan } = await openPage();
    await userEvent.type(scan, 'NB-002{Enter}');
    const qty = screen.getByLabelText('Quantity 1');
    await waitFor(() => expect(document.activeElement).toBe(qty));
    expect(screen.getByText(/#2 NB-002 · Notebook computer/)).toBeTruthy();
  });

  it('resolves a barcode too, and says plainly when a code names no line of the book', async () => {
    const { scan } = await openPage();
    await userEvent.type(scan, 'XX-404{Enter}');
    expect(
      await screen.findByText('No book line with item number or barcode XX-404 in book T0101W000001'),
    ).toBeTruthy();
    expect(document.activeElement).toBe(scan);
    await userEvent.clear(scan);
    await userEvent.type(scan, '6901{Enter}');
    expect(await screen.findByText(/#1 NB-001/)).toBeTruthy();
  });

  it('posts an entry from abroad with the keyboard only, confirms it, and starts over at the scan field', async () => {
    const { store, lines, locations, scan } = await openPage();
    await userEvent.type(scan, 'NB-001{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 1')));
    await userEvent.keyboard('12.5{Enter}');
    // "a" is the start of exactly one location code, so Enter completes it to A-01.
    await userEvent.keyboard('a{Enter}');
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>('To location 1').value).toBe('A-01'));
    await userEvent.keyboard('first pallet{Enter}');

    expect((await screen.findByRole('status')).textContent).toBe(
      'Posted Entry from abroad: #1 NB-001 × 12.5',
    );
    const [row] = await store.db.journal.toArray();
    expect(row?.entry.movement).toMatchObject({
      kind: 'entryFromAbroad',
      note: 'first pallet',
      lines: [{ bookLineId: lines[0]?.id, qty: '12.5', toLocationId: locations[0]?.id }],
    });
    const fresh = screen.getByLabelText<HTMLInputElement>('Item number or barcode 1');
    await waitFor(() => expect(document.activeElement).toBe(fresh));
    expect(fresh.value).toBe('');
    const latest = await screen.findByText('#1 NB-001 × 12.5 (→ A-01)');
    expect(within(latest.closest('tr')!).getByText('Entry from abroad')).toBeTruthy();
  });

  it('adds a line with Alt+N and posts both lines as one movement with Ctrl+Enter', async () => {
    const { store, scan } = await openPage();
    await userEvent.type(scan, 'NB-001{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 1')));
    await userEvent.keyboard('1{Enter}A-01{Enter}{Alt>}n{/Alt}');
    const second = await screen.findByLabelText('Item number or barcode 2');
    await waitFor(() => expect(document.activeElement).toBe(second));
    expect(screen.getByLabelText<HTMLInputElement>('To location 2').value).toBe('A-01');
    await userEvent.keyboard('NB-002{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 2')));
    await userEvent.keyboard('2{Control>}{Enter}{/Control}');
    expect((await screen.findByRole('status')).textContent).toBe(
      'Posted Entry from abroad: #1 NB-001 × 1, #2 NB-002 × 2',
    );
    expect(await store.db.journal.count()).toBe(1);
  });

  it('refuses a bad quantity and a missing location with the field messages, writes nothing, keeps the values', async () => {
    const { store, scan } = await openPage();
    await userEvent.type(scan, 'NB-001{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 1')));
    await userEvent.keyboard('0{Control>}{Enter}{/Control}');
    expect(await screen.findByText('Quantity (qty) must not be zero')).toBeTruthy();
    expect(screen.getByText(/Location put to \(toLocationId\) is required/)).toBeTruthy();
    expect(await store.db.journal.count()).toBe(0);
    expect(screen.getByLabelText<HTMLInputElement>('Item number or barcode 1').value).toBe('NB-001');
    expect(screen.getByLabelText<HTMLInputElement>('Quantity 1').value).toBe('0');
  });

  it('shows the shortfall naming the book line, the location and how much is missing, and keeps the form', async () => {
    const { store, book, lines, locations } = await openPage();
    const now = new Date().toISOString();
    await postMovement(
      store.db,
      {
        id: newId(),
        kind: 'entryFromAbroad',
        bookId: book.id,
        occurredAt: now,
        customsDate: (await import('../../../shared/domain')).customsDateOf(now),
        lines: [{ bookLineId: lines[0]?.id, qty: '5', toLocationId: locations[0]?.id }],
      },
      { deviceId: store.deviceId },
    );
    await chooseKind('Exit abroad');
    const scan = screen.getByLabelText('Item number or barcode 1');
    await waitFor(() => expect(document.activeElement).toBe(scan));
    await userEvent.keyboard('NB-001{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 1')));
    await userEvent.keyboard('8{Enter}A-01{Enter}{Enter}');
    expect(
      await screen.findByText(
        'Not enough of book line #1 NB-001 at location A-01: 5 there, 8 needed, short by 3',
      ),
    ).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('Quantity 1').value).toBe('8');
    expect(screen.getByLabelText<HTMLInputElement>('From location 1').value).toBe('A-01');
    expect(await store.db.journal.count()).toBe(1);
  });

  it('relocates from the keyboard and lists the move from one location to the other', async () => {
    const { store, book, lines, locations } = await openPage();
    const now = new Date().toISOString();
    await postMovement(
      store.db,
      {
        id: newId(),
        kind: 'entryFromAbroad',
        bookId: book.id,
        occurredAt: now,
        customsDate: (await import('../../../shared/domain')).customsDateOf(now),
        lines: [{ bookLineId: lines[0]?.id, qty: '5', toLocationId: locations[0]?.id }],
      },
      { deviceId: store.deviceId },
    );
    expect(await screen.findByText('#1 NB-001 × 5 (→ A-01)')).toBeTruthy();
    await chooseKind('Relocation inside the warehouse');
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByLabelText('Item number or barcode 1')),
    );
    await userEvent.keyboard('NB-001{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 1')));
    await userEvent.keyboard('2{Enter}A-01{Enter}B-01{Control>}{Enter}{/Control}');
    const moved = await screen.findByText('#1 NB-001 × 2 (A-01 → B-01)');
    expect(within(moved.closest('tr')!).getByText('Relocation inside the warehouse')).toBeTruthy();
  });

  it('asks for the approval of a stocktake adjustment, which alone may be negative', async () => {
    const { store } = await openPage();
    await chooseKind('Stocktake adjustment');
    expect(screen.getByText('Difference (+ surplus, − shortage)')).toBeTruthy();
    await userEvent.keyboard('NB-002{Enter}');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Quantity 1')));
    await userEvent.keyboard('3{Enter}B-01{Enter}{Control>}{Enter}{/Control}');
    expect(await screen.findByText(/needs a supervisor's approval/)).toBeTruthy();
    expect(await store.db.journal.count()).toBe(0);
    await userEvent.type(screen.getByLabelText(/Approved by/), '王主管{Control>}{Enter}{/Control}');
    expect((await screen.findByRole('status')).textContent).toBe(
      'Posted Stocktake adjustment: #2 NB-002 × 3',
    );
    const [row] = await store.db.journal.toArray();
    expect(row?.entry.movement.approval?.by).toBe('王主管');
  });
});
