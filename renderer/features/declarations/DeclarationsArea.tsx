import { Result, Spin, Tabs } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountBook } from '../../../shared/domain/account-book';
import { useCurrentBook } from '../../app/current-book';
import { useServices, type AppServices } from '../../app/services';
import { DocumentDrawer } from './DocumentDrawer';
import { DocumentsTab } from './DocumentsTab';
import { needsOfficer } from './document-view';
import { ReconciliationTab } from './ReconciliationTab';
import { UnmatchedReceipts } from './UnmatchedReceipts';
import { useBookDeclarations, useUnmatchedReceipts } from './use-declarations';
import { Workbench } from './Workbench';
import './declarations.css';

type OpenedStore = NonNullable<AppServices['store']>;

function BookDeclarations({ store, book }: { store: OpenedStore; book: AccountBook }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState('documents');
  const [openedId, setOpenedId] = useState<string | null>(null);
  const rows = useBookDeclarations(store.db, book.id);
  const unmatched = useUnmatchedReceipts(store.db);
  const toFix = (rows ?? []).filter(needsOfficer);
  const opened = openedId ? rows?.find((row) => row.id === openedId) : undefined;
  return (
    <>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'documents',
            label: t('declarations.tabs.documents'),
            children: <DocumentsTab db={store.db} bookId={book.id} rows={rows} onOpen={setOpenedId} />,
          },
          {
            key: 'workbench',
            label: t('declarations.tabs.workbench', { count: toFix.length }),
            children: <Workbench db={store.db} rows={toFix} onOpen={setOpenedId} />,
          },
          {
            key: 'reconciliation',
            label: t('declarations.tabs.reconciliation'),
            children: <ReconciliationTab db={store.db} bookId={book.id} />,
          },
          {
            key: 'unmatched',
            label: t('declarations.tabs.unmatched', { count: unmatched?.length ?? 0 }),
            children: <UnmatchedReceipts rows={unmatched} />,
          },
        ]}
      />
      {opened && <DocumentDrawer db={store.db} row={opened} onClose={() => setOpenedId(null)} />}
    </>
  );
}

/**
 * The compliance officer's area: the book's customs documents by status, each one's detail, the
 * rejection workbench, reconciliation with customs' book, and receipts that matched nothing.
 */
export function DeclarationsArea() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { book } = useCurrentBook();
  const bookCount = useLiveQuery(() => store?.db.books.count() ?? 0, [store]);
  if (!store) return <Result status="warning" title={t('declarations.empty.noStore')} />;
  if (!book) {
    if (bookCount !== 0) return <Spin description={t('declarations.empty.loading')} />;
    return <Result status="info" title={t('declarations.empty.noBook')} />;
  }
  return <BookDeclarations key={book.id} store={store} book={book} />;
}
