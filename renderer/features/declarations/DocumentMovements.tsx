import { Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { DeclarationRow, JournalRow, ZonebookDb } from '../../../shared/store';
import { kindName } from '../inventory/stock/ledger-names';
import { localTime } from './document-view';
import { useMovementsOf } from './use-declarations';

/** The movements a list or 出入库单 declares, from the journal, in the order they were posted. */
export function DocumentMovements({
  db,
  movementIds,
  messageType,
}: {
  db: ZonebookDb;
  movementIds: readonly string[];
  messageType: DeclarationRow['messageType'];
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const rows = useMovementsOf(db, movementIds);
  const column = (key: string) => t(`declarations.movementColumns.${key}`);
  if (movementIds.length === 0)
    return (
      <Typography.Text type="secondary">
        {t(
          messageType === 'SAS101'
            ? 'declarations.detail.noMovementsForm'
            : 'declarations.detail.noMovements',
        )}
      </Typography.Text>
    );
  const columns: ColumnsType<JournalRow> = [
    {
      key: 'occurredAt',
      title: column('occurredAt'),
      width: 160,
      render: (_, row) => <span className="zb-code">{localTime(row.entry.movement.occurredAt)}</span>,
    },
    { key: 'kind', title: column('kind'), width: 150, render: (_, row) => kindName(row.kind, language) },
    {
      key: 'lines',
      title: column('lines'),
      render: (_, row) =>
        `${row.entry.movement.lines.length} × ${row.entry.movement.lines.map((line) => line.qty).join(' + ')}`,
    },
    {
      key: 'note',
      title: column('note'),
      ellipsis: true,
      render: (_, row) =>
        [row.entry.movement.counterparty?.name, row.entry.movement.note].filter(Boolean).join(' · '),
    },
  ];
  return (
    <Table<JournalRow>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows ?? []}
      loading={rows === undefined}
      pagination={false}
    />
  );
}
