import { Button, Descriptions, Drawer, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, currencyName, unitName, type CodeLanguage } from '../../../../shared/codes';
import type { BookLine } from '../../../../shared/domain/book-line';
import { sumDecimals } from '../../../../shared/domain/decimal';
import { isCustodyAccount, type Movement } from '../../../../shared/ledger';
import { balancesOfLines, type ZonebookDb } from '../../../../shared/store';
import { accountName, movementName, readableCustomsDate } from './ledger-names';
import { lineHistory, type HistoryEntry } from './line-history';
import { Quantity } from './Quantity';
import { ReverseMovementModal } from './ReverseMovementModal';
import { codeWithName } from './stock-table';

interface LineHistoryDrawerProps {
  db: ZonebookDb;
  deviceId: string;
  line: BookLine;
  locationCode: (locationId: string) => string;
  onClose: () => void;
}

function MasterData({ line, language }: { line: BookLine; language: CodeLanguage }) {
  const { t } = useTranslation();
  const column = (key: string) => t(`inventory.stock.columns.${key}`);
  const drawer = (key: string) => t(`inventory.stock.drawer.${key}`);
  const unit = (code: string) => codeWithName(code, unitName(code, language));
  return (
    <Descriptions
      size="small"
      bordered
      column={2}
      items={[
        { key: 'gdsSeqno', label: column('gdsSeqno'), children: line.gdsSeqno },
        { key: 'gdsMtno', label: column('gdsMtno'), children: line.gdsMtno },
        { key: 'gdecd', label: column('gdecd'), children: <span className="zb-code">{line.gdecd}</span> },
        {
          key: 'natcd',
          label: column('natcd'),
          children: codeWithName(line.natcd, countryName(line.natcd, language)),
        },
        { key: 'gdsNm', label: column('gdsNm'), children: line.gdsNm, span: 2 },
        { key: 'spec', label: column('gdsSpcfModelDesc'), children: line.gdsSpcfModelDesc, span: 2 },
        { key: 'dclUnitcd', label: column('dclUnitcd'), children: unit(line.dclUnitcd) },
        {
          key: 'lawfUnitcd',
          label: drawer('lawfUnitcd'),
          children: `${unit(line.lawfUnitcd)} × ${line.fstSfVal}`,
        },
        ...(line.secdLawfUnitcd
          ? [
              {
                key: 'secdLawfUnitcd',
                label: drawer('secdLawfUnitcd'),
                children: `${unit(line.secdLawfUnitcd)} × ${line.secdSfVal ?? ''}`,
              },
            ]
          : []),
        {
          key: 'price',
          label: drawer('dclUprcAmt'),
          children: `${line.dclUprcAmt} ${codeWithName(line.dclCurrcd, currencyName(line.dclCurrcd, language))}`,
        },
        ...(line.barcode ? [{ key: 'barcode', label: drawer('barcode'), children: line.barcode }] : []),
        ...(line.limitDate
          ? [{ key: 'limitDate', label: drawer('limitDate'), children: readableCustomsDate(line.limitDate) }]
          : []),
      ]}
    />
  );
}

function LineBalances({
  db,
  line,
  locationCode,
}: {
  db: ZonebookDb;
  line: BookLine;
  locationCode: (id: string) => string;
}) {
  const { t } = useTranslation();
  const balances = useLiveQuery(() => balancesOfLines(db, [line.id]), [db, line.id]);
  const custody = (balances ?? []).filter((row) => isCustodyAccount(row.account));
  if (balances && !custody.length)
    return <Typography.Text type="secondary">{t('inventory.stock.noLocations')}</Typography.Text>;
  return (
    <Space wrap size={[24, 4]}>
      {custody.map((row) => (
        <span key={row.account}>
          <Typography.Text type="secondary">{accountName(row.account, t, locationCode)} </Typography.Text>
          <Quantity value={row.qty} />
        </span>
      ))}
      <span className="zb-held">
        <Typography.Text type="secondary">{t('inventory.stock.columns.held')} </Typography.Text>
        <Quantity value={sumDecimals(custody.map((row) => row.qty))} />
      </span>
    </Space>
  );
}

function StatusTags({ entry, t }: { entry: HistoryEntry; t: TFunction }) {
  const { movement } = entry.row.entry;
  const declareColors = {
    none: 'default',
    pending: 'gold',
    batched: 'blue',
    declared: 'green',
    cancelled: 'default',
  } as const;
  return (
    <Space size={2} wrap>
      {entry.reversedBy && (
        <Tooltip title={t('inventory.stock.history.reversedByTitle', { id: entry.reversedBy })}>
          <Tag color="orange">{t('inventory.stock.history.reversedBy')}</Tag>
        </Tooltip>
      )}
      {movement.reversalOf && (
        <Tooltip title={t('inventory.stock.history.isReversalTitle', { id: movement.reversalOf })}>
          <Tag color="purple">{t('inventory.stock.history.isReversal')}</Tag>
        </Tooltip>
      )}
      <Tag color={declareColors[entry.declareStatus]}>
        {t(`inventory.stock.history.declareStatus.${entry.declareStatus}`)}
      </Tag>
    </Space>
  );
}

function ReverseButton({ entry, onReverse }: { entry: HistoryEntry; onReverse: () => void }) {
  const { t } = useTranslation();
  const verdict = entry.reversible;
  if (verdict.ok) {
    return (
      <Button size="small" danger onClick={onReverse}>
        {t('inventory.stock.history.reverse')}
      </Button>
    );
  }
  const reason = t(`inventory.stock.reverse.why.${verdict.code}`, { by: entry.reversedBy ?? '' });
  return (
    <Tooltip title={reason}>
      <span className="zb-not-reversible" tabIndex={0} aria-label={reason}>
        <Button size="small" disabled>
          {t('inventory.stock.history.reverse')}
        </Button>
      </span>
    </Tooltip>
  );
}

/** A book line's master data, its balances now, and every movement that ever touched it. */
export function LineHistoryDrawer({ db, deviceId, line, locationCode, onClose }: LineHistoryDrawerProps) {
  const { t, i18n } = useTranslation();
  const language: CodeLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  // Async on purpose, as in StockTable: lineHistory reads in several steps.
  const history = useLiveQuery(async () => await lineHistory(db, line.id), [db, line.id]);
  const [reversing, setReversing] = useState<Movement | null>(null);
  const columns: ColumnsType<HistoryEntry> = [
    {
      key: 'customsDate',
      title: t('inventory.stock.history.customsDate'),
      width: 100,
      render: (_, entry) => readableCustomsDate(entry.row.entry.movement.customsDate),
    },
    {
      key: 'kind',
      title: t('inventory.stock.history.kind'),
      width: 160,
      render: (_, entry) => movementName(entry.row.entry.movement, t, language),
    },
    {
      key: 'postings',
      title: t('inventory.stock.history.postings'),
      width: 190,
      render: (_, entry) => (
        <div className="zb-postings">
          {entry.postings.map((posting, index) => (
            <div key={index}>
              <span className="zb-posting-account">{accountName(posting.account, t, locationCode)}</span>
              <Quantity value={posting.qty} signed />
            </div>
          ))}
        </div>
      ),
    },
    {
      key: 'counterparty',
      title: t('inventory.stock.history.counterparty'),
      width: 150,
      ellipsis: true,
      render: (_, entry) => entry.row.entry.movement.counterparty?.name,
    },
    {
      key: 'note',
      title: t('inventory.stock.history.note'),
      width: 160,
      render: (_, entry) => {
        const { movement } = entry.row.entry;
        return [movement.reason, movement.note].filter(Boolean).join(' · ');
      },
    },
    {
      key: 'approval',
      title: t('inventory.stock.history.approval'),
      width: 100,
      render: (_, entry) => entry.row.entry.movement.approval?.by,
    },
    {
      key: 'device',
      title: t('inventory.stock.history.device'),
      width: 110,
      render: (_, entry) => (
        <span className="zb-code" title={entry.row.deviceId}>
          {entry.row.deviceId.slice(0, 8)} #{entry.row.deviceSeq}
        </span>
      ),
    },
    {
      key: 'status',
      title: t('inventory.stock.history.status'),
      width: 150,
      render: (_, entry) => <StatusTags entry={entry} t={t} />,
    },
    {
      key: 'reverse',
      width: 80,
      fixed: 'right',
      render: (_, entry) => (
        <ReverseButton entry={entry} onReverse={() => setReversing(entry.row.entry.movement)} />
      ),
    },
  ];
  return (
    <Drawer
      open
      size="min(1240px, 94vw)"
      title={t('inventory.stock.drawer.title', { gdsSeqno: line.gdsSeqno, gdsMtno: line.gdsMtno })}
      onClose={onClose}
    >
      <Typography.Title level={5}>{t('inventory.stock.drawer.master')}</Typography.Title>
      <MasterData line={line} language={language} />
      <Typography.Title level={5} className="zb-drawer-section">
        {t('inventory.stock.drawer.balances')}
      </Typography.Title>
      <LineBalances db={db} line={line} locationCode={locationCode} />
      <Typography.Title level={5} className="zb-drawer-section">
        {t('inventory.stock.drawer.history')}
      </Typography.Title>
      <Table<HistoryEntry>
        size="small"
        rowKey={(entry) => entry.row.id}
        columns={columns}
        // Newest first: the movement someone wants to check or reverse is usually a recent one.
        dataSource={history ? [...history].reverse() : []}
        loading={history === undefined}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1200 }}
        locale={{ emptyText: <Empty description={t('inventory.stock.drawer.noHistory')} /> }}
      />
      {reversing && (
        <ReverseMovementModal
          db={db}
          deviceId={deviceId}
          original={reversing}
          onClose={() => setReversing(null)}
        />
      )}
    </Drawer>
  );
}
