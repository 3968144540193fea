import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

export type PlannedArea = 'inventory' | 'movements' | 'group' | 'exhibits' | 'declarations' | 'reports';

/** Says plainly that an area does not work yet, rather than showing an empty screen that pretends. */
export function NotBuilt({ area }: { area: PlannedArea }) {
  const { t } = useTranslation();
  return (
    <Result
      status="info"
      title={t('notBuilt.title', { area: t(`nav.${area}`) })}
      subTitle={
        <>
          <p>{t(`notBuilt.plan.${area}`)}</p>
          <p>{t('notBuilt.body')}</p>
        </>
      }
    />
  );
}
