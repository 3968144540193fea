import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '../../../shared/customs/lifecycle/document-status';
import type { DeclarationRow } from '../../../shared/store';

const colors: Record<DocumentStatus, string> = {
  draft: 'default',
  queued: 'gold',
  sent: 'blue',
  importFailed: 'red',
  imported: 'cyan',
  manualReview: 'purple',
  rejected: 'red',
  approved: 'geekblue',
  prePosted: 'lime',
  gatePassed: 'green',
  posted: 'green',
  withdrawing: 'orange',
  withdrawn: 'default',
};

/** The document's lifecycle status, with "parked" beside it when the sync engine set it aside. */
export function StatusTag({ row }: { row: DeclarationRow }) {
  const { t } = useTranslation();
  const status = row.state.status;
  return (
    <Space size={2} wrap>
      <Tag color={colors[status]} data-status={status}>
        {t(`declarations.status.${status}`)}
      </Tag>
      {row.outboxState === 'parked' && <Tag color="volcano">{t('declarations.parkedTag')}</Tag>}
      {row.outboxState === 'waiting' && (
        <span className="zb-decl-note">{t('declarations.waitsForList')}</span>
      )}
    </Space>
  );
}
