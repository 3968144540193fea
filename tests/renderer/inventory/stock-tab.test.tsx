import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StockTab } from '../../../renderer/features/inventory/stock/StockTab';
import { post, seededStore, withServices } from './stock-fixture';

// A real store on fake-indexeddb under jsdom answers in tens of milliseconds, antd renders slowly there;
// wait for what the user would see rather than for a fixed time (tests/renderer/setup.ts bounds the wait).
// Location codes come from a live query of their own, apart from the table's and the history's, so a
// text that names a location is waited for too.

type Seeded = Awaited<ReturnType<typeof seededStore>>;

/** Cells of the line whose item number is `gdsMtno`, in column order. */
function cellsOf(gdsMtno: string): string[] {
  const table = document.querySelector('.zb-stock-table') as HTMLElement;
  const row = within(table).getByText(gdsMtno).closest('.ant-table-row');
  if (!row) throw new Error(`no row for ${gdsMtno}`);
  return [...row.querySelectorAll('.ant-table-cell')].map((cell) => cell.textContent ?? '');
}

// antd spaces out a two-character Chinese button label (冲 销).
const reverseButton = /^冲\s?销$/;

const column = { zone: 7, display: 8, transit: 9, processing: 10, held: 11 };

async function withStock(): Promise<Seeded & { receiptId: string; displayId: string }> {
  const s = await seededStore();
  const receipt = await post(
    s.db,
    'entryFromAbroad',
    [{ bookLineId: s.chip.id, qty: '100', toLocationId: s.a01.id }],
    s.book.id,
  );
  await post(
    s.db,
    'relocate',
    [{ bookLineId: s.chip.id, qty: '30.5', fromLocationId: s.a01.id, toLocationId: s.b01.id }],
    s.book.id,
  );
  const display = await post(
    s.db,
    'displayOut',
    [{ bookLineId: s.chip.id, qty: '12', fromLocationId: s.a01.id }],
    s.book.id,
  );
  await post(
    s.db,
    'processingOut',
    [{ bookLineId: s.chip.id, qty: '2', fromLocationId: s.a01.id }],
    s.book.id,
  );
  await post(
    s.db,
    'entryFromAbroad',
    [{ bookLineId: s.wine.id, qty: '1200.75', toLocationId: s.a02.id }],
    s.book.id,
  );
  return { ...s, receiptId: receipt.movement.id, displayId: display.movement.id };
}

async function showStock(s: Seeded, language: 'zh-CN' | 'en' = 'zh-CN') {
  render(await withServices(s.db, language, <StockTab onGoToSetup={() => undefined} virtual={false} />));
  await screen.findByText('CPU-9000');
}

async function openHistory(gdsMtno: string) {
  await userEvent.click(screen.getByText(gdsMtno));
  return screen.findByRole('dialog');
}

/** antd gives every dialog the same label id under test, so a modal is found by its title text. */
async function modalTitled(title: string): Promise<HTMLElement> {
  const heading = await screen.findByText(title);
  return heading.closest('.ant-modal') as HTMLElement;
}

describe('the stock tab', { timeout: 180_000 }, () => {
  it('shows each line with its balances by custody, exactly, and follows new movements live', async () => {
    const s = await withStock();
    await showStock(s);
    const chip = cellsOf('CPU-9000');
    expect(chip.slice(0, 7)).toEqual([
      '1',
      'CPU-9000',
      '8542319000',
      '处理器集成电路',
      'BGA封装',
      '日本',
      '个',
    ]);
    expect(chip[column.zone]).toBe('86');
    expect(chip[column.display]).toBe('12');
    expect(chip[column.transit]).toBe('0');
    expect(chip[column.processing]).toBe('2');
    expect(chip[column.held]).toBe('100');
    expect(cellsOf('WINE-750')[column.held]).toBe('1,200.75');
    expect(cellsOf('SRV-2U')[column.held]).toBe('0');

    await act(() =>
      post(
        s.db,
        'exitAbroad',
        [{ bookLineId: s.chip.id, qty: '0.00001', fromLocationId: s.b01.id }],
        s.book.id,
      ),
    );
    await waitFor(() => expect(cellsOf('CPU-9000')[column.held]).toBe('99.99999'));
    expect(cellsOf('CPU-9000')[column.zone]).toBe('85.99999');
  });

  it('shows the in-zone figure by location on hover', async () => {
    const s = await withStock();
    await showStock(s, 'en');
    await userEvent.hover(screen.getByText('86'));
    const popup = await screen.findByText('In zone by location');
    const breakdown = popup.closest('.ant-popover') as HTMLElement;
    expect((await within(breakdown).findByText('A-01')).nextSibling?.textContent).toBe('55.5');
    expect(within(breakdown).getByText('B-01').nextSibling?.textContent).toBe('30.5');
  });

  it('narrows the lines by free text, HS chapter and custody, and says when nothing matches', async () => {
    const s = await withStock();
    await showStock(s);
    await userEvent.type(screen.getByRole('searchbox', { name: '料号、商品编码、商品名称或条码' }), 'srv');
    await waitFor(() => expect(screen.queryByText('CPU-9000')).toBeNull());
    expect(await screen.findByText('SRV-2U')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await screen.findByText('CPU-9000');
    await userEvent.type(screen.getByRole('textbox', { name: '商品编码章' }), '22');
    await waitFor(() => expect(screen.queryByText('CPU-9000')).toBeNull());
    expect(await screen.findByText('WINE-750')).toBeTruthy();

    await userEvent.clear(screen.getByRole('textbox', { name: '商品编码章' }));
    await userEvent.click(screen.getByRole('combobox', { name: '存放状态' }));
    await userEvent.click(await screen.findByTitle('展示中'));
    await waitFor(() => expect(screen.queryByText('WINE-750')).toBeNull());
    expect(await screen.findByText('CPU-9000')).toBeTruthy();

    await userEvent.click(screen.getByRole('searchbox', { name: '料号、商品编码、商品名称或条码' }));
    await userEvent.paste('nothing-like-this');
    expect(await screen.findByText('没有符合筛选条件的料件。')).toBeTruthy();
  });

  it('opens a line’s history with kinds, postings, counterparty and device sequence', async () => {
    const s = await withStock();
    await showStock(s);
    const drawer = await openHistory('CPU-9000');
    expect(within(drawer).getByText('备案序号 1 · CPU-9000')).toBeTruthy();
    const receipt = (await within(drawer).findByText('一线入区')).closest('tr') as HTMLElement;
    expect(await within(receipt).findByText('A-01')).toBeTruthy();
    expect(within(receipt).getByText('+100')).toBeTruthy();
    expect(within(receipt).getByText('待申报')).toBeTruthy();
    expect(within(receipt).getByText(/#1$/)).toBeTruthy();
    const relocation = within(drawer).getByText('库内移库').closest('tr') as HTMLElement;
    expect(within(relocation).getByText('−30.5')).toBeTruthy();
    expect(within(relocation).getByText('+30.5')).toBeTruthy();
    expect(within(relocation).getByText('B-01')).toBeTruthy();
    expect(within(relocation).getByText('无需申报')).toBeTruthy();
    const processing = within(drawer).getByText('外发加工/维修/检测(出区)').closest('tr') as HTMLElement;
    expect(within(processing).getByText('北京示例物流有限公司')).toBeTruthy();
    expect(within(processing).getByText('外发加工', { selector: '.zb-posting-account' })).toBeTruthy();
  });

  it('opens a line’s history from the keyboard', async () => {
    const s = await withStock();
    await showStock(s, 'en');
    const table = document.querySelector('.zb-stock-table') as HTMLElement;
    (within(table).getByText('WINE-750').closest('.ant-table-row') as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    const drawer = await screen.findByRole('dialog');
    expect(within(drawer).getByText('Line 3 · WINE-750')).toBeTruthy();
    expect(await within(drawer).findByText('+1,200.75')).toBeTruthy();
  });

  it('asks for a reason before reversing, then posts the reversal and the figures follow', async () => {
    const s = await withStock();
    await showStock(s);
    const drawer = await openHistory('CPU-9000');
    const displayRow = (await within(drawer).findByText('保税展示(出区)')).closest('tr') as HTMLElement;
    await userEvent.click(within(displayRow).getByRole('button', { name: reverseButton }));
    const modal = await modalTitled('冲销 2025-03-01 的保税展示(出区)');
    await userEvent.click(within(modal).getByRole('button', { name: '确认冲销' }));
    expect(await within(modal).findByText('请填写冲销原因')).toBeTruthy();
    expect(await s.db.journal.count()).toBe(5);

    await userEvent.click(within(modal).getByLabelText('冲销原因'));
    await userEvent.paste('展位取消，货未出区');
    await userEvent.click(within(modal).getByRole('button', { name: '确认冲销' }));
    await waitFor(() => expect(screen.queryByText('冲销 2025-03-01 的保税展示(出区)')).toBeNull());

    const reversal = (await within(drawer).findByText('冲销：保税展示(出区)')).closest('tr') as HTMLElement;
    expect(within(reversal).getByText('展位取消，货未出区')).toBeTruthy();
    expect(within(reversal).getByText('冲销', { selector: '.ant-tag' })).toBeTruthy();
    const original = within(drawer).getByText('保税展示(出区)').closest('tr') as HTMLElement;
    expect(within(original).getByText('已冲销')).toBeTruthy();
    expect(within(original).getByRole('button', { name: reverseButton })).toHaveProperty('disabled', true);
    expect(within(reversal).getByRole('button', { name: reverseButton })).toHaveProperty('disabled', true);
    await userEvent.hover(within(reversal).getByLabelText(/这本身就是一笔冲销/));
    expect(await screen.findByRole('tooltip')).toBeTruthy();

    await waitFor(() => expect(cellsOf('CPU-9000')[column.display]).toBe('0'));
    expect(cellsOf('CPU-9000')[column.zone]).toBe('98');
    expect(cellsOf('CPU-9000')[column.held]).toBe('100');
  });

  it('shows the store’s reason when it refuses a reversal, and changes nothing', async () => {
    const s = await withStock();
    await showStock(s, 'en');
    const drawer = await openHistory('CPU-9000');
    const receipt = (await within(drawer).findByText('Entry from abroad')).closest('tr') as HTMLElement;
    await userEvent.click(within(receipt).getByRole('button', { name: 'Reverse' }));
    const modal = await modalTitled('Reverse Entry from abroad of 2025-03-01');
    await userEvent.click(within(modal).getByLabelText('Reason'));
    await userEvent.paste('keyed twice');
    await userEvent.click(within(modal).getByRole('button', { name: 'Post reversal' }));
    const alert = await within(modal).findByRole('alert');
    expect(within(alert).getByText('Not enough stock to reverse this movement')).toBeTruthy();
    // The store's own words: which line, which location, how much is missing.
    expect(alert.textContent).toMatch(/#1 CPU-9000/);
    expect(alert.textContent).toMatch(/A-01/);
    expect(await s.db.journal.count()).toBe(5);
    expect(cellsOf('CPU-9000')[column.held]).toBe('100');
  });

  it('offers no reversal of a movement declared to customs, and says what to do instead', async () => {
    const s = await withStock();
    await s.db.journal.where('movementId').equals(s.receiptId).modify({ declareStatus: 'declared' });
    await showStock(s, 'en');
    const drawer = await openHistory('CPU-9000');
    const receipt = (await within(drawer).findByText('Entry from abroad')).closest('tr') as HTMLElement;
    expect(within(receipt).getByText('Declared')).toBeTruthy();
    expect(within(receipt).getByRole('button', { name: 'Reverse' })).toHaveProperty('disabled', true);
    expect(within(receipt).getByLabelText(/record a correcting movement instead/)).toBeTruthy();
  });

  it('says when there is no book yet and points to the set-up tab', async () => {
    const s = await seededStore();
    await s.db.books.clear();
    const goToSetup = vi.fn();
    render(await withServices(s.db, 'zh-CN', <StockTab onGoToSetup={goToSetup} virtual={false} />));
    expect(await screen.findByText('还没有账册。')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: '前往设置' }));
    expect(goToSetup).toHaveBeenCalled();
  });

  it('says when the book has no lines yet', async () => {
    const s = await seededStore();
    await s.db.bookLines.clear();
    render(await withServices(s.db, 'en', <StockTab onGoToSetup={() => undefined} virtual={false} />));
    expect(await screen.findByText('This book has no lines (备案序号) yet.')).toBeTruthy();
  });
});
