import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Collapse, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnSpec, ImportTable } from '../../../../shared/imports';
import { readImportFile } from './read-table';
import { downloadCsvTemplate, downloadXlsxTemplate, templateHeaders } from './templates';

interface Props<F extends string> {
  specs: readonly ColumnSpec<F>[];
  templateName: string;
  onRead: (table: ImportTable, fileName: string) => void;
}

/** Choosing a CSV or Excel file, with the templates and the accepted column headers beside it. */
export function FileChooser<F extends string>({ specs, templateName, onRead }: Props<F>) {
  const { t, i18n } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  const headers = templateHeaders(specs, i18n.language);

  async function read(file: File) {
    try {
      setFailure(null);
      onRead(await readImportFile(file), file.name);
    } catch (error) {
      setFailure(t('inventory.import.unreadable', { file: file.name, message: (error as Error).message }));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Upload
          accept=".csv,.xlsx,text/csv"
          showUploadList={false}
          beforeUpload={(file) => {
            void read(file);
            return false;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />}>
            {t('inventory.import.choose')}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} onClick={() => downloadCsvTemplate(headers, templateName)}>
          {t('inventory.import.templateCsv')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void downloadXlsxTemplate(headers, templateName)}>
          {t('inventory.import.templateXlsx')}
        </Button>
      </Space>
      {failure && <Alert type="error" showIcon title={failure} />}
      <Collapse
        size="small"
        items={[
          {
            key: 'columns',
            label: t('inventory.import.columnsTitle'),
            children: (
              <Table
                size="small"
                rowKey="field"
                pagination={false}
                dataSource={[...specs]}
                columns={[
                  {
                    title: t('inventory.import.field'),
                    render: (_: unknown, spec: ColumnSpec<F>) => spec.label,
                  },
                  {
                    title: t('inventory.import.headers'),
                    render: (_: unknown, spec: ColumnSpec<F>) => (
                      <Typography.Text code>{spec.headers.join(' | ')}</Typography.Text>
                    ),
                  },
                  {
                    title: t('inventory.import.required'),
                    width: 90,
                    render: (_: unknown, spec: ColumnSpec<F>) => (spec.required ? '✓' : ''),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
