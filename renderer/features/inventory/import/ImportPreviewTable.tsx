import { Alert, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  cellOf,
  mapColumns,
  type ColumnSpec,
  type ImportPreview,
  type ImportTable,
  type RowVerdict,
} from '../../../../shared/imports';
import { localizeDomainMessage } from '../../../app/domain-messages';
import { useMessageLanguage } from '../../forms/zod-fields';

interface Props<F extends string, T> {
  table: ImportTable;
  preview: ImportPreview<T>;
  specs: readonly ColumnSpec<F>[];
  /** The columns worth seeing beside each row's verdict. */
  shown: readonly F[];
  /** Whether a good row adds a record or changes a stored one; without it a good row is just "good". */
  statusOf?: (record: T) => 'new' | 'update';
}

/** What an import would write, row by row, with every reason a row is refused — before anything is written. */
export function ImportPreviewTable<F extends string, T>({
  table,
  preview,
  specs,
  shown,
  statusOf,
}: Props<F, T>) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const map = mapColumns(specs, table.headers);
  const bad = preview.rows.filter((row) => row.errors.length > 0).length;
  const cells = (verdict: RowVerdict<T>) => table.rows[verdict.row - 2] ?? [];

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {preview.columnErrors.map((error) => (
        <Alert key={error} type="error" showIcon title={localizeDomainMessage(error, language)} />
      ))}
      {preview.ignoredColumns.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('inventory.import.ignored', { columns: preview.ignoredColumns.join(', ') })}
        />
      )}
      {preview.columnErrors.length === 0 && (
        <Typography.Text strong data-testid="import-summary" type={bad ? 'danger' : undefined}>
          {bad
            ? t('inventory.import.summaryBad', { count: preview.rows.length, bad })
            : t('inventory.import.summaryGood', { count: preview.rows.length })}
        </Typography.Text>
      )}
      {preview.rows.length > 0 && (
        <Table
          size="small"
          rowKey="row"
          dataSource={[...preview.rows]}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          rowClassName={(row) => (row.errors.length ? 'zb-import-bad-row' : '')}
          columns={[
            { title: t('inventory.import.row'), dataIndex: 'row', width: 70 },
            {
              title: t('inventory.import.status'),
              key: 'status',
              width: 110,
              render: (_: unknown, row: RowVerdict<T>) =>
                row.errors.length ? (
                  <Tag color="error">{t('inventory.import.statusBad')}</Tag>
                ) : row.record && statusOf ? (
                  statusOf(row.record) === 'update' ? (
                    <Tag color="processing">{t('inventory.import.statusUpdate')}</Tag>
                  ) : (
                    <Tag color="success">{t('inventory.import.statusNew')}</Tag>
                  )
                ) : (
                  <Tag color="success">{t('inventory.import.statusGood')}</Tag>
                ),
            },
            ...shown.map((field) => ({
              title: field,
              key: field,
              render: (_: unknown, row: RowVerdict<T>) => cellOf(map, cells(row), field) ?? '',
            })),
            {
              title: t('inventory.import.problems'),
              key: 'problems',
              render: (_: unknown, row: RowVerdict<T>) => (
                <Space orientation="vertical" size={0}>
                  {row.errors.map((error) => (
                    <Typography.Text key={error.field + error.message} type="danger">
                      {t('inventory.import.rowProblem', {
                        row: row.row,
                        message: localizeDomainMessage(error.message, language),
                      })}
                    </Typography.Text>
                  ))}
                </Space>
              ),
            },
          ]}
        />
      )}
    </Space>
  );
}
