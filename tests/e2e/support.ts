import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDispatch } from '../../shared/bridge/dispatch';
import { startHost, type RunningHost } from '../../electron/host';
import { createHandlers } from '../../electron/services/handlers';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const screenshotDir = join(import.meta.dirname, 'screenshots');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, never a downloaded one, with the flags that work on our closed network. */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

function checkChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `No Chromium at ${chromiumPath}: apt-get install -y chromium fonts-noto-cjk (or set CHROMIUM_PATH)`,
    );
  }
}

export function launchChromium(): Promise<Browser> {
  checkChromium();
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/**
 * Chromium with a profile on disk: its IndexedDB lives in files with a disk-sized quota, as a user's
 * does, where a plain launch's contexts keep it in memory under a small quota.
 */
export async function launchChromiumWithProfile(): Promise<BrowserContext> {
  checkChromium();
  const profile = await mkdtemp(join(tmpdir(), 'zb-chromium-profile-'));
  return chromium.launchPersistentContext(profile, { executablePath: chromiumPath, args: chromiumArgs });
}

/** The built renderer and the real handlers behind the browser host, with a fresh data folder. */
export async function startTestHost(): Promise<{ host: RunningHost; dataFolder: string }> {
  const staticDir = join(repoRoot, 'dist', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) throw new Error('Build first: npm run build');
  const dataFolder = await mkdtemp(join(tmpdir(), 'zb-e2e-'));
  const handlers = createHandlers({ dataFolder, version: '0.0.0-e2e', runtime: 'browser-host' });
  return { host: await startHost({ staticDir, dispatch: createDispatch(handlers) }), dataFolder };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}

/** Collects console errors and uncaught exceptions, which the journeys require to stay empty. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
