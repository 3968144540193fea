import { DatabaseOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { installDemo } from '../../../shared/demo';
import { useCurrentBook } from '../../app/current-book';
import { useServices } from '../../app/services';
import { tellOpeningStock } from '../customs-endpoint/opening-stock';

/**
 * The first run, when the store holds no account book: try Zonebook on a demo book (a Tianzhu zone
 * enterprise with lines and a history of every movement kind), or start an empty book of one's own.
 */
export function FirstRun({ onEmptyBook }: { onEmptyBook: () => void }) {
  const { t } = useTranslation();
  const { store, bridge } = useServices();
  const { choose } = useCurrentBook();
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function loadDemo() {
    if (!store) return;
    setLoading(true);
    setFailure(null);
    try {
      const { bookId } = await installDemo(store.db, store.deviceId, { seed: 1 });
      // The demo's stocktakes are stock customs' book holds; the sandbox must know before the lists
      // taking it out reach it, and the sync engine has been batching since the movements were posted.
      const told = await tellOpeningStock(store.db, bridge);
      if (!told.ok) void message.warning(t('endpoint.openingStockFailed', { message: told.error.message }));
      choose(bookId);
    } catch (error) {
      setFailure(t('inventory.setup.firstRun.demoFailed', { message: (error as Error).message }));
      setLoading(false);
    }
  }

  return (
    <div className="zb-first-run">
      <Typography.Title level={3}>{t('inventory.setup.firstRun.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('inventory.setup.firstRun.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Card>
            <Typography.Title level={5}>
              <DatabaseOutlined /> {t('inventory.setup.firstRun.demoTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('inventory.setup.firstRun.demoBody')}</Typography.Paragraph>
            <Button type="primary" loading={loading} disabled={!store} onClick={() => void loadDemo()}>
              {t('inventory.setup.firstRun.demo')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card>
            <Typography.Title level={5}>
              <FileAddOutlined /> {t('inventory.setup.firstRun.emptyTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('inventory.setup.firstRun.emptyBody')}</Typography.Paragraph>
            <Button disabled={loading} onClick={onEmptyBook}>
              {t('inventory.setup.firstRun.empty')}
            </Button>
          </Card>
        </Col>
      </Row>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginTop: 16 }} />}
    </div>
  );
}
