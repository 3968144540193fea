import { Button, Result, Spin } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentBook } from '../../../app/current-book';
import { useServices, type AppServices } from '../../../app/services';
import type { AccountBook } from '../../../../shared/domain/account-book';
import type { BookLine } from '../../../../shared/domain/book-line';
import { LineHistoryDrawer } from './LineHistoryDrawer';
import { StockExportButtons } from './StockExportButtons';
import { StockFilters } from './StockFilters';
import { StockTable } from './StockTable';
import { hasStockFilters, inventoryFilterOf, noStockFilters, type StockFilterValues } from './stock-table';
import { useBookLocations } from './use-book-locations';
import { useDebounced } from './use-debounced';
import { useTableHeight } from './use-table-height';
import './stock.css';

interface StockTabProps {
  /** Where to send someone who has no book yet. */
  onGoToSetup: () => void;
  /** See StockTable: false only where nothing is laid out (jsdom). */
  virtual?: boolean;
}

type OpenedStore = NonNullable<AppServices['store']>;

function BookStock({ store, book, virtual }: { store: OpenedStore; book: AccountBook; virtual: boolean }) {
  const [values, setValues] = useState<StockFilterValues>(noStockFilters);
  const text = useDebounced(values.text, 250);
  const { locations, locationCode } = useBookLocations(store.db, book);
  const [opened, setOpened] = useState<BookLine | null>(null);
  const [tableTop, height] = useTableHeight();
  const applied = { ...values, text };
  const filter = inventoryFilterOf(book.id, applied);
  const filterKey = JSON.stringify(filter);
  return (
    <div className="zb-stock">
      <div className="zb-stock-toolbar">
        <StockFilters values={values} onChange={setValues} locations={locations} />
        <StockExportButtons
          db={store.db}
          filter={filter}
          putrecNo={book.putrecNo}
          locationCode={locationCode}
        />
      </div>
      <div ref={tableTop}>
        <StockTable
          // A new filter starts again from the first page.
          key={filterKey}
          db={store.db}
          filter={filter}
          filtered={hasStockFilters(applied)}
          locationCode={locationCode}
          onOpen={setOpened}
          height={height}
          virtual={virtual}
        />
      </div>
      {opened && (
        <LineHistoryDrawer
          db={store.db}
          deviceId={store.deviceId}
          line={opened}
          locationCode={locationCode}
          onClose={() => setOpened(null)}
        />
      )}
    </div>
  );
}

/** The Stock tab: the current book's lines and where their goods are, with history and reversal. */
export function StockTab({ onGoToSetup, virtual = true }: StockTabProps) {
  const { t } = useTranslation();
  const { store } = useServices();
  const { book } = useCurrentBook();
  // Counted here because the current book is also undefined while the books are still loading, and
  // "there is no book" must not flash up on a workstation that has one.
  const bookCount = useLiveQuery(() => store?.db.books.count() ?? 0, [store]);
  if (!store) return <Result status="warning" title={t('inventory.stock.empty.noStore')} />;
  if (!book) {
    if (bookCount !== 0) return <Spin description={t('inventory.stock.loading')} />;
    return (
      <Result
        status="info"
        title={t('inventory.stock.empty.noBook')}
        subTitle={t('inventory.stock.empty.noBookHint')}
        extra={
          <Button type="primary" onClick={onGoToSetup}>
            {t('inventory.stock.empty.goToSetup')}
          </Button>
        }
      />
    );
  }
  return <BookStock key={book.id} store={store} book={book} virtual={virtual} />;
}
