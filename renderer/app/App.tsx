import {
  AppstoreOutlined,
  AuditOutlined,
  BarChartOutlined,
  ClusterOutlined,
  SettingOutlined,
  ShopOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Alert, App as AntApp, ConfigProvider, Layout, Menu, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { i18n } from 'i18next';
import { useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { CustomsSettings, Language, SettingsState } from '../../shared/domain/settings';
import { tellOpeningStock } from '../features/customs-endpoint/opening-stock';
import { DeclarationsArea } from '../features/declarations/DeclarationsArea';
import { InventoryArea } from '../features/inventory/InventoryArea';
import { MovementsPage } from '../features/movements/MovementsPage';
import { NotBuilt, type PlannedArea } from '../features/placeholder/NotBuilt';
import { SettingsPage } from '../features/settings/SettingsPage';
import { BookPicker, CurrentBookProvider } from './current-book';
import { ErrorBoundary } from './ErrorBoundary';
import { resolveLanguage } from './i18n';
import { useArea, type Area } from './routes';
import { ServicesProvider, useServices, type AppServices } from './services';
import { StatusBar } from './StatusBar';

const icons: Record<Area, React.ReactNode> = {
  inventory: <AppstoreOutlined />,
  movements: <SwapOutlined />,
  group: <ClusterOutlined />,
  exhibits: <ShopOutlined />,
  declarations: <AuditOutlined />,
  reports: <BarChartOutlined />,
  settings: <SettingOutlined />,
};

interface ShellProps {
  settings: SettingsState;
  onLanguageChange: (language: Language | null) => void;
  onCustomsChange: (customs: CustomsSettings) => Promise<string | null>;
}

function Shell({ settings, onLanguageChange, onCustomsChange }: ShellProps) {
  const { t } = useTranslation();
  const [area, setArea] = useArea();
  const { info } = useServices();
  return (
    <Layout className="zb-shell">
      <Layout.Sider width={200} theme="light" className="zb-sider">
        <div className="zb-brand">{t('app.name')}</div>
        <Menu
          mode="inline"
          selectedKeys={[area]}
          onClick={({ key }) => setArea(key as Area)}
          items={(Object.keys(icons) as Area[]).map((key) => ({
            key,
            icon: icons[key],
            label: t(`nav.${key}`),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="zb-header">
          <BookPicker />
        </Layout.Header>
        <Layout.Content className="zb-content">
          {settings.recoveredFrom && (
            <Alert
              type="warning"
              showIcon
              closable
              style={{ marginBottom: 16 }}
              message={t('errors.settingsRecovered', { path: settings.recoveredFrom })}
            />
          )}
          <ErrorBoundary resetKey={area}>
            {area === 'settings' ? (
              <SettingsPage
                language={settings.settings.language}
                onLanguageChange={onLanguageChange}
                customs={settings.settings.customs}
                onCustomsChange={onCustomsChange}
              />
            ) : area === 'inventory' ? (
              <InventoryArea />
            ) : area === 'movements' ? (
              <MovementsPage />
            ) : area === 'declarations' ? (
              <DeclarationsArea />
            ) : (
              <NotBuilt area={area as PlannedArea} />
            )}
          </ErrorBoundary>
        </Layout.Content>
        <Layout.Footer className="zb-footer" data-runtime={info.runtime}>
          <StatusBar />
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}

export interface AppProps {
  services: AppServices;
  i18n: i18n;
  initialSettings: SettingsState;
  systemLocale: string | undefined;
}

export function App({ services, i18n, initialSettings, systemLocale }: AppProps) {
  const [settings, setSettings] = useState(initialSettings);
  const [saveError, setSaveError] = useState<string | null>(null);
  const language = resolveLanguage(settings.settings.language, systemLocale);

  async function changeCustoms(customs: CustomsSettings): Promise<string | null> {
    const result = await services.bridge['settings.set']({ customs });
    if (!result.ok) return result.error.message;
    setSettings(result.value);
    // A sandbox chosen now may never have heard of the opening stock (imported while real customs was
    // the endpoint): tell it before the sync engine sends it lists taking that stock out.
    const told =
      result.value.settings.customs.endpoint === 'sandbox' && services.store
        ? await tellOpeningStock(services.store.db, services.bridge)
        : null;
    services.sync?.syncNow();
    return told && !told.ok ? i18n.t('endpoint.openingStockFailed', { message: told.error.message }) : null;
  }

  async function changeLanguage(chosen: Language | null) {
    const result = await services.bridge['settings.set']({ language: chosen });
    if (!result.ok) {
      setSaveError(result.error.message);
      return;
    }
    setSaveError(null);
    setSettings(result.value);
    await i18n.changeLanguage(resolveLanguage(result.value.settings.language, systemLocale));
  }

  return (
    <I18nextProvider i18n={i18n}>
      <ConfigProvider
        locale={language === 'zh-CN' ? zhCN : enUS}
        theme={{ algorithm: [theme.defaultAlgorithm, theme.compactAlgorithm] }}
      >
        <AntApp>
          <ServicesProvider services={services}>
            {saveError && <Alert type="error" showIcon banner message={saveError} />}
            <CurrentBookProvider>
              <Shell
                settings={settings}
                onLanguageChange={(next) => void changeLanguage(next)}
                onCustomsChange={changeCustoms}
              />
            </CurrentBookProvider>
          </ServicesProvider>
        </AntApp>
      </ConfigProvider>
    </I18nextProvider>
  );
}
