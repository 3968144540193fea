import { Alert, Segmented, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentBook } from '../../../app/current-book';
import { useServices } from '../../../app/services';
import { BookLineImport } from './BookLineImport';
import { OpeningBalanceImport } from './OpeningBalanceImport';

type What = 'bookLines' | 'openingBalances';

/** Imports into the current book: first its item master, then the stock it opens with. */
export function ImportTab() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { book } = useCurrentBook();
  const [what, setWhat] = useState<What>('bookLines');
  if (!store) return <Alert type="error" showIcon title={t('inventory.setup.noStore')} />;
  if (!book) return <Alert type="info" showIcon title={t('inventory.import.needBook')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Segmented<What>
        value={what}
        onChange={setWhat}
        options={[
          { value: 'bookLines', label: t('inventory.import.bookLines') },
          { value: 'openingBalances', label: t('inventory.import.openingBalances') },
        ]}
      />
      {what === 'bookLines' ? (
        <BookLineImport key={book.id} db={store.db} book={book} />
      ) : (
        <OpeningBalanceImport key={book.id} db={store.db} book={book} deviceId={store.deviceId} />
      )}
    </Space>
  );
}
