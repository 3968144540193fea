import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeLanguage } from '../../../../shared/codes';
import { newId } from '../../../../shared/domain/ids';
import { kinds, reverseMovement, type Movement } from '../../../../shared/ledger';
import { postMovement, StoreError, type ZonebookDb } from '../../../../shared/store';
import { localizeDomainMessage } from '../../../app/domain-messages';
import { movementName, readableCustomsDate } from './ledger-names';

/** The store's own message names the book line, location and shortfall, so it is shown as it is. */
interface Refusal {
  title: string;
  message: string;
}

interface ReverseMovementModalProps {
  db: ZonebookDb;
  deviceId: string;
  original: Movement;
  onClose: () => void;
}

interface ReversalForm {
  reason: string;
  approvalBy?: string;
}

/**
 * Reverses one movement: asks why (and who approved, when the kind needs approval), posts the exact
 * inverse, and shows the store's refusal in words when it says no.
 */
export function ReverseMovementModal({ db, deviceId, original, onClose }: ReverseMovementModalProps) {
  const { t, i18n } = useTranslation();
  const language: CodeLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const { message } = App.useApp();
  const [form] = Form.useForm<ReversalForm>();
  const [posting, setPosting] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const needsApproval = kinds[original.kind].approval;

  const refusalOf = (error: unknown): Refusal =>
    error instanceof StoreError
      ? {
          title: t(`inventory.stock.reverse.refusedTitle.${error.code}`),
          message: localizeDomainMessage(error.message, language),
        }
      : {
          title: t('inventory.stock.reverse.refusedTitle.unexpected'),
          message: error instanceof Error ? error.message : String(error),
        };

  async function submit() {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setPosting(true);
    setRefusal(null);
    try {
      const now = new Date().toISOString();
      const reversal = reverseMovement(original, {
        id: newId(),
        occurredAt: now,
        reason: values.reason.trim(),
        ...(needsApproval && values.approvalBy && { approval: { by: values.approvalBy.trim(), at: now } }),
      });
      await postMovement(db, reversal, { deviceId });
      void message.success(t('inventory.stock.reverse.done'));
      onClose();
    } catch (error) {
      setRefusal(refusalOf(error));
    } finally {
      setPosting(false);
    }
  }

  return (
    <Modal
      open
      title={t('inventory.stock.reverse.title', {
        kind: movementName(original, t, language),
        date: readableCustomsDate(original.customsDate),
      })}
      okText={t('inventory.stock.reverse.submit')}
      cancelText={t('inventory.stock.reverse.cancel')}
      okButtonProps={{ danger: true }}
      confirmLoading={posting}
      onOk={() => void submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">{t('inventory.stock.reverse.explain')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark onFinish={() => void submit()}>
        <Form.Item
          name="reason"
          label={t('inventory.stock.reverse.reason')}
          rules={[{ required: true, whitespace: true, message: t('inventory.stock.reverse.reasonRequired') }]}
        >
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={1000}
            placeholder={t('inventory.stock.reverse.reasonPlaceholder')}
          />
        </Form.Item>
        {needsApproval && (
          <Form.Item
            name="approvalBy"
            label={t('inventory.stock.reverse.approvalBy')}
            rules={[
              { required: true, whitespace: true, message: t('inventory.stock.reverse.approvalRequired') },
            ]}
          >
            <Input maxLength={128} />
          </Form.Item>
        )}
      </Form>
      {refusal && (
        <Alert type="error" showIcon role="alert" title={refusal.title} description={refusal.message} />
      )}
    </Modal>
  );
}
