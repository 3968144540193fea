import { Alert, Button, Card, Col, Row } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentBook } from '../../../app/current-book';
import { useServices } from '../../../app/services';
import { FirstRun } from '../../first-run/FirstRun';
import { BookForm } from './BookForm';
import { EnterpriseForm } from './EnterpriseForm';
import { LocationsEditor } from './LocationsEditor';

/**
 * The set-up of the current book: its owner enterprise, the book itself, and its locations. With no book
 * yet, it creates the first one; "New book" adds another book of the same enterprise.
 */
export function SetupTab() {
  const { t } = useTranslation();
  const { store } = useServices();
  const { book, choose } = useCurrentBook();
  const [creatingBook, setCreatingBook] = useState(false);
  const [startedEmpty, setStartedEmpty] = useState(false);
  const enterprises = useLiveQuery(() => store?.db.enterprises.toArray() ?? [], [store]);
  if (!store) return <Alert type="error" showIcon title={t('inventory.setup.noStore')} />;
  if (!enterprises) return null;
  if (!book && enterprises.length === 0 && !startedEmpty)
    return <FirstRun onEmptyBook={() => setStartedEmpty(true)} />;
  const enterprise = enterprises.find((e) => e.id === book?.ownerEnterpriseId) ?? enterprises[0];
  const editedBook = creatingBook ? undefined : book;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={t('inventory.setup.enterprise.title')} size="small">
          <EnterpriseForm enterprise={enterprise} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card
          title={editedBook ? t('inventory.setup.book.title') : t('inventory.setup.book.newTitle')}
          size="small"
          extra={
            editedBook && (
              <Button size="small" onClick={() => setCreatingBook(true)}>
                {t('inventory.setup.book.newBook')}
              </Button>
            )
          }
        >
          {enterprise ? (
            <BookForm
              book={editedBook}
              ownerEnterpriseId={enterprise.id}
              onSaved={(saved) => {
                choose(saved.id);
                setCreatingBook(false);
              }}
              onCancel={creatingBook && book ? () => setCreatingBook(false) : undefined}
            />
          ) : (
            <Alert type="info" showIcon title={t('inventory.setup.book.needEnterprise')} />
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card
          title={
            book
              ? t('inventory.setup.locations.titleOf', { putrecNo: book.putrecNo })
              : t('inventory.setup.locations.title')
          }
          size="small"
        >
          {book ? (
            <LocationsEditor book={book} />
          ) : (
            <Alert type="info" showIcon title={t('inventory.setup.locations.needBook')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
