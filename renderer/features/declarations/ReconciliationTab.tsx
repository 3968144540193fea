import { Switch, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDecimal, compareDecimal } from '../../../shared/domain/decimal';
import type { ReconciliationRow, ZonebookDb } from '../../../shared/store';
import { useReconciliation } from './use-declarations';

const differs = (row: ReconciliationRow) => row.explanation !== 'matched';

/** Why a line differs, in words, with the quantity the store says accounts for it. */
function Explanation({ row }: { row: ReconciliationRow }) {
  const { t } = useTranslation();
  const qty =
    row.explanation === 'awaitingDeclaration'
      ? addDecimal(row.awaitingDeclaration, row.awaitingPosting)
      : row.awaitingPosting;
  const text = t(`declarations.reconciliation.explanation.${row.explanation}`, { qty });
  return (
    <span className={`zb-recon-why zb-recon-${row.explanation}`}>
      {text}
      {row.officialDisagreement && (
        <Typography.Text type="warning" className="zb-recon-official">
          {' '}
          {t('declarations.reconciliation.officialDisagreement', { detail: row.officialDisagreement })}
        </Typography.Text>
      )}
    </span>
  );
}

/** Per book line: our projected balance beside customs' pre-posted and posted balances, explained. */
export function ReconciliationTab({ db, bookId }: { db: ZonebookDb; bookId: string }) {
  const { t } = useTranslation();
  const [onlyDifferences, setOnlyDifferences] = useState(false);
  const rows = useReconciliation(db, bookId);
  const column = (key: string) => t(`declarations.reconciliation.columns.${key}`);
  const qty = (value: string) => <span className="zb-qty">{value}</span>;
  const columns: ColumnsType<ReconciliationRow> = [
    { key: 'gdsSeqno', title: column('gdsSeqno'), width: 110, dataIndex: 'gdsSeqno' },
    {
      key: 'gdsMtno',
      title: column('gdsMtno'),
      width: 140,
      render: (_, row) => <span className="zb-code">{row.gdsMtno}</span>,
    },
    {
      key: 'projected',
      title: column('projected'),
      width: 130,
      align: 'right',
      render: (_, row) => qty(row.projected),
    },
    {
      key: 'prePosted',
      title: column('prePosted'),
      width: 150,
      align: 'right',
      render: (_, row) => qty(row.prePosted),
    },
    {
      key: 'posted',
      title: column('posted'),
      width: 160,
      align: 'right',
      render: (_, row) =>
        row.postedKnown ? (
          qty(row.posted)
        ) : (
          <Tooltip title={t('declarations.reconciliation.notReported')}>
            <span className="zb-qty zb-qty-zero">{row.posted}</span>
          </Tooltip>
        ),
    },
    {
      key: 'difference',
      title: column('difference'),
      width: 110,
      align: 'right',
      render: (_, row) => (
        <span
          className={
            compareDecimal(row.difference, '0') === 0 ? 'zb-qty zb-qty-zero' : 'zb-qty zb-recon-diff'
          }
        >
          {row.difference}
        </span>
      ),
    },
    { key: 'explanation', title: column('explanation'), render: (_, row) => <Explanation row={row} /> },
  ];
  const shown = (rows ?? []).filter((row) => !onlyDifferences || differs(row));
  return (
    <div className="zb-recon">
      <div className="zb-recon-toolbar">
        <Typography.Text type="secondary">{t('declarations.reconciliation.intro')}</Typography.Text>
        <label className="zb-recon-only">
          <Switch size="small" checked={onlyDifferences} onChange={setOnlyDifferences} />{' '}
          {t('declarations.reconciliation.onlyDifferences')}
        </label>
      </div>
      <Table<ReconciliationRow>
        size="small"
        rowKey="gdsSeqno"
        columns={columns}
        dataSource={shown}
        loading={rows === undefined}
        pagination={{ pageSize: 100, hideOnSinglePage: true, showSizeChanger: false }}
        rowClassName={(row) => (differs(row) ? `zb-recon-row-differs zb-recon-row-${row.explanation}` : '')}
        locale={{ emptyText: t('declarations.reconciliation.empty') }}
      />
    </div>
  );
}
