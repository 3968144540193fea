import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeLanguage } from '../../../../shared/codes';
import type { InventoryFilter, ZonebookDb } from '../../../../shared/store';
import { downloadFile } from '../../../app/files';
import { allInventoryRows, stockCsv, stockXlsx } from './stock-export';
import { stockExportTable } from './stock-table';

interface StockExportButtonsProps {
  db: ZonebookDb;
  filter: InventoryFilter;
  putrecNo: string;
  locationCode: (locationId: string) => string;
}

type Format = 'csv' | 'xlsx';

/** Exports every line the filters match — not only the loaded ones — as the table shows them. */
export function StockExportButtons({ db, filter, putrecNo, locationCode }: StockExportButtonsProps) {
  const { t, i18n } = useTranslation();
  const language: CodeLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { message } = App.useApp();
  const [busy, setBusy] = useState<Format | null>(null);

  async function exportAs(format: Format) {
    setBusy(format);
    try {
      const rows = await allInventoryRows(db, filter);
      const table = stockExportTable(rows, { t, language, locationCode });
      const date = new Date().toISOString().slice(0, 10).replaceAll('-', '');
      const file = `${t('inventory.stock.export.fileName', { putrecNo, date })}.${format}`;
      const content =
        format === 'csv'
          ? new Blob([stockCsv(table)], { type: 'text/csv;charset=utf-8' })
          : await stockXlsx(table, t('inventory.stock.export.sheet'));
      downloadFile(content, file);
      void message.success(t('inventory.stock.export.done', { count: rows.length, file }));
    } catch (error) {
      void message.error(
        t('inventory.stock.export.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <Space>
      <Button icon={<DownloadOutlined />} loading={busy === 'csv'} onClick={() => void exportAs('csv')}>
        {t('inventory.stock.export.csv')}
      </Button>
      <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void exportAs('xlsx')}>
        {t('inventory.stock.export.xlsx')}
      </Button>
    </Space>
  );
}
