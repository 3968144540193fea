import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { createI18n } from '../../renderer/app/i18n';
import { sccdCheckCharacter } from '../../shared/domain';
import type { Language } from '../../shared/domain/settings';
import { launchChromium, startTestHost, watchErrors } from './support';
import {
  buttonName,
  chooseKind,
  locationsKnown,
  posted,
  screenshot,
  settled,
  typeThen,
} from './keyboard-journey';

/**
 * Issue 4's journey, as the compliance officer lives it with the embedded sandbox customs. The network
 * drops (the browser context goes offline, so the sync engine is told OFFLINE and nothing reaches the
 * endpoint); goods are received from abroad and shipped abroad, and the Declarations screen shows their
 * documents waiting. The network comes back: the documents go out and customs answers. The shipment's
 * list went out before customs had posted the goods coming in, so customs refuses it (退单: its book is
 * short); the receipt is posted, and the officer re-declares the shipment from the workbench under the
 * same number, and watches it posted. Run in English and in Chinese; every screenshot is looked at.
 */

const first17 = '91110105MA01E2E4D';
const sccd = `${first17}${sccdCheckCharacter(first17)}`;
const putrecNo = 'T0101W000404';
const item = 'ZB-DECL-001';

const csv = [
  '备案序号,料号,商品编码,商品名称,规格型号,申报单位,法定单位,法定单位比例因子,原产国,币制,申报单价,条码',
  `1,${item},8471300000,便携式电脑,14英寸 16GB 512GB,001,001,1,502,502,899.00,6901234500400`,
].join('\r\n');

const year = new Date().getFullYear();
/** Long enough for customs' answers through the folder sandbox and the renderer's 2-second receipt poll. */
const customsTimeout = 60_000;

let browser: Browser;
let csvPath: string;

beforeAll(async () => {
  browser = await launchChromium();
  const folder = await mkdtemp(join(tmpdir(), 'zb-e2e-decl-'));
  csvPath = join(folder, 'book-lines.csv');
  await writeFile(csvPath, `\uFEFF${csv}\r\n`, 'utf8');
});

afterAll(async () => {
  await browser?.close();
});

interface Journey {
  page: Page;
  context: BrowserContext;
  t: TFunction;
  language: Language;
  shot: (name: string) => Promise<void>;
}

/** An enterprise, its book, one location and one book line from a CSV: the least a declaration needs. */
async function setUpBook({ page, t }: Journey): Promise<void> {
  await page.getByRole('button', { name: t('inventory.stock.empty.goToSetup') }).click();
  await page.getByRole('button', { name: t('inventory.setup.firstRun.empty'), exact: true }).click();
  const enterprise = page.getByRole('form', { name: t('inventory.setup.enterprise.title') });
  const enterpriseField = (field: string) =>
    enterprise.getByLabel(`${t(`inventory.setup.enterprise.${field}`)} (${field})`, { exact: true });
  await enterpriseField('name').fill('北京天竺保税申报示范有限公司');
  await enterpriseField('sccd').fill(sccd);
  await enterpriseField('etpsno').fill('1101E40404');
  await enterprise.getByRole('button', { name: t('inventory.setup.enterprise.save') }).click();

  const book = page.getByRole('form', { name: t('inventory.setup.book.title') });
  const bookField = (field: string) =>
    book.getByLabel(`${t(`inventory.setup.book.${field}`)} (${field})`, { exact: true });
  await bookField('putrecNo').waitFor();
  await bookField('putrecNo').fill(putrecNo);
  await bookField('masterCuscd').fill('0101');
  await bookField('masterCuscd').press('Escape');
  await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
  await bookField('validFrom').fill(`${year - 1}0101`);
  await bookField('finishValidDate').fill(`${year + 4}1231`);
  await book.getByRole('button', { name: t('inventory.setup.book.save') }).click();

  const locations = page.getByRole('form', { name: t('inventory.setup.locations.title') });
  await locations.waitFor();
  await locations.getByLabel(`${t('inventory.setup.locations.code')} (code)`).fill('A-01');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Bay A, shelf 01');
  await page.keyboard.press('Enter');
  await page.getByRole('cell', { name: 'A-01', exact: true }).waitFor();

  await page.getByRole('tab', { name: t('inventory.tabs.import') }).click();
  await page.getByText(t('inventory.import.linesIntro', { putrecNo })).waitFor();
  await page.locator('input[type=file]').setInputFiles(csvPath);
  await page.getByTestId('import-summary').waitFor();
  await page.getByRole('button', { name: t('inventory.import.linesImport', { count: 1, putrecNo }) }).click();
  await page
    .getByText(t('inventory.import.linesDone', { count: 1, putrecNo, file: 'book-lines.csv' }))
    .waitFor();
}

/** Receives 100 from abroad and ships 20 abroad, from the keyboard, with the network down. */
async function logMovements(journey: Journey): Promise<void> {
  const { page, t } = journey;
  await page.getByRole('menuitem', { name: t('nav.movements') }).click();
  await locationsKnown(journey, 'A-01');
  await typeThen(page, 'lines[0].scan', item, 'Enter');
  await typeThen(page, 'lines[0].qty', '100', 'Enter');
  await typeThen(page, 'lines[0].to', 'A-01', 'Control+Enter');
  await posted(journey, 'entryFromAbroad', `#1 ${item} × 100`);

  await chooseKind(journey, 'exitAbroad', journey.language === 'zh-CN' ? '一线出' : 'Exit abroad');
  await typeThen(page, 'lines[0].scan', item, 'Enter');
  await typeThen(page, 'lines[0].qty', '20', 'Enter');
  await typeThen(page, 'lines[0].from', 'A-01', 'Control+Enter');
  await posted(journey, 'exitAbroad', `#1 ${item} × 20`);
}

/** The count on a status segment of the Declarations screen. */
function countOf(page: Page, filter: string): Promise<string> {
  return page.locator(`[data-filter="${filter}"] .zb-decl-count`).innerText();
}

/** The status of the document shown in the row, as its tag's data-status says. */
async function statusOf(page: Page, number: string): Promise<string | null> {
  const tag = page.locator(`.zb-decl-row[data-number="${number}"] [data-status]`);
  return (await tag.count()) ? tag.getAttribute('data-status') : null;
}

/** The enterprise-internal numbers of the lists, in and out: the table's rows read from the screen. */
async function listNumbers(page: Page, t: TFunction): Promise<{ in: string; out: string }> {
  const number = async (direction: 'I' | 'E') =>
    (await page
      .locator('.zb-decl-row')
      .filter({ hasText: t('declarations.messageType.INV101') })
      .filter({ hasText: t(`declarations.direction.${direction}`) })
      .getAttribute('data-number')) ?? '';
  return { in: await number('I'), out: await number('E') };
}

async function seeThemWaiting(journey: Journey): Promise<{ in: string; out: string }> {
  const { page, t, shot } = journey;
  await page.getByRole('menuitem', { name: t('nav.declarations') }).click();
  // Offline, a pass still batches: two lists, each with a gate pass waiting for the list's number.
  await expect.poll(() => countOf(page, 'waiting'), settled).toBe('4');
  await expect.poll(() => countOf(page, 'sent'), settled).toBe('0');
  await page.getByTestId('sync-status').getByText(t('status.offline')).waitFor();
  await expect
    .poll(() => page.getByTestId('sync-pending').innerText(), settled)
    .toBe(t('status.pending', { count: 2 }));
  const numbers = await listNumbers(page, t);
  await expect.poll(() => statusOf(page, numbers.in), settled).toBe('queued');
  await expect.poll(() => statusOf(page, numbers.out), settled).toBe('queued');
  await page.getByText(t('declarations.batching.title')).click();
  await page.locator('.zb-decl-policy').waitFor();
  await shot('offline-waiting');
  await page.getByText(t('declarations.batching.title')).click();
  return numbers;
}

async function watchThemDeclared(journey: Journey, numbers: { in: string; out: string }): Promise<void> {
  const { page, context, shot } = journey;
  await context.setOffline(false);
  // The goods coming in are declared, pass the gate and are posted in customs' book (INV211)…
  await expect.poll(() => statusOf(page, numbers.in), { timeout: customsTimeout }).toBe('posted');
  // …but the shipment's list reached customs before that posting, and customs' book was short: 退单.
  await expect.poll(() => statusOf(page, numbers.out), { timeout: customsTimeout }).toBe('rejected');
  await expect.poll(() => countOf(page, 'rejected'), settled).toBe('1');
  await shot('declared-and-rejected');

  // Customs' book says 100, ours 80: the shipment, declared but not posted, accounts for the difference.
  await page.getByRole('tab', { name: journey.t('declarations.tabs.reconciliation') }).click();
  const row = page.locator('.zb-recon-row-awaitingPosting').filter({ hasText: item });
  await row.waitFor();
  await expect
    .poll(async () => (await row.locator('.zb-qty').allInnerTexts()).slice(0, 4), settled)
    .toEqual(['80', '100', '100', '-20']);
  await shot('reconciliation-difference');
  await page.getByRole('tab', { name: journey.t('declarations.tabs.documents') }).click();
}

async function fixInWorkbench(journey: Journey, numbers: { in: string; out: string }): Promise<void> {
  const { page, t, shot } = journey;
  await page.getByRole('tab', { name: t('declarations.tabs.workbench', { count: 1 }) }).click();
  const card = page.locator(`.zb-decl-problem[data-number="${numbers.out}"]`);
  await card.waitFor();
  // Customs' own words: the line, what was declared, what its book held.
  await card.locator('.zb-decl-reasons li').first().waitFor();
  await expect.poll(() => card.locator('.zb-decl-reasons').innerText(), settled).toMatch(/第1项/);
  await card.getByText(t('declarations.workbench.linesConcerned')).waitFor();
  await shot('workbench-rejected');

  await card.getByRole('button', { name: buttonName(t('declarations.workbench.redeclare')) }).click();
  const modal = page.getByRole('dialog', {
    name: t('declarations.redeclare.title', { number: numbers.out }),
  });
  await modal.waitFor();
  await modal.getByText(t('declarations.redeclare.sameNumber', { number: numbers.out })).waitFor();
  await modal
    .getByRole('textbox')
    .fill(
      journey.language === 'zh-CN' ? '进区货物已核扣入账，重新申报' : 'Goods in now posted; declared again',
    );
  await shot('redeclare');
  await modal.getByRole('button', { name: buttonName(t('declarations.redeclare.submit')) }).click();
  await modal.waitFor({ state: 'hidden' });
  await page.getByText(t('declarations.workbench.empty')).waitFor();

  await page.getByRole('tab', { name: t('declarations.tabs.documents') }).click();
  // The same number, now approved, through the gate and posted.
  await expect.poll(() => statusOf(page, numbers.out), { timeout: customsTimeout }).toBe('posted');
  // Both lists posted, both gate passes through the gate.
  await expect.poll(() => countOf(page, 'posted'), settled).toBe('2');
  await expect.poll(() => countOf(page, 'gatePassed'), settled).toBe('2');
  await shot('all-posted');
}

/** The shipment's detail: its XML as sent and a timeline that tells the whole story. */
async function checkDetail(journey: Journey, numbers: { in: string; out: string }): Promise<Locator> {
  const { page, t, shot } = journey;
  const row = page.locator(`.zb-decl-row[data-number="${numbers.out}"]`);
  await row.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', {
    name: t('declarations.detail.title', { type: t('declarations.messageType.INV101'), number: numbers.out }),
  });
  await drawer.waitFor();
  const xml = drawer.locator('.zb-xml-text').first();
  await expect
    .poll(() => xml.innerText(), settled)
    .toContain(`<EtpsInnerInvtNo>${numbers.out}</EtpsInnerInvtNo>`);
  const timeline = drawer.locator('.zb-decl-timeline');
  await timeline.getByText(t('declarations.events.redeclared'), { exact: true }).waitFor();
  await expect.poll(() => timeline.innerText(), settled).toMatch(/INV201 · rejected/);
  await expect.poll(() => timeline.innerText(), settled).toMatch(/INV211 · posted/);
  await shot('detail');
  await timeline.scrollIntoViewIfNeeded();
  await shot('detail-timeline');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
  return drawer;
}

async function reconcile(journey: Journey): Promise<void> {
  const { page, t, shot } = journey;
  await page.getByRole('tab', { name: t('declarations.tabs.reconciliation') }).click();
  const row = page.locator('.zb-recon tbody tr').filter({ hasText: item });
  await row.waitFor();
  // 100 in, 20 out: ours, customs' pre-posted and customs' posted all say 80.
  await expect
    .poll(async () => (await row.locator('.zb-qty').allInnerTexts()).slice(0, 3), settled)
    .toEqual(['80', '80', '80']);
  await row.getByText(t('declarations.reconciliation.explanation.matched')).waitFor();
  await shot('reconciled');
}

describe('the declarations journey in Chromium', () => {
  for (const [locale, language] of [
    ['en-US', 'en'],
    ['zh-CN', 'zh-CN'],
  ] as const) {
    it(`declares offline movements once online, and re-declares a 退单 from the workbench — ${locale}`, async () => {
      const { host } = await startTestHost();
      const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
      try {
        const page = await context.newPage();
        const errors = watchErrors(page);
        const i18n = await createI18n(language);
        const journey: Journey = {
          page,
          context,
          t: i18n.t,
          language,
          shot: (name) => screenshot(page, `declarations-${language}-${name}`),
        };
        await page.goto(host.url);
        await setUpBook(journey);
        await context.setOffline(true);
        await page.getByTestId('sync-status').getByText(journey.t('status.offline')).waitFor();
        await logMovements(journey);
        const numbers = await seeThemWaiting(journey);
        await watchThemDeclared(journey, numbers);
        await fixInWorkbench(journey, numbers);
        await checkDetail(journey, numbers);
        await reconcile(journey);
        // Offline, the receipt poll's requests to the host fail as a browser fails them; nothing else may.
        expect(errors.filter((error) => !/ERR_INTERNET_DISCONNECTED/.test(error))).toEqual([]);
      } finally {
        await context.close();
        await host.close();
      }
    });
  }
});
