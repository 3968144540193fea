import type { Browser } from 'playwright-core';
import type { RunningHost } from '../../electron/host';
import { launchChromium, screenshot, startTestHost, watchErrors } from './support';

let browser: Browser;
let host: RunningHost;

beforeAll(async () => {
  browser = await launchChromium();
  ({ host } = await startTestHost());
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

describe('the shell in Chromium, through the browser host', () => {
  it('loads in English for an English locale, switches to Chinese, and keeps the choice across a reload', async () => {
    const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(host.url);
    await page.getByRole('menuitem', { name: 'Exhibits' }).click();
    await page.getByText('Exhibits is not built yet').waitFor();
    await screenshot(page, 'shell-en');

    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByText('About this installation').waitFor();
    await screenshot(page, 'settings-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('menuitem', { name: '库存' }).waitFor();
    await page.getByText('本机安装信息').waitFor();
    await screenshot(page, 'settings-zh');

    await page.reload();
    await page.getByRole('menuitem', { name: '设置' }).waitFor();
    await page.getByText('本机安装信息').waitFor();
    await page.getByRole('menuitem', { name: '展品' }).click();
    await page.getByText('「展品」尚未开发').waitFor();
    await screenshot(page, 'shell-zh');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts in Chinese for a Chinese locale when nothing was chosen', async () => {
    const fresh = await startTestHost();
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(fresh.host.url);
    await page.getByRole('menuitem', { name: '集团调拨' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
    await fresh.host.close();
  });

  it('refuses to work without the token and says how to open it', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(host.origin);
    await page.getByText(/opened without its access token/).waitFor();
    await screenshot(page, 'no-token');
    await context.close();
  });
});
