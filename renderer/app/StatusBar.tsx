import { Badge, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from './services';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

export function StatusBar() {
  const { t } = useTranslation();
  const { info } = useServices();
  const online = useOnline();
  return (
    <div className="zb-status-bar" role="status">
      <Space size="large">
        <span data-testid="sync-status">
          <Badge status="default" /> {t('status.sync')}: {t('status.syncNotBuilt')}
        </span>
        <span>
          <Badge status={online ? 'success' : 'warning'} />{' '}
          {online ? t('status.online') : t('status.offline')}
        </span>
      </Space>
      <Typography.Text type="secondary">
        {t(`runtime.${info.runtime}`)} · v{info.version}
      </Typography.Text>
    </div>
  );
}
