import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentBook } from '../../app/current-book';
import { useServices } from '../../app/services';
import { FirstRun } from '../first-run/FirstRun';
import { LatestMovements } from './LatestMovements';
import { MovementForm } from './MovementForm';

/** Logging a movement of every kind, keyboard- and scanner-first, with the latest ones beneath. */
export function MovementsPage() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { book } = useCurrentBook();
  return (
    <>
      <Typography.Title level={3}>{t('movements.title')}</Typography.Title>
      {!store ? (
        <Alert type="error" showIcon title={t('movements.noStore')} />
      ) : !book ? (
        <FirstRun onEmptyBook={() => (window.location.hash = '#/inventory')} />
      ) : (
        <>
          <Card size="small" style={{ marginBottom: 24 }}>
            <MovementForm key={book.id} db={store.db} book={book} deviceId={store.deviceId} />
          </Card>
          <LatestMovements db={store.db} book={book} />
        </>
      )}
    </>
  );
}
