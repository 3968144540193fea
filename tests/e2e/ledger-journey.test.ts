import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import type { Browser, Locator, Page } from 'playwright-core';
import { createI18n } from '../../renderer/app/i18n';
import type { Language } from '../../shared/domain/settings';
import { sccdCheckCharacter } from '../../shared/domain';
import { kinds } from '../../shared/ledger';
import { launchChromium, startTestHost, watchErrors } from './support';
import { localizeDomainMessage } from '../../renderer/app/domain-messages';
import {
  buttonName,
  chooseKind,
  escapeRegExp,
  kindName,
  locationsKnown,
  posted,
  screenshot,
  settled,
  typeThen,
  waitForFocus,
} from './keyboard-journey';

/**
 * Issue 3's journey, as a warehouse worker does it on a fresh workstation: set up the enterprise, its
 * book and two locations; import three book lines from a CSV; receive, relocate and release goods from
 * the keyboard alone; check the stock by custody; reverse the relocation from the line's history; reload.
 * Run once in English and once in Chinese, with the app's own texts, so both UIs are walked and seen.
 */

const first17 = '91110105MA01E2E0X';
const sccd = `${first17}${sccdCheckCharacter(first17)}`;
const putrecNo = 'T0101W000123';
const item = 'ZB-E2E-001';
const barcode = '6901234500011';

const csv = [
  '备案序号,料号,商品编码,商品名称,规格型号,申报单位,法定单位,法定单位比例因子,原产国,币制,申报单价,条码',
  `1,${item},8471300000,便携式电脑,14英寸 16GB 512GB,001,001,1,502,502,899.00,${barcode}`,
  '2,ZB-E2E-002,8517130000,智能手机,128GB 黑色,001,001,1,133,502,299.99,6901234500028',
  '3,ZB-E2E-003,3304990099,护肤霜,50ml 瓶装,007,035,0.05,116,142,120.00,6901234500035',
].join('\r\n');

/** A validity that holds today, whenever the test runs: movements are dated today. */
const year = new Date().getFullYear();
const validFrom = `${year - 1}0101`;
const finishValidDate = `${year + 4}1231`;

let browser: Browser;
let csvPath: string;

beforeAll(async () => {
  browser = await launchChromium();
  const folder = await mkdtemp(join(tmpdir(), 'zb-e2e-csv-'));
  csvPath = join(folder, 'book-lines.csv');
  await writeFile(csvPath, `\uFEFF${csv}\r\n`, 'utf8');
});

afterAll(async () => {
  await browser?.close();
});

interface Journey {
  page: Page;
  t: TFunction;
  language: Language;
  shot: (name: string) => Promise<void>;
}

async function setUpBook({ page, t, shot }: Journey): Promise<void> {
  // A fresh workstation lands on the stock tab, which has no book to show and points to set-up.
  await page.getByText(t('inventory.stock.empty.noBook')).waitFor();
  await page.getByRole('button', { name: t('inventory.stock.empty.goToSetup') }).click();
  await page.getByText(t('inventory.setup.firstRun.title')).waitFor();
  await shot('first-run');
  await page.getByRole('button', { name: t('inventory.setup.firstRun.empty'), exact: true }).click();

  const enterprise = page.getByRole('form', { name: t('inventory.setup.enterprise.title') });
  const enterpriseField = (field: string) =>
    enterprise.getByLabel(`${t(`inventory.setup.enterprise.${field}`)} (${field})`, { exact: true });
  await enterpriseField('name').fill('北京天竺保税物流示范有限公司');
  await enterpriseField('sccd').fill(sccd);
  await enterpriseField('etpsno').fill('1101E12345');
  await enterprise.getByRole('button', { name: t('inventory.setup.enterprise.save') }).click();

  const book = page.getByRole('form', { name: t('inventory.setup.book.title') });
  const bookField = (field: string) =>
    book.getByLabel(`${t(`inventory.setup.book.${field}`)} (${field})`, { exact: true });
  await bookField('putrecNo').waitFor();
  await bookField('putrecNo').fill(putrecNo);
  await bookField('name').fill('E2E 保税仓');
  // The book type is preset to Z (综合保税区); the master customs office is typed, as its code.
  await bookField('masterCuscd').fill('0101');
  await bookField('masterCuscd').press('Escape');
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
  await bookField('validFrom').fill(validFrom);
  await bookField('finishValidDate').fill(finishValidDate);
  await shot('setup-filled');
  await book.getByRole('button', { name: t('inventory.setup.book.save') }).click();

  const locations = page.getByRole('form', { name: t('inventory.setup.locations.title') });
  await locations.waitFor();
  // Locations one after another from the keyboard: code, Tab, name, Enter; the code field is ready again.
  const code = locations.getByLabel(`${t('inventory.setup.locations.code')} (code)`);
  await code.focus();
  for (const [locationCode, locationName] of [
    ['A-01', 'Bay A, shelf 01'],
    ['A-02', 'Bay A, shelf 02'],
  ] as const) {
    await page.waitForFunction(() => document.activeElement?.id === 'location_code');
    await page.keyboard.type(locationCode);
    await page.keyboard.press('Tab');
    await page.keyboard.type(locationName);
    await page.keyboard.press('Enter');
    await page.getByRole('cell', { name: locationCode, exact: true }).waitFor();
  }
  await page.waitForFunction(() => document.activeElement?.id === 'location_code');
  expect(await locations.locator('.ant-form-item-explain-error').count()).toBe(0);
  await page.getByRole('combobox', { name: t('book.current') }).waitFor();
  await shot('setup-done');
}

async function importLines({ page, t, shot }: Journey): Promise<void> {
  await page.getByRole('tab', { name: t('inventory.tabs.import') }).click();
  await page.getByText(t('inventory.import.linesIntro', { putrecNo })).waitFor();
  await page.locator('input[type=file]').setInputFiles(csvPath);
  const summary = page.getByTestId('import-summary');
  await expect
    .poll(() => summary.textContent(), settled)
    .toBe(t('inventory.import.summaryGood', { count: 3 }));
  const preview = page.locator('.ant-table-tbody');
  await expect
    .poll(() => preview.getByText(t('inventory.import.statusNew'), { exact: true }).count(), settled)
    .toBe(3);
  await shot('import-preview');
  await page.getByRole('button', { name: t('inventory.import.linesImport', { count: 3, putrecNo }) }).click();
  await page
    .getByText(t('inventory.import.linesDone', { count: 3, putrecNo, file: 'book-lines.csv' }))
    .waitFor();
  await shot('import-done');
}

async function logMovements(journey: Journey): Promise<void> {
  const { page, t, shot } = journey;
  await page.getByRole('menuitem', { name: t('nav.movements') }).click();
  // The form opens on the scan field with "Entry from abroad" chosen: a receipt needs no mouse at all.
  await waitForFocus(page, 'lines[0].scan');
  await page
    .getByRole('button', { name: t('movements.post', { kind: kindName(journey, 'entryFromAbroad') }) })
    .waitFor();
  await locationsKnown(journey, 'A-01');

  // Receive 100 from abroad into A-01: Enter walks scan → quantity → to location → note; Enter posts.
  await typeThen(page, 'lines[0].scan', item, 'Enter');
  await typeThen(page, 'lines[0].qty', '100', 'Enter');
  await typeThen(page, 'lines[0].to', 'A-01', 'Enter');
  await typeThen(page, 'note', 'B/L COSU6300123', 'Enter');
  await posted(journey, 'entryFromAbroad', `#1 ${item} × 100`);
  await shot('movement-received');

  // Relocate 30 from A-01 to A-02; Ctrl+Enter posts from the last location.
  await chooseKind(journey, 'relocate', journey.language === 'zh-CN' ? '移库' : 'Relocation');
  await typeThen(page, 'lines[0].scan', item, 'Enter');
  await typeThen(page, 'lines[0].qty', '30', 'Enter');
  await typeThen(page, 'lines[0].from', 'A-01', 'Enter');
  await typeThen(page, 'lines[0].to', 'A-02', 'Control+Enter');
  await posted(journey, 'relocate', `#1 ${item} × 30`);
  await page.getByRole('cell', { name: `#1 ${item} × 30 (A-01 → A-02)`, exact: true }).waitFor();

  // Release 20 to the domestic market from A-01, scanning the barcode this time. Posting without the
  // counterparty is refused on that field, which gets the focus, so the worker types it and posts again.
  await chooseKind(journey, 'releaseDomestic', journey.language === 'zh-CN' ? '二线出区' : 'Release');
  await typeThen(page, 'lines[0].scan', barcode, 'Enter');
  await typeThen(page, 'lines[0].qty', '20', 'Enter');
  await typeThen(page, 'lines[0].from', 'A-01', 'Control+Enter');
  await waitForFocus(page, 'counterparty.name');
  // The message the ledger gives, as the form shows it in this language.
  const needsCounterparty = localizeDomainMessage(
    `${kinds.releaseDomestic.nameEn} (releaseDomestic) needs the counterparty (counterparty.name)`,
    journey.language,
  );
  await page.getByText(needsCounterparty).waitFor();
  await shot('movement-needs-counterparty');
  await typeThen(page, 'counterparty.name', '北京国贸商城有限公司', 'Control+Enter');
  await posted(journey, 'releaseDomestic', `#1 ${item} × 20`);
  await shot('movement-released');
}

/** "label → figure" of the balance block in a line's drawer, e.g. { A-01: '50', A-02: '30', Total held: '80' }. */
function drawerBalances(drawer: Locator, t: TFunction): Promise<Record<string, string>> {
  return drawer
    .getByRole('heading', { name: t('inventory.stock.drawer.balances') })
    .locator('xpath=following-sibling::*[1]')
    .evaluate((block) => {
      const pairs = [...block.querySelectorAll('.zb-qty')].map((qty) => [
        qty.previousElementSibling?.textContent?.trim() ?? '',
        qty.textContent ?? '',
      ]);
      return Object.fromEntries(pairs) as Record<string, string>;
    });
}

/** The stock row of the line: its in-zone and total-held figures. */
async function stockRow(page: Page): Promise<Locator> {
  const row = page.locator('.zb-stock-row').filter({ hasText: item });
  await row.waitFor();
  return row;
}

async function rowFigures(page: Page, t: TFunction): Promise<{ zone: string; held: string }> {
  const row = await stockRow(page);
  const headers = await page.locator('.zb-stock-table thead th').allTextContents();
  // A virtual table: its body rows are divs of cells in the order of the header's columns.
  const cells = await row.locator('.ant-table-cell').allTextContents();
  return {
    zone: cells[headers.indexOf(t('inventory.stock.columns.zone'))] ?? '',
    held: cells[headers.indexOf(t('inventory.stock.columns.held'))] ?? '',
  };
}

/** Opens the line's history from the keyboard: the stock row takes the focus, Enter opens it. */
async function openLine(page: Page, t: TFunction): Promise<Locator> {
  const row = await stockRow(page);
  await row.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', {
    name: t('inventory.stock.drawer.title', { gdsSeqno: 1, gdsMtno: item }),
  });
  await drawer.waitFor();
  return drawer;
}

async function checkAndReverse(journey: Journey): Promise<void> {
  const { page, t, shot } = journey;
  const held = t('inventory.stock.columns.held');
  await page.getByRole('menuitem', { name: t('nav.inventory') }).click();
  await page.getByRole('tab', { name: t('inventory.tabs.stock'), selected: true }).waitFor();
  await expect.poll(() => rowFigures(page, t), settled).toEqual({ zone: '80', held: '80' });
  await shot('stock-before-reversal');

  let drawer = await openLine(page, t);
  await expect
    .poll(() => drawerBalances(drawer, t), settled)
    .toEqual({ 'A-01': '50', 'A-02': '30', [held]: '80' });
  await shot('history-before-reversal');

  const relocation = drawer.getByRole('row').filter({ hasText: kindName(journey, 'relocate') });
  await relocation.getByRole('button', { name: buttonName(t('inventory.stock.history.reverse')) }).click();
  const title = t('inventory.stock.reverse.title', { kind: kindName(journey, 'relocate'), date: '@date@' });
  const modal = page.getByRole('dialog', {
    name: new RegExp(`^${escapeRegExp(title).replace('@date@', String.raw`\d{4}-\d{2}-\d{2}`)}$`),
  });
  await modal.waitFor();
  await page.keyboard.type(journey.language === 'zh-CN' ? '扫错库位' : 'Wrong location scanned');
  await shot('reversal-reason');
  await modal.getByRole('button', { name: buttonName(t('inventory.stock.reverse.submit')) }).click();
  await modal.waitFor({ state: 'hidden' });

  await expect.poll(() => drawerBalances(drawer, t), settled).toEqual({ 'A-01': '80', [held]: '80' });
  await drawer
    .getByText(t('inventory.stock.history.reversalOfKind', { kind: kindName(journey, 'relocate') }))
    .waitFor();
  await shot('history-after-reversal');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  await expect.poll(() => rowFigures(page, t), settled).toEqual({ zone: '80', held: '80' });

  // After a reload the same figures come back from the store, not from anything kept in memory.
  await page.reload();
  await expect.poll(() => rowFigures(page, t), settled).toEqual({ zone: '80', held: '80' });
  drawer = await openLine(page, t);
  await expect.poll(() => drawerBalances(drawer, t), settled).toEqual({ 'A-01': '80', [held]: '80' });
  await shot('history-after-reload');
}

describe('the bonded ledger journey in Chromium', () => {
  for (const [locale, language] of [
    ['en-US', 'en'],
    ['zh-CN', 'zh-CN'],
  ] as const) {
    it(`sets up a book, imports three lines, receives, relocates, releases and reverses — ${locale}`, async () => {
      const { host } = await startTestHost();
      const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        const i18n = await createI18n(language);
        const journey: Journey = {
          page,
          t: i18n.t,
          language,
          shot: (name) => screenshot(page, `ledger-${language}-${name}`),
        };
        await page.goto(host.url);
        await setUpBook(journey);
        await importLines(journey);
        await logMovements(journey);
        await checkAndReverse(journey);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        await host.close();
      }
    });
  }
});
