import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ImportTab } from '../../../renderer/features/inventory/import/ImportTab';
import { freshStore, renderWithStore, seedBook } from '../support/with-store';

const header =
  '备案序号,料号,商品编码,商品名称,规格型号,申报单位,法定单位,法定单位比例因子,原产国,币制,申报单价,条码';
const row = (seq: number, item: string, hs = '8517130000') =>
  `${seq},${item},${hs},智能手机,128GB 黑色,001,001,1,502,502,299.99,69${seq}`;

async function chooseFile(name: string, text: string) {
  const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
  await userEvent.upload(input, new File([text], name, { type: 'text/csv' }));
}

async function openImport() {
  const store = await freshStore();
  const seeded = await seedBook(store.db);
  await renderWithStore(<ImportTab />, store);
  await screen.findByText(/Import the book lines/);
  return { store, ...seeded };
}

describe('the import tab', { timeout: 120_000 }, () => {
  it('imports every row of a good CSV with Chinese headers', async () => {
    const { store, book } = await openImport();
    await chooseFile('lines.csv', [header, row(3, 'PH-003'), row(4, 'PH-004'), row(5, 'PH-005')].join('\n'));
    expect(await screen.findByText('3 rows, all good')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Import 3 book lines into T0101W000001' }));
    expect(await screen.findByText('3 book lines of lines.csv imported into book T0101W000001')).toBeTruthy();
    expect(await store.db.bookLines.where('bookId').equals(book.id).count()).toBe(5);
  });

  it('shows the bad row with its reason before writing, keeps the import button off, imports nothing', async () => {
    const { store } = await openImport();
    await chooseFile(
      'lines.csv',
      [header, row(3, 'PH-003'), row(4, 'PH-004'), row(5, 'PH-005', '85171300')].join('\n'),
    );
    expect(await screen.findByText('row 4: HS code (gdecd) must be exactly 10 digits, got 8')).toBeTruthy();
    expect(screen.getByText(/3 rows, 1 with problems/)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Import 3 book lines into T0101W000001' });
    expect(button.hasAttribute('disabled')).toBe(true);
    expect(await store.db.bookLines.count()).toBe(2);
  });

  it('refuses a 料号 already on another line of the book', async () => {
    await openImport();
    await chooseFile('lines.csv', [header, row(3, 'NB-001')].join('\n'));
    expect(
      await screen.findByText('row 2: Item number (gdsMtno) NB-001 is already in the book on line 1'),
    ).toBeTruthy();
  });

  it('posts opening balances as one approved stocktake adjustment, once an approver is named', async () => {
    const { store, lines, locations } = await openImport();
    await userEvent.click(screen.getByText('Opening balances'));
    await chooseFile('opening.csv', '料号,库位,数量\nNB-001,A-01,40\nNB-002,B-01,2.5\n');
    expect(await screen.findByText('2 rows, all good')).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Post 2 opening balances into T0101W000001' });
    expect(button.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText(/Approved by/), '王主管');
    await waitFor(() => expect(button.hasAttribute('disabled')).toBe(false));
    await userEvent.click(button);
    expect(
      await screen.findByText(/2 opening balances posted into book T0101W000001, approved by 王主管/),
    ).toBeTruthy();
    const [entry] = await store.db.journal.toArray();
    expect(entry?.entry.movement).toMatchObject({
      kind: 'stocktakeAdjustment',
      approval: { by: '王主管' },
      lines: [
        { bookLineId: lines[0]?.id, qty: '40', toLocationId: locations[0]?.id },
        { bookLineId: lines[1]?.id, qty: '2.5', toLocationId: locations[1]?.id },
      ],
    });
  });

  it('names an unknown location in the opening balances and posts nothing', async () => {
    const { store } = await openImport();
    await userEvent.click(screen.getByText('Opening balances'));
    await chooseFile('opening.csv', 'gdsSeqno,locationCode,qty\n1,Z-99,4\n');
    expect(
      await screen.findByText(
        'row 2: Location code (locationCode) Z-99 is not a location of book T0101W000001',
      ),
    ).toBeTruthy();
    expect(await store.db.journal.count()).toBe(0);
  });
});
