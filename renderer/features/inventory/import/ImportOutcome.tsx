import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../../../shared/domain';

export type Outcome = { ok: true; text: string } | { ok: false; errors: readonly FieldError[] };

/** What the import did: everything, or — when the store refused — nothing, and why. */
export function ImportOutcome({ outcome }: { outcome: Outcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  if (outcome.ok) return <Alert type="success" showIcon title={outcome.text} role="status" />;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('inventory.import.refused')}
      description={outcome.errors.map((error) => (
        <Typography.Paragraph key={error.field + error.message} style={{ marginBottom: 0 }}>
          {error.field ? `${error.field}: ${error.message}` : error.message}
        </Typography.Paragraph>
      ))}
    />
  );
}
