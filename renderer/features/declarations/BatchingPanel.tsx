import { ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeBatchingPolicy } from '../../../shared/customs/batching';
import type { ZonebookDb } from '../../../shared/store';
import { useServices } from '../../app/services';
import { kindName } from '../inventory/stock/ledger-names';
import { localTime } from './document-view';
import { useHeldMovements } from './use-declarations';

/** "Batch now" asks the one sync actor for a pass; without one (no store, screen tests) it says why. */
function BatchNowButton() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { sync } = useServices();
  const button = (
    <Button
      type="primary"
      icon={<ThunderboltOutlined />}
      disabled={!sync}
      onClick={() => {
        sync?.syncNow();
        void message.info(t('declarations.batching.requested'));
      }}
    >
      {t('declarations.batching.batchNow')}
    </Button>
  );
  return (
    <Tooltip title={sync ? t('declarations.batching.batchNowHint') : t('declarations.batching.noSync')}>
      {sync ? button : <span>{button}</span>}
    </Tooltip>
  );
}

/** What stays pending after batching, and why: nothing is left out without a reason. */
function HeldMovements({ db, bookId }: { db: ZonebookDb; bookId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const held = useHeldMovements(db, bookId);
  if (!held) return null;
  if (held.length === 0)
    return <Typography.Text type="secondary">{t('declarations.batching.nothingHeld')}</Typography.Text>;
  return (
    <div data-testid="held-movements">
      <Typography.Text type="warning">
        {t('declarations.batching.held', { count: held.length })}
      </Typography.Text>
      <ul className="zb-decl-held">
        {held.map((movement) => (
          <li key={movement.movementId}>
            <span className="zb-code">{localTime(movement.occurredAt)}</span>{' '}
            {kindName(movement.kind, language)} —{' '}
            <b>{t(`declarations.batching.holdCode.${movement.code}`)}</b>:{' '}
            {movement.shortfalls
              ? movement.shortfalls
                  .map((short) =>
                    t('declarations.batching.shortfall', {
                      ...short,
                      source: t(`declarations.batching.postedFrom.${short.postedFrom}`),
                    }),
                  )
                  .join(language === 'zh-CN' ? '；' : '; ')
              : movement.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The batching policy in words, beside "batch now" and what batching leaves pending. */
export function BatchingPanel({ db, bookId }: { db: ZonebookDb; bookId: string }) {
  const { t, i18n } = useTranslation();
  const rules = describeBatchingPolicy(i18n.language === 'zh-CN' ? 'zh-CN' : 'en');
  return (
    <div className="zb-decl-batching">
      <Space align="start" size="large" className="zb-decl-batching-row">
        <BatchNowButton />
        <HeldMovements db={db} bookId={bookId} />
      </Space>
      <Collapse
        size="small"
        items={[
          {
            key: 'policy',
            label: t('declarations.batching.title'),
            children: (
              <ol className="zb-decl-policy">
                {rules.map((rule) => (
                  <li key={rule}>{rule}</li>
                ))}
              </ol>
            ),
          },
        ]}
      />
    </div>
  );
}
