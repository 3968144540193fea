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
 * Issue 4's journey, as the compliance officer lives it with the embedded sandbox customs. The network
 * drops (the browser context goes offline, so the sync engine is told OFFLINE and nothing reaches the
 * endpoint); goods are received from abroad and shipped abroad, and the Declarations screen shows the
 * receipt's documents waiting and the shipment held back, with the reason: customs' book holds none of
 * the goods yet, so customs would refuse (退单) an exit list now. The network comes back: the receipt is
 * declared — but the receipt also brings tablets whose 规格型号 is a free description, not the declaration
 * elements, so customs refuses the list (退单) and the workbench shows why and which line. The officer
 * corrects the 规格型号 there and re-declares the list under its same number; customs approves it, it
 * passes the gate and is posted in customs' book (INV211); only then is the shipment declared, and it is
 * posted too. The details tell both lists' stories, and our book matches customs'. Run in English and in
 * Chinese; every screenshot is looked at.
 */

const first17 = '91110105MA01E2E4D';
const sccd = `${first17}${sccdCheckCharacter(first17)}`;
const putrecNo = 'T0101W000404';
const item = 'ZB-DECL-001';
/** A book line whose 规格型号 is a free description: customs refuses a list declaring it as it is. */
const tablet = 'ZB-DECL-002';
const tabletSpec = '10英寸 平板';
const tabletElements = '0|0|华为|MatePad 11';

const csv = [
  '备案序号,料号,商品编码,商品名称,规格型号,申报单位,法定单位,法定单位比例因子,原产国,币制,申报单价,条码',
  `1,${item},8471300000,便携式电脑,0|0|联想|ThinkPad X1 14英寸,001,001,1,502,502,899.00,6901234500400`,
  `2,${tablet},8471300000,平板电脑,${tabletSpec},001,001,1,142,502,299.00,6901234500417`,
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

/** An enterprise, its book, one location and two book lines from a CSV. */
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
  await page.getByRole('button', { name: t('inventory.import.linesImport', { count: 2, putrecNo }) }).click();
  await page
    .getByText(t('inventory.import.linesDone', { count: 2, putrecNo, file: 'book-lines.csv' }))
    .waitFor();
}

/** Receives 100 laptops and 10 tablets from abroad and ships 20 laptops abroad, from the keyboard, offline. */
async function logMovements(journey: Journey): Promise<void> {
  const { page, t } = journey;
  await page.getByRole('menuitem', { name: t('nav.movements') }).click();
  await locationsKnown(journey, 'A-01');
  await typeThen(page, 'lines[0].scan', item, 'Enter');
  await typeThen(page, 'lines[0].qty', '100', 'Enter');
  // One receipt of both goods (Alt+N adds its second line), so one list declares them together.
  await typeThen(page, 'lines[0].to', 'A-01', 'Alt+N');
  await typeThen(page, 'lines[1].scan', tablet, 'Enter');
  await typeThen(page, 'lines[1].qty', '10', 'Enter');
  await waitForFocus(page, 'lines[1].to');
  // The new line may offer the first line's location already: replace whatever it holds.
  await page.keyboard.press('Control+A');
  await typeThen(page, 'lines[1].to', 'A-01', 'Control+Enter');
  await posted(journey, 'entryFromAbroad', `#1 ${item} × 100, #2 ${tablet} × 10`);

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

/** The enterprise-internal numbers of the lists, in and out (empty while there is none): the table's rows. */
async function listNumbers(page: Page, t: TFunction): Promise<{ in: string; out: string }> {
  const number = async (direction: 'I' | 'E') => {
    const row = page
      .locator('.zb-decl-row')
      .filter({ hasText: t('declarations.messageType.INV101') })
      .filter({ hasText: t(`declarations.direction.${direction}`) });
    return (await row.count()) ? ((await row.getAttribute('data-number')) ?? '') : '';
  };
  return { in: await number('I'), out: await number('E') };
}

/** The movements held back from batching, as the Declarations screen lists them with their reasons. */
const held = (page: Page) => page.getByTestId('held-movements');

/** The row statuses of both lists, read from the screen at one instant. */
function listStatuses(page: Page, t: TFunction): Promise<{ in: string | null; out: string | null }> {
  const list = t('declarations.messageType.INV101');
  const [inbound, outbound] = [t('declarations.direction.I'), t('declarations.direction.E')];
  return page.evaluate(
    ({ list, inbound, outbound }) => {
      const statusOf = (direction: string) => {
        const row = [...document.querySelectorAll('.zb-decl-row')].find(
          (candidate) => candidate.textContent?.includes(list) && candidate.textContent.includes(direction),
        );
        return row?.querySelector('[data-status]')?.getAttribute('data-status') ?? null;
      };
      return { in: statusOf(inbound), out: statusOf(outbound) };
    },
    { list, inbound, outbound },
  );
}

/** Offline: the receipt's list and gate pass wait to be sent; the shipment stays pending, saying why. */
async function seeThemWaiting(journey: Journey): Promise<string> {
  const { page, t, shot } = journey;
  await page.getByRole('menuitem', { name: t('nav.declarations') }).click();
  // Offline, a pass still batches the receipt: its list, and a gate pass waiting for the list's number.
  await expect.poll(() => countOf(page, 'waiting'), settled).toBe('2');
  await expect.poll(() => countOf(page, 'all'), settled).toBe('2');
  await expect.poll(() => countOf(page, 'sent'), settled).toBe('0');
  await page.getByTestId('sync-status').getByText(t('status.offline')).waitFor();
  await expect
    .poll(() => page.getByTestId('sync-pending').innerText(), settled)
    .toBe(t('status.pending', { count: 1 }));
  const numbers = await listNumbers(page, t);
  expect(numbers.out).toBe('');
  await expect.poll(() => statusOf(page, numbers.in), settled).toBe('queued');

  // The shipment is not batched: customs' book has none of the goods, so its list would be refused.
  await expect
    .poll(() => held(page).innerText(), settled)
    .toContain(t('declarations.batching.held', { count: 1 }));
  const reason = held(page).locator('li');
  await expect.poll(() => reason.count(), settled).toBe(1);
  const text = await reason.innerText();
  expect(text).toContain(kindName(journey, 'exitAbroad'));
  expect(text).toContain(t('declarations.batching.holdCode.awaitingInboundPosting'));
  expect(text).toContain(
    t('declarations.batching.shortfall', {
      gdsSeqno: 1,
      gdsMtno: item,
      needed: '20',
      allowed: '0',
      posted: '0',
      source: t('declarations.batching.postedFrom.ownBook'),
      declaredOut: '0',
      earlierPending: '0',
    }),
  );
  await reason.waitFor({ state: 'visible' });
  await shot('offline-held');
  return numbers.in;
}

/**
 * Online: the receipt's list is refused (退单) for the tablets' 规格型号, fixed in the workbench and
 * re-declared, then posted (INV211); only then is the shipment declared and posted. Every reading along
 * the way is kept, to check that the shipment's list never appeared before the receipt's list was posted.
 */
async function watchThemDeclared(journey: Journey, inNumber: string): Promise<{ in: string; out: string }> {
  const { page, context, t, shot } = journey;
  await context.setOffline(false);
  const readings: Array<{ in: string | null; out: string | null }> = [];
  const read = async () => {
    const reading = await listStatuses(page, t);
    readings.push(reading);
    return reading;
  };
  // The goods coming in are declared, and customs refuses the list for the tablets' description…
  await expect.poll(async () => (await read()).in, { timeout: customsTimeout }).toBe('rejected');
  await fixInWorkbench(journey, inNumber);
  // …the fixed list passes the gate and is posted in customs' book (INV211)…
  await expect.poll(async () => (await read()).in, { timeout: customsTimeout }).toBe('posted');
  // …and then the shipment is declared, passes the gate and is posted too.
  await expect.poll(async () => (await read()).out, { timeout: customsTimeout }).toBe('posted');
  const early = readings.filter((reading) => reading.out !== null && reading.in !== 'posted');
  expect(early).toEqual([]);
  expect(readings.some((reading) => reading.in !== 'posted')).toBe(true);

  const numbers = await listNumbers(page, t);
  expect(numbers.in).toBe(inNumber);
  expect(numbers.out).toMatch(/\S/);
  // Both lists posted, both gate passes through the gate, nothing held, nothing refused.
  await expect.poll(() => countOf(page, 'posted'), settled).toBe('2');
  await expect.poll(() => countOf(page, 'gatePassed'), settled).toBe('2');
  await expect.poll(() => countOf(page, 'rejected'), settled).toBe('0');
  await page.getByText(t('declarations.batching.nothingHeld')).waitFor();
  await expect.poll(() => held(page).count(), settled).toBe(0);
  await shot('all-posted');

  await page.getByRole('tab', { name: t('declarations.tabs.workbench', { count: 0 }) }).click();
  await page.getByText(t('declarations.workbench.empty')).waitFor();
  await page.getByRole('tab', { name: t('declarations.tabs.documents') }).click();
  return numbers;
}

/** The field of a line in the fix dialog, by the label the dialog gives it. */
const fixField = (journey: Journey, dialog: Locator, field: string) =>
  dialog
    .locator('.zb-decl-fix-line')
    .filter({ hasText: tablet })
    .getByRole('textbox', {
      name: new RegExp(escapeRegExp(`${journey.t(`declarations.redeclare.${field}`)} (${field})`)),
    });

/**
 * The workbench shows customs' reason and the line it names; the officer corrects the tablets' 规格型号
 * to the declaration elements and re-declares the list under its same number.
 */
async function fixInWorkbench(journey: Journey, inNumber: string): Promise<void> {
  const { page, t, shot } = journey;
  await page.getByRole('tab', { name: t('declarations.tabs.workbench', { count: 1 }) }).click();
  const card = page.locator(`.zb-decl-problem[data-number="${inNumber}"]`);
  await card.waitFor();
  // Customs' words, naming the line, its 备案序号 and the field; the line concerned is the tablets' only.
  const reason = card.locator('.zb-decl-reasons li');
  await expect.poll(() => reason.count(), settled).toBe(1);
  const text = await reason.innerText();
  expect(text).toMatch(
    new RegExp(`^第\\d+项\\(${tablet}，备案序号 2\\)：规格型号“${tabletSpec}”未按申报要素申报`),
  );
  await card.getByText(t('declarations.workbench.linesConcerned')).waitFor();
  const concerned = card.locator('.ant-table-tbody tr.ant-table-row');
  await expect.poll(() => concerned.allInnerTexts(), settled).toEqual([expect.stringContaining(tablet)]);
  await shot('workbench-rejected');

  await card.getByRole('button', { name: buttonName(t('declarations.workbench.redeclare')) }).click();
  const dialog = page.getByRole('dialog', { name: t('declarations.redeclare.title', { number: inNumber }) });
  await dialog.waitFor();
  await dialog.getByText(t('declarations.redeclare.lockedWhy')).waitFor();
  const spec = fixField(journey, dialog, 'gdsSpcfModelDesc');
  await expect.poll(() => spec.inputValue(), settled).toBe(tabletSpec);
  await spec.fill(tabletElements);
  await shot('workbench-fix');
  await dialog.getByRole('button', { name: buttonName(t('declarations.redeclare.submit')) }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(t('declarations.workbench.empty')).waitFor();
  await shot('workbench-fixed');
  await page.getByRole('tab', { name: t('declarations.tabs.documents') }).click();
}

/** The receipt's detail: the same number, customs' 退单, the re-declaration and the fixed 规格型号 as sent. */
async function checkFixedDetail(journey: Journey, inNumber: string): Promise<void> {
  const { page, t, shot } = journey;
  const row = page.locator(`.zb-decl-row[data-number="${inNumber}"]`);
  await row.focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', {
    name: t('declarations.detail.title', { type: t('declarations.messageType.INV101'), number: inNumber }),
  });
  await drawer.waitFor();
  const xml = drawer.locator('.zb-xml-text').first();
  await expect
    .poll(() => xml.innerText(), settled)
    .toContain(`<GdsSpcfModelDesc>${tabletElements}</GdsSpcfModelDesc>`);
  expect(await xml.innerText()).toContain(`<EtpsInnerInvtNo>${inNumber}</EtpsInnerInvtNo>`);
  const timeline = drawer.locator('.zb-decl-timeline');
  await expect
    .poll(() => timeline.innerText(), settled)
    .toContain(`INV211 · ${t('declarations.status.posted')}`);
  const story = await timeline.innerText();
  const rejectedAt = story.indexOf(`INV201 · ${t('declarations.status.rejected')}`);
  expect(rejectedAt).toBeGreaterThanOrEqual(0);
  expect(story.indexOf(`INV201 · ${t('declarations.status.prePosted')}`, rejectedAt)).toBeGreaterThan(
    rejectedAt,
  );
  await timeline.getByText(t('declarations.events.redeclared'), { exact: true }).waitFor();
  // A re-declaration after 退单 is still the first filing customs accepts: dclTypecd 1, chgTmsCnt 0.
  const changes = drawer
    .locator('.ant-descriptions-item-label', { hasText: t('declarations.detail.chgTmsCnt') })
    .locator('xpath=following-sibling::*[1]');
  expect(await changes.innerText()).toBe('0');
  await timeline.scrollIntoViewIfNeeded();
  await shot('fixed-detail-timeline');
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
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
  await expect
    .poll(() => timeline.innerText(), settled)
    .toContain(`INV211 · ${t('declarations.status.posted')}`);
  const story = await timeline.innerText();
  expect(story).toContain(`INV201 · ${t('declarations.status.prePosted')}`);
  expect(story).not.toContain(`INV201 · ${t('declarations.status.rejected')}`);
  expect(await timeline.getByText(t('declarations.events.redeclared'), { exact: true }).count()).toBe(0);
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
    it(`holds the shipment until the receipt, fixed after a 退单, is posted, then declares and posts both — ${locale}`, async () => {
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
        const inNumber = await seeThemWaiting(journey);
        const numbers = await watchThemDeclared(journey, inNumber);
        await checkDetail(journey, numbers);
        await checkFixedDetail(journey, inNumber);
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
