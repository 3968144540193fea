import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Logging a movement of every kind, keyboard- and scanner-first. */
export function MovementsPage() {
  const { t } = useTranslation();
  return <Typography.Title level={3}>{t('movements.title')}</Typography.Title>;
}
