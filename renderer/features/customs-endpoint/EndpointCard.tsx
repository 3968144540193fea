import { Alert, App, Button, Card, Input, Radio, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomsStatus } from '../../../shared/customs/endpoint';
import { CustomsSettings } from '../../../shared/domain/settings';
import { localizeDomainMessage } from '../../app/domain-messages';
import { useServices } from '../../app/services';
import { useMessageLanguage } from '../forms/zod-fields';

type Kind = CustomsSettings['endpoint'];

interface Props {
  value: CustomsSettings;
  onSave: (customs: CustomsSettings) => Promise<string | null>;
}

/** Chooses the customs endpoint; the choice is checked by the same schema the main process uses. */
export function EndpointCard({ value, onSave }: Props) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const { bridge } = useServices();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>(value.endpoint);
  const [folder, setFolder] = useState(value.endpoint === 'folder' ? value.folder : '');
  const [gatewayUrl, setGatewayUrl] = useState(value.endpoint === 'http' ? value.gatewayUrl : '');
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<CustomsStatus | null>(null);

  useEffect(() => {
    let live = true;
    void bridge['customs.status']({}).then((result) => live && result.ok && setStatus(result.value));
    return () => {
      live = false;
    };
  }, [bridge, value]);

  async function save() {
    const candidate =
      kind === 'sandbox'
        ? { endpoint: kind }
        : kind === 'folder'
          ? { endpoint: kind, folder }
          : { endpoint: kind, gatewayUrl };
    const parsed = CustomsSettings.safeParse(candidate);
    if (!parsed.success) {
      setError(parsed.error.issues.map((issue) => localizeDomainMessage(issue.message, language)).join('; '));
      return;
    }
    const failure = await onSave(parsed.data);
    setError(failure);
    if (!failure) void message.success(t('endpoint.saved'));
  }

  async function saveToken() {
    const result = await bridge['customs.setGatewayToken']({ token });
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setToken('');
    setError(null);
    void message.success(t('endpoint.tokenSaved'));
  }

  return (
    <Card title={t('endpoint.title')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('endpoint.explain')}</Typography.Text>
        <Radio.Group
          aria-label={t('endpoint.title')}
          value={kind}
          onChange={(event) => setKind(event.target.value as Kind)}
          options={[
            { value: 'sandbox', label: t('endpoint.sandbox') },
            { value: 'folder', label: t('endpoint.folder') },
            { value: 'http', label: t('endpoint.http') },
          ]}
        />
        {kind === 'sandbox' && (
          <Typography.Paragraph type="secondary">{t('endpoint.sandboxHint')}</Typography.Paragraph>
        )}
        {kind === 'folder' && (
          <>
            <Typography.Paragraph type="secondary">{t('endpoint.folderHint')}</Typography.Paragraph>
            <Input
              aria-label={t('endpoint.folderLabel')}
              placeholder="C:\\ImpPath\\Sas"
              value={folder}
              onChange={(event) => setFolder(event.target.value)}
            />
          </>
        )}
        {kind === 'http' && (
          <>
            <Input
              aria-label={t('endpoint.gatewayUrl')}
              placeholder="https://gateway.example:8443/zonebook"
              value={gatewayUrl}
              onChange={(event) => setGatewayUrl(event.target.value)}
            />
            <Space.Compact style={{ width: '100%' }}>
              <Input.Password
                aria-label={t('endpoint.token')}
                placeholder={t('endpoint.token')}
                value={token}
                onChange={(event) => setToken(event.target.value)}
              />
              <Button onClick={() => void saveToken()} disabled={!token}>
                {t('endpoint.saveToken')}
              </Button>
            </Space.Compact>
            <Typography.Text type="secondary">{t('endpoint.tokenHint')}</Typography.Text>
            {status?.credentialsInPlainText && (
              <Alert type="warning" showIcon message={t('endpoint.plainText')} />
            )}
          </>
        )}
        {error && <Alert type="error" showIcon message={error} />}
        <Space>
          <Button type="primary" onClick={() => void save()}>
            {t('endpoint.save')}
          </Button>
          {status && (
            <span data-testid="endpoint-status">
              {t('endpoint.status')}:{' '}
              <Tag color={status.reachable ? 'green' : 'red'}>
                {status.reachable ? t('endpoint.reachable') : t('endpoint.unreachable')}
              </Tag>
              {status.pendingOutgoing > 0 && t('endpoint.waiting', { count: status.pendingOutgoing })}
              {status.lastError && <Typography.Text type="danger"> {status.lastError}</Typography.Text>}
            </span>
          )}
        </Space>
      </Space>
    </Card>
  );
}
