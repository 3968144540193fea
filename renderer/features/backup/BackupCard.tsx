import { CloudDownloadOutlined, CloudUploadOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportBackup, restoreBackup, type ZonebookDb } from '../../../shared/store';
import { downloadFile, readFileText } from '../../app/files';
import { messageOfFailure, useMessageLanguage } from '../forms/zod-fields';

/** Export of the whole database to one checked file, and restore from one — refused whole when broken. */
export function BackupCard({ db }: { db: ZonebookDb }) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const { message, modal } = App.useApp();
  const [busy, setBusy] = useState<'export' | 'restore' | null>(null);

  async function exportNow() {
    setBusy('export');
    try {
      const text = await exportBackup(db);
      const file = `zonebook-backup-${new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '')}.ndjson`;
      downloadFile(new Blob([text], { type: 'application/x-ndjson' }), file);
      const entries = text.split('\n').filter((line) => line.startsWith('{"entry"')).length;
      void message.success(t('backup.exported', { file, entries }));
    } catch (error) {
      void message.error(t('backup.failed', { message: messageOfFailure(error, language) }));
    } finally {
      setBusy(null);
    }
  }

  function restoreFrom(file: File) {
    modal.confirm({
      title: t('backup.confirmTitle'),
      content: t('backup.confirmBody', { file: file.name }),
      okText: t('backup.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('backup.cancel'),
      onOk: async () => {
        setBusy('restore');
        try {
          const result = await restoreBackup(db, await readFileText(file));
          void message.success(
            t('backup.restored', { entries: result.entries, lines: result.bookLines, file: file.name }),
          );
        } catch (error) {
          modal.error({
            title: t('backup.title'),
            content: t('backup.failed', { message: messageOfFailure(error, language) }),
          });
        } finally {
          setBusy(null);
        }
      },
    });
  }

  return (
    <Card title={t('backup.title')}>
      <Typography.Paragraph type="secondary">{t('backup.explain')}</Typography.Paragraph>
      <Space>
        <Button icon={<CloudDownloadOutlined />} loading={busy === 'export'} onClick={() => void exportNow()}>
          {t('backup.export')}
        </Button>
        <Upload
          accept=".ndjson,application/x-ndjson,text/plain"
          showUploadList={false}
          beforeUpload={(file) => {
            restoreFrom(file);
            return false;
          }}
        >
          <Button danger icon={<CloudUploadOutlined />} loading={busy === 'restore'}>
            {t('backup.restore')}
          </Button>
        </Upload>
      </Space>
    </Card>
  );
}
