import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  changeDocument,
  type DeclarationRow,
  type DocumentEdit,
  type ZonebookDb,
} from '../../../shared/store';
import { useMessageLanguage } from '../forms/zod-fields';
import { refusalText } from './refusal';

interface RedeclareModalProps {
  db: ZonebookDb;
  row: DeclarationRow;
  onDone: (message: string) => void;
  onClose: () => void;
}

/** The fix: the officer's remark on the head; an empty one leaves the document as it was. */
const withRemark =
  (remark: string): DocumentEdit =>
  (document) => {
    if (remark === '') return document;
    // The kinds' heads are different types, so each is rebuilt as its own kind.
    switch (document.kind) {
      case 'INV101':
        return { ...document, head: { ...document.head, rmk: remark } };
      case 'SAS101':
        return { ...document, head: { ...document.head, rmk: remark } };
      case 'SAS111':
        return { ...document, head: { ...document.head, rmk: remark } };
      case 'SAS121':
        return { ...document, head: { ...document.head, rmk: remark } };
    }
  };

/**
 * Re-declares a rejected document under its same number. What can be fixed here is the remark: lines
 * and quantities follow the movements and the store refuses any other change to them.
 */
export function RedeclareModal({ db, row, onDone, onClose }: RedeclareModalProps) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const [rmk, setRmk] = useState(row.document.head.rmk ?? '');
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const number = row.etpsInnerInvtNo;
  async function redeclare() {
    setSaving(true);
    setRefusal(null);
    try {
      await changeDocument(db, row.id, withRemark(rmk.trim()), { now: new Date().toISOString() });
      onDone(t('declarations.workbench.redeclared', { number }));
    } catch (error) {
      setRefusal(refusalText(error, language));
      setSaving(false);
    }
  }
  return (
    <Modal
      open
      title={t('declarations.redeclare.title', { number })}
      okText={t('declarations.redeclare.submit')}
      cancelText={t('declarations.redeclare.cancel')}
      confirmLoading={saving}
      onOk={() => void redeclare()}
      onCancel={onClose}
    >
      <Alert type="info" showIcon message={t('declarations.redeclare.sameNumber', { number })} />
      <Form layout="vertical" className="zb-decl-modal-form">
        <Form.Item label={t('declarations.redeclare.rmk')} extra={t('declarations.redeclare.rmkHint')}>
          <Input.TextArea
            autoFocus
            rows={2}
            maxLength={512}
            value={rmk}
            onChange={(event) => setRmk(event.target.value)}
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
