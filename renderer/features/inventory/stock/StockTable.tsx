import { Button, Empty, Popover, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, unitName, type CodeLanguage } from '../../../../shared/codes';
import type { BookLine } from '../../../../shared/domain/book-line';
import {
  inventoryPage,
  type InventoryFilter,
  type InventoryRow,
  type ZonebookDb,
} from '../../../../shared/store';
import { Quantity } from './Quantity';
import { stockFiguresOf, type StockFigures } from './stock-table';

const pageSize = 200;
const rowHeight = 32;

interface StockTableProps {
  db: ZonebookDb;
  filter: InventoryFilter;
  /** Whether any filter is set: an empty table then means "no match", not "no lines". */
  filtered: boolean;
  locationCode: (locationId: string) => string;
  onOpen: (line: BookLine) => void;
  height: number;
  /** jsdom lays nothing out, so a virtual list renders no rows there; the app always stays virtual. */
  virtual?: boolean;
}

function ZoneBreakdown({
  figures,
  locationCode,
}: {
  figures: StockFigures;
  locationCode: (id: string) => string;
}) {
  return (
    <table className="zb-zone-breakdown">
      <tbody>
        {figures.zoneByLocation.map((entry) => (
          <tr key={entry.locationId}>
            <td>{locationCode(entry.locationId)}</td>
            <td>
              <Quantity value={entry.qty} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function columnsOf(
  t: (key: string) => string,
  language: CodeLanguage,
  locationCode: (id: string) => string,
): ColumnsType<InventoryRow> {
  const quantity = (key: 'display' | 'transit' | 'processing' | 'held', width: number) => ({
    key,
    title: t(`inventory.stock.columns.${key}`),
    width,
    align: 'right' as const,
    render: (_: unknown, row: InventoryRow) => <Quantity value={stockFiguresOf(row)[key]} />,
  });
  return [
    {
      key: 'gdsSeqno',
      title: t('inventory.stock.columns.gdsSeqno'),
      width: 80,
      fixed: 'left',
      align: 'right',
      render: (_, row) => <span className="zb-qty">{row.line.gdsSeqno}</span>,
    },
    {
      key: 'gdsMtno',
      title: t('inventory.stock.columns.gdsMtno'),
      width: 130,
      fixed: 'left',
      ellipsis: true,
      render: (_, row) => row.line.gdsMtno,
    },
    {
      key: 'gdecd',
      title: t('inventory.stock.columns.gdecd'),
      width: 104,
      render: (_, row) => <span className="zb-code">{row.line.gdecd}</span>,
    },
    {
      key: 'gdsNm',
      title: t('inventory.stock.columns.gdsNm'),
      width: 170,
      ellipsis: true,
      render: (_, row) => row.line.gdsNm,
    },
    {
      key: 'gdsSpcfModelDesc',
      title: t('inventory.stock.columns.gdsSpcfModelDesc'),
      width: 140,
      ellipsis: true,
      render: (_, row) => row.line.gdsSpcfModelDesc,
    },
    {
      key: 'natcd',
      title: t('inventory.stock.columns.natcd'),
      width: 100,
      ellipsis: true,
      render: (_, row) => (
        <span title={row.line.natcd}>{countryName(row.line.natcd, language) ?? row.line.natcd}</span>
      ),
    },
    {
      key: 'dclUnitcd',
      title: t('inventory.stock.columns.dclUnitcd'),
      width: 80,
      // English unit names are long ("unit (machines; "tai")"); one line keeps every row the same height.
      ellipsis: true,
      render: (_, row) => (
        <span title={row.line.dclUnitcd}>{unitName(row.line.dclUnitcd, language) ?? row.line.dclUnitcd}</span>
      ),
    },
    {
      key: 'zone',
      title: t('inventory.stock.columns.zone'),
      width: 110,
      align: 'right',
      render: (_, row) => {
        const figures = stockFiguresOf(row);
        if (!figures.zoneByLocation.length) return <Quantity value="0" />;
        return (
          <Popover
            title={t('inventory.stock.columns.zoneByLocation')}
            content={<ZoneBreakdown figures={figures} locationCode={locationCode} />}
          >
            <span className="zb-has-breakdown">
              <Quantity value={figures.zone} />
            </span>
          </Popover>
        );
      },
    },
    quantity('display', 90),
    quantity('transit', 90),
    quantity('processing', 100),
    // Kept in view while the columns scroll sideways: the figure most people look for.
    { ...quantity('held', 110), fixed: 'right' as const, className: 'zb-held' },
  ];
}

const scrollWidth = 80 + 130 + 104 + 170 + 140 + 100 + 80 + 110 + 90 + 90 + 100 + 110;

/**
 * The book's lines with their balances by custody. Live: the loaded pages are one live query, so a
 * movement posted anywhere shows here at once. Pages load as the user scrolls near the end.
 */
export function StockTable({
  db,
  filter,
  filtered,
  locationCode,
  onOpen,
  height,
  virtual = true,
}: StockTableProps) {
  const { t, i18n } = useTranslation();
  const language: CodeLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const [limit, setLimit] = useState(pageSize);
  // Keyed by the filter's content: the parent builds a new filter object on every render.
  const filterKey = JSON.stringify(filter);
  const page = useLiveQuery(
    // An async querier on purpose: Dexie keeps watching reads made after an await only inside one,
    // and inventoryPage reads in several steps. With a plain arrow the page would never update.
    async () => await inventoryPage(db, filter, { offset: 0, limit }),
    [db, filterKey, limit],
  );
  const rows = page?.rows ?? [];
  const loadMore = () => setLimit((current) => (rows.length >= current ? current + pageSize : current));
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const { scrollTop, clientHeight, scrollHeight } = event.currentTarget;
    if (page?.hasMore && scrollHeight - scrollTop - clientHeight < rowHeight * 20) loadMore();
  };
  const empty = filtered ? (
    <Empty description={t('inventory.stock.empty.noMatch')} />
  ) : (
    <Empty
      description={
        <>
          <div>{t('inventory.stock.empty.noLines')}</div>
          <Typography.Text type="secondary">{t('inventory.stock.empty.noLinesHint')}</Typography.Text>
        </>
      }
    />
  );
  return (
    <>
      <Table<InventoryRow>
        className="zb-stock-table"
        size="small"
        virtual={virtual}
        rowKey={(row) => row.line.id}
        columns={columnsOf(t, language, locationCode)}
        dataSource={rows}
        pagination={false}
        loading={page === undefined}
        scroll={{ x: scrollWidth, y: height }}
        locale={{ emptyText: page === undefined ? t('inventory.stock.loading') : empty }}
        onScroll={onScroll}
        onRow={(row) => ({
          tabIndex: 0,
          className: 'zb-stock-row',
          onClick: () => onOpen(row.line),
          onKeyDown: (event) => {
            if (event.key === 'Enter') onOpen(row.line);
          },
        })}
      />
      {page && rows.length > 0 && (
        <div className="zb-stock-count">
          <Typography.Text type="secondary">
            {t(page.hasMore ? 'inventory.stock.shownMore' : 'inventory.stock.shown', { count: rows.length })}
          </Typography.Text>
          {page.hasMore && (
            <Button size="small" type="link" onClick={loadMore}>
              {t('inventory.stock.loadMore')}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
