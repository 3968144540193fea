import { Empty, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { DeclarationRow } from '../../../shared/store';
import { lastEventAt, localTime } from './document-view';
import { StatusTag } from './StatusTag';

interface DocumentTableProps {
  rows: readonly DeclarationRow[] | undefined;
  onOpen: (documentId: string) => void;
}

/** The documents, one row each; a click (or Enter on the focused row) opens the detail. */
export function DocumentTable({ rows, onOpen }: DocumentTableProps) {
  const { t } = useTranslation();
  const column = (key: string) => t(`declarations.columns.${key}`);
  const columns: ColumnsType<DeclarationRow> = [
    {
      key: 'number',
      title: column('number'),
      width: 170,
      render: (_, row) => <span className="zb-code">{row.etpsInnerInvtNo}</span>,
    },
    {
      key: 'type',
      title: column('type'),
      width: 140,
      render: (_, row) => t(`declarations.messageType.${row.messageType}`),
    },
    {
      key: 'direction',
      title: column('direction'),
      width: 80,
      render: (_, row) => t(`declarations.direction.${row.ieFlag}`),
    },
    {
      key: 'lines',
      title: column('lines'),
      width: 60,
      align: 'right',
      render: (_, row) => row.document.lines.length,
    },
    {
      key: 'movements',
      title: column('movements'),
      width: 80,
      align: 'right',
      render: (_, row) => row.movementIds.length,
    },
    {
      key: 'preEntryNo',
      title: column('preEntryNo'),
      width: 170,
      render: (_, row) => <span className="zb-code">{row.preEntryNo}</span>,
    },
    {
      key: 'customsNo',
      title: column('customsNo'),
      width: 200,
      render: (_, row) => <span className="zb-code">{row.customsNo}</span>,
    },
    { key: 'status', title: column('status'), width: 190, render: (_, row) => <StatusTag row={row} /> },
    {
      key: 'lastEvent',
      title: column('lastEvent'),
      width: 150,
      render: (_, row) => <span className="zb-code">{localTime(lastEventAt(row))}</span>,
    },
  ];
  return (
    <Table<DeclarationRow>
      className="zb-decl-table"
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={rows ? [...rows] : []}
      loading={rows === undefined}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 1200 }}
      locale={{ emptyText: <Empty description={t('declarations.noDocuments')} /> }}
      onRow={(row) => ({
        tabIndex: 0,
        className: 'zb-decl-row',
        'data-number': row.etpsInnerInvtNo,
        onClick: () => onOpen(row.id),
        onKeyDown: (event) => {
          if (event.key === 'Enter') onOpen(row.id);
        },
      })}
    />
  );
}
