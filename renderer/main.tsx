import { Alert } from 'antd';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { createI18n, languageForLocale, resolveLanguage } from './app/i18n';
import { en } from './app/locales/en';
import { zhCN } from './app/locales/zh-CN';
import './app/styles.css';
import { createBridge, pickTransport } from './bridge';
import { openBrowserStore } from './db';
import { tellOpeningStock } from './features/customs-endpoint/opening-stock';
import { startSync } from './sync';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const bridge = createBridge(pickTransport(window));
  const systemLocale = navigator.language;
  const [info, settings] = await Promise.all([bridge['app.info']({}), bridge['settings.get']({})]);
  if (!info.ok || !settings.ok) {
    const messages = languageForLocale(systemLocale) === 'zh-CN' ? zhCN : en;
    const error = !info.ok ? info.error : !settings.ok ? settings.error : null;
    const text =
      error?.code === 'unauthorized'
        ? messages.errors.noToken
        : messages.errors.bridge.replace('{{message}}', error?.message ?? '');
    root.render(<Alert className="zb-fatal" type="error" showIcon message={text} />);
    return;
  }
  const store = await openBrowserStore();
  // Opening stock the sandbox was not told of (posted since, a call that failed, its state lost) is told
  // before the sync engine sends lists taking it out; only journal rows newer than the last telling are
  // read, so a start stays quick on a large journal.
  if (settings.value.settings.customs.endpoint === 'sandbox')
    await tellOpeningStock(store.db, bridge).then(
      (told) =>
        !told.ok && console.warn(`opening stock not told to the sandbox customs: ${told.error.message}`),
      (error: unknown) => console.warn('opening stock not told to the sandbox customs', error),
    );
  const sync = startSync(store.db, store.deviceId, bridge);
  const i18n = await createI18n(resolveLanguage(settings.value.settings.language, systemLocale));
  root.render(
    <App
      services={{ bridge, info: info.value, store, sync }}
      i18n={i18n}
      initialSettings={settings.value}
      systemLocale={systemLocale}
    />,
  );
}

void start();
