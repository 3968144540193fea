import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../renderer/app/App';
import { createI18n, languageForLocale } from '../../renderer/app/i18n';
import { createFakeBridge } from './fake-bridge';

async function renderApp(systemLocale: string, recoveredFrom: string | null = null) {
  window.location.hash = '';
  const fake = createFakeBridge();
  const i18n = await createI18n(languageForLocale(systemLocale));
  render(
    <App
      services={{
        bridge: fake.bridge,
        info: {
          version: '0.0.0-test',
          dataFolder: '/data/zonebook',
          platform: 'linux',
          runtime: 'browser-host',
        },
        store: null,
        sync: null,
      }}
      i18n={i18n}
      initialSettings={{ settings: { language: null, customs: { endpoint: 'sandbox' } }, recoveredFrom }}
      systemLocale={systemLocale}
    />,
  );
  return fake;
}

describe('language', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['en-US', 'en'],
    ['de-DE', 'en'],
    [undefined, 'en'],
  ])('system locale %s gives %s', (locale, language) => {
    expect(languageForLocale(locale)).toBe(language);
  });
});

describe('the shell', { timeout: 30_000 }, () => {
  it('shows every capability in Chinese for a Chinese locale', async () => {
    await renderApp('zh-CN');
    const nav = screen.getByRole('menu');
    for (const label of ['库存', '货物进出', '集团调拨', '展品', '申报', '报表', '设置']) {
      expect(within(nav).getByText(label)).toBeTruthy();
    }
  });

  it('says plainly that an area is not built yet', async () => {
    await renderApp('en-US');
    await userEvent.click(screen.getByText('Exhibits'));
    // The area follows the URL fragment, whose hashchange event comes after the click, not within it.
    expect(await screen.findByText('Exhibits is not built yet')).toBeTruthy();
    expect(screen.getByText(/Nothing here is stored or declared/)).toBeTruthy();
  });

  it('switches language from Settings and remembers the choice through the bridge', async () => {
    const fake = await renderApp('en-US');
    await userEvent.click(screen.getByText('Settings'));
    expect(await screen.findByText('/data/zonebook')).toBeTruthy();
    expect(screen.getByTestId('runtime').textContent).toBe('Browser host');
    await userEvent.click(screen.getByText('中文'));
    expect(await screen.findByText('界面语言')).toBeTruthy();
    expect(fake.settings().settings.language).toBe('zh-CN');
  });

  it('tells the user when the settings file was unreadable', async () => {
    await renderApp('en-US', '/data/zonebook/settings.json.broken');
    expect(screen.getByText(/kept as \/data\/zonebook\/settings\.json\.broken/)).toBeTruthy();
  });

  it('shows the sync status slot in the status bar', async () => {
    await renderApp('en-US');
    expect(screen.getByTestId('sync-status').textContent).toContain('Customs sync: not running');
  });
});
