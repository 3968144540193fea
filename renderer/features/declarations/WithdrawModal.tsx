import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '../../../shared/customs/lifecycle/document-status';
import { withdrawDocument, type DeclarationRow, type ZonebookDb } from '../../../shared/store';
import { useMessageLanguage } from '../forms/zod-fields';
import { refusalText } from './refusal';

interface WithdrawModalProps {
  db: ZonebookDb;
  row: DeclarationRow;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** Statuses at which customs holds no live record: withdrawing is immediate (document-commands.ts). */
const notAtCustoms: readonly DocumentStatus[] = ['draft', 'queued', 'importFailed', 'rejected'];

/** Withdraws a document, with a reason, saying first what becomes of its movements and its number. */
export function WithdrawModal({ db, row, onDone, onClose }: WithdrawModalProps) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const number = row.etpsInnerInvtNo;
  const immediate = notAtCustoms.includes(row.state.status);
  async function withdraw() {
    if (reason.trim() === '') {
      setMissing(true);
      return;
    }
    setSaving(true);
    setRefusal(null);
    try {
      const next = await withdrawDocument(db, row.id, reason.trim(), { now: new Date().toISOString() });
      onDone(
        t(
          next.state.status === 'withdrawn'
            ? 'declarations.workbench.withdrawn'
            : 'declarations.workbench.withdrawalRequested',
          { number },
        ),
      );
    } catch (error) {
      setRefusal(refusalText(error, language));
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={t('declarations.withdraw.title', { number })}
      okText={t('declarations.withdraw.submit')}
      okButtonProps={{ danger: true }}
      cancelText={t('declarations.withdraw.cancel')}
      confirmLoading={saving}
      onOk={() => void withdraw()}
      onCancel={onClose}
    >
      <Alert
        type="warning"
        showIcon
        message={t(immediate ? 'declarations.withdraw.beforeCustoms' : 'declarations.withdraw.atCustoms', {
          number,
        })}
      />
      <Form layout="vertical" className="zb-decl-modal-form">
        <Form.Item
          label={t('declarations.withdraw.reason')}
          required
          validateStatus={missing ? 'error' : undefined}
          help={missing ? t('declarations.withdraw.reasonRequired') : undefined}
        >
          <Input.TextArea
            autoFocus
            rows={2}
            aria-label={t('declarations.withdraw.reason')}
            value={reason}
            onChange={(event) => {
              setReason(event.target.value);
              setMissing(false);
            }}
          />
        </Form.Item>
      </Form>
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('declarations.workbench.refused', { message: refusal })}
        />
      )}
    </Modal>
  );
}
