import { Table, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { AccountBook } from '../../../shared/domain';
import { kinds } from '../../../shared/ledger';
import type { ZonebookDb } from '../../../shared/store';

const shownCount = 15;

/** The latest movements of the book, newest first, updated as soon as one is posted anywhere. */
export function LatestMovements({ db, book }: { db: ZonebookDb; book: AccountBook }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language === 'zh-CN';
  const latest = useLiveQuery(async () => {
    // localSeq is the order this workstation took entries in; the newest of this book come first.
    const rows = await db.journal
      .orderBy('localSeq')
      .reverse()
      .filter((row) => row.bookId === book.id)
      .limit(shownCount)
      .toArray();
    const lineIds = [...new Set(rows.flatMap((row) => row.bookLineIds))];
    const locationIds = [
      ...new Set(
        rows.flatMap((row) => row.entry.movement.lines.flatMap((l) => [l.fromLocationId, l.toLocationId])),
      ),
    ].filter((id): id is string => id !== undefined);
    const [lines, locations] = await Promise.all([
      db.bookLines.bulkGet(lineIds),
      db.locations.bulkGet(locationIds),
    ]);
    const lineName = new Map(
      lines.flatMap((l) => (l ? [[l.id, `#${l.gdsSeqno} ${l.gdsMtno}`] as const] : [])),
    );
    const locationCode = new Map(locations.flatMap((l) => (l ? [[l.id, l.code] as const] : [])));
    return rows.map((row) => ({ row, lineName, locationCode }));
  }, [db, book.id]);

  type Latest = NonNullable<typeof latest>[number];
  const describeLines = ({ row, lineName, locationCode }: Latest) =>
    row.entry.movement.lines
      .map((line) => {
        // "A-01 →" out of the zone, "→ A-01" into it, "A-01 → A-02" for a relocation.
        const from = line.fromLocationId && (locationCode.get(line.fromLocationId) ?? '?');
        const to = line.toLocationId && (locationCode.get(line.toLocationId) ?? '?');
        const where = from || to ? [from, '→', to].filter(Boolean).join(' ') : '';
        return `${lineName.get(line.bookLineId) ?? line.bookLineId} × ${line.qty}${where ? ` (${where})` : ''}`;
      })
      .join('; ');

  return (
    <>
      <Typography.Title level={4}>{t('movements.latest')}</Typography.Title>
      <Table
        size="small"
        pagination={false}
        loading={latest === undefined}
        rowKey={(item) => item.row.id}
        dataSource={latest ?? []}
        locale={{ emptyText: t('movements.noneYet') }}
        columns={[
          {
            title: t('movements.time'),
            width: 170,
            render: (_: unknown, { row }: Latest) =>
              new Date(row.entry.movement.occurredAt).toLocaleString(i18n.language),
          },
          {
            title: t('movements.kind'),
            width: 200,
            render: (_: unknown, { row }: Latest) => {
              const kind = kinds[row.kind];
              return zh ? kind.nameZh : kind.nameEn;
            },
          },
          { title: t('movements.lines'), render: (_: unknown, item: Latest) => describeLines(item) },
          {
            title: t('movements.counterpartyName'),
            width: 200,
            render: (_: unknown, { row }: Latest) => row.entry.movement.counterparty?.name ?? '',
          },
        ]}
      />
    </>
  );
}
