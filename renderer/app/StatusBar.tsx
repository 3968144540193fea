import { SyncOutlined } from '@ant-design/icons';
import { shallowEqual, useSelector } from '@xstate/react';
import { Badge, Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { selectSyncStatus } from '../../shared/sync/status';
import type { SyncHandle } from '../sync';
import { useServices } from './services';

const timeOf = (epochMs: number) => new Date(epochMs).toLocaleTimeString();

/** The truth about customs sync: online or not, what waits, the last receipt, the last error still open. */
function SyncStatus({ sync }: { sync: SyncHandle }) {
  const { t } = useTranslation();
  const status = useSelector(sync.actor, selectSyncStatus, shallowEqual);
  const openError =
    status.lastError && (status.lastSuccessAt === null || status.lastError.at > status.lastSuccessAt)
      ? status.lastError
      : null;
  return (
    <Space size="middle" data-testid="sync-status">
      <span>
        <Badge status={status.online ? 'success' : 'warning'} /> {t('status.sync')}:{' '}
        {status.online ? t('status.online') : t('status.offline')}
      </span>
      <span data-testid="sync-pending">
        {status.syncing ? (
          <>
            <SyncOutlined spin /> {t('status.syncing')}
          </>
        ) : status.pendingDocuments ? (
          t('status.pending', { count: status.pendingDocuments })
        ) : (
          t('status.idle')
        )}
      </span>
      {status.parkedCount > 0 && (
        <Typography.Text type="warning">{t('status.parked', { count: status.parkedCount })}</Typography.Text>
      )}
      <span>
        {status.lastReceiptAt
          ? t('status.lastReceipt', { time: timeOf(status.lastReceiptAt) })
          : t('status.noReceipt')}
      </span>
      {openError && (
        <Tooltip title={openError.message}>
          <Typography.Text type="danger" data-testid="sync-error" ellipsis style={{ maxWidth: 360 }}>
            {t(`status.error.${openError.kind}`, { message: openError.message })}
          </Typography.Text>
        </Tooltip>
      )}
      {status.retryAt && <span>{t('status.retryAt', { time: timeOf(status.retryAt) })}</span>}
      <Button size="small" type="link" onClick={() => sync.syncNow()}>
        {t('status.syncNow')}
      </Button>
    </Space>
  );
}

export function StatusBar() {
  const { t } = useTranslation();
  const { info, sync } = useServices();
  return (
    <div className="zb-status-bar" role="status">
      {sync ? (
        <SyncStatus sync={sync} />
      ) : (
        <span data-testid="sync-status">
          <Badge status="default" /> {t('status.sync')}: {t('status.notRunning')}
        </span>
      )}
      <Typography.Text type="secondary">
        {t(`runtime.${info.runtime}`)} · v{info.version}
      </Typography.Text>
    </div>
  );
}
