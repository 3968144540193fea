import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { ReceiptRow } from '../../../shared/store';
import { localTime } from './document-view';

/** The numbers a receipt carries, which is what a person matches it by: etpsPreentNo, businessId, seqNo… */
const numbersOf = (row: ReceiptRow) =>
  Object.entries(row.fields ?? {})
    .filter(([key]) => ['etpsPreentNo', 'etpsInnerInvtNo', 'businessId', 'seqNo', 'entrySeqNo'].includes(key))
    .map(([key, value]) => `${key} ${value}`)
    .join(' · ');

/** Receipts that matched no document: kept, and reported here rather than lost from sight. */
export function UnmatchedReceipts({ rows }: { rows: readonly ReceiptRow[] | undefined }) {
  const { t } = useTranslation();
  const column = (key: string) => t(`declarations.unmatched.columns.${key}`);
  const columns: ColumnsType<ReceiptRow> = [
    {
      key: 'receivedAt',
      title: column('receivedAt'),
      width: 160,
      render: (_, row) => <span className="zb-code">{localTime(row.receivedAt)}</span>,
    },
    { key: 'messageType', title: column('messageType'), width: 170, dataIndex: 'messageType' },
    {
      key: 'numbers',
      title: column('numbers'),
      render: (_, row) => <span className="zb-code">{numbersOf(row)}</span>,
    },
    {
      key: 'reasons',
      title: column('reasons'),
      ellipsis: true,
      render: (_, row) => (row.reasons ?? []).join('; '),
    },
    {
      key: 'file',
      title: column('file'),
      width: 200,
      ellipsis: true,
      render: (_, row) => <span className="zb-code">{row.name}</span>,
    },
  ];
  return (
    <div>
      <Typography.Paragraph type="secondary">{t('declarations.unmatched.intro')}</Typography.Paragraph>
      <Table<ReceiptRow>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={rows ? [...rows] : []}
        loading={rows === undefined}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('declarations.unmatched.empty') }}
      />
    </div>
  );
}
