import { Card, Descriptions, Radio, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomsSettings, Language } from '../../../shared/domain/settings';
import { useServices } from '../../app/services';
import { BackupCard } from '../backup/BackupCard';
import { EndpointCard } from '../customs-endpoint/EndpointCard';

export interface SettingsPageProps {
  language: Language | null;
  onLanguageChange: (language: Language | null) => void;
  customs: CustomsSettings;
  onCustomsChange: (customs: CustomsSettings) => Promise<string | null>;
}

export function SettingsPage({ language, onLanguageChange, customs, onCustomsChange }: SettingsPageProps) {
  const { t } = useTranslation();
  const { info, store } = useServices();
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      <Card title={t('settings.language')}>
        <Radio.Group
          aria-label={t('settings.language')}
          value={language ?? 'system'}
          onChange={(event) => onLanguageChange(event.target.value === 'system' ? null : event.target.value)}
          optionType="button"
          options={[
            { value: 'zh-CN', label: '中文' },
            { value: 'en', label: 'English' },
            { value: 'system', label: t('settings.followSystem') },
          ]}
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('settings.languageHint')}
        </Typography.Paragraph>
      </Card>
      <Card title={t('settings.about')}>
        <Descriptions column={1} bordered size="small">
          <Descriptions.Item label={t('settings.version')}>{info.version}</Descriptions.Item>
          <Descriptions.Item label={t('settings.dataFolder')}>
            <Typography.Text copyable data-testid="data-folder">
              {info.dataFolder}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.runtime')}>
            <span data-testid="runtime">{t(`runtime.${info.runtime}`)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('settings.platform')}>{info.platform}</Descriptions.Item>
          <Descriptions.Item label={t('settings.database')}>
            {store?.persisted ? (
              <Tag color="green">{t('settings.persisted')}</Tag>
            ) : (
              <Tag color="orange">{t('settings.notPersisted')}</Tag>
            )}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <EndpointCard value={customs} onSave={onCustomsChange} />
      {store && <BackupCard db={store.db} />}
    </Space>
  );
}
