import { Alert, Descriptions, Form, Input, Modal, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unitName } from '../../../shared/codes';
import { Inv101Line } from '../../../shared/customs/model/inv101';
import type { Language } from '../../../shared/domain/settings';
import { changeDocument, type DeclarationRow, type ZonebookDb } from '../../../shared/store';
import { withFix, type ListLineFix } from '../../../shared/store/document-edits';
import { localizeDomainMessage } from '../../app/domain-messages';
import { blankAsUndefined, useMessageLanguage } from '../forms/zod-fields';
import { refusalText } from './refusal';

interface RedeclareModalProps {
  db: ZonebookDb;
  row: DeclarationRow;
  /** The list lines customs' reasons name (gdsSeqno); empty when they name none, and then all are shown. */
  concerned: readonly number[];
  onDone: (message: string) => void;
  onClose: () => void;
}

const lineFields = ['gdsSpcfModelDesc', 'gdsNm', 'natcd'] as const satisfies readonly (keyof ListLineFix)[];
type LineField = (typeof lineFields)[number];

interface FixValues {
  rmk?: string;
  lines?: Array<Record<LineField, string>>;
}

/** The domain's own rule for a line field, its message led by the field's name so it says what to fix. */
const lineFieldRule = (field: LineField, label: string, language: Language): Rule => ({
  validator: async (_rule, value: unknown) => {
    const parsed = Inv101Line.shape[field].safeParse(blankAsUndefined(value));
    if (!parsed.success)
      throw new Error(`${label}: ${localizeDomainMessage(parsed.error.issues[0]?.message ?? '', language)}`);
  },
});

/**
 * Re-declares a rejected document under its same number, with what customs' reasons point at fixed: a
 * list line's 规格型号 (the declaration elements), 商品名称 and 原产国, and the head's remark. Book lines,
 * items, units, prices and quantities follow the book and the movements; the store refuses any change
 * to them, so they are shown here, not offered.
 */
export function RedeclareModal({ db, row, concerned, onDone, onClose }: RedeclareModalProps) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const [form] = Form.useForm<FixValues>();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const number = row.etpsInnerInvtNo;
  const text = (key: string) => t(`declarations.redeclare.${key}`);
  const document = row.document;
  const lines =
    document.kind === 'INV101'
      ? document.lines.filter((line) => concerned.length === 0 || concerned.includes(line.gdsSeqno))
      : [];
  const initialValues: FixValues = {
    rmk: document.head.rmk ?? '',
    lines: lines.map((line) => ({
      gdsSpcfModelDesc: line.gdsSpcfModelDesc,
      gdsNm: line.gdsNm,
      natcd: line.natcd,
    })),
  };

  async function redeclare() {
    let values: FixValues;
    try {
      values = await form.validateFields();
    } catch {
      // The form shows each field's reason beside it.
      return;
    }
    setSaving(true);
    setRefusal(null);
    const fixes = new Map<number, ListLineFix>(
      lines.map((line, index) => {
        const edited = values.lines?.[index];
        const changed = lineFields.flatMap((field) => {
          const value = edited?.[field]?.trim();
          return value === undefined || value === line[field] ? [] : [[field, value] as const];
        });
        return [line.gdsSeqno, Object.fromEntries(changed)];
      }),
    );
    const rmk = values.rmk?.trim() ?? '';
    try {
      // An empty remark leaves the head's remark as it was.
      await changeDocument(db, row.id, withFix({ rmk: rmk === '' ? undefined : rmk, lines: fixes }), {
        now: new Date().toISOString(),
      });
      onDone(t('declarations.workbench.redeclared', { number }));
    } catch (error) {
      setRefusal(refusalText(error, language));
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      width={760}
      title={t('declarations.redeclare.title', { number })}
      okText={text('submit')}
      cancelText={text('cancel')}
      confirmLoading={saving}
      onOk={() => void redeclare()}
      onCancel={onClose}
    >
      <Alert type="info" showIcon message={t('declarations.redeclare.sameNumber', { number })} />
      <Form
        form={form}
        layout="vertical"
        className="zb-decl-modal-form"
        initialValues={initialValues}
        aria-label={t('declarations.redeclare.title', { number })}
      >
        {lines.map((line, index) => (
          <section key={line.gdsSeqno} className="zb-decl-fix-line" data-gds-seqno={line.gdsSeqno}>
            <Typography.Text strong>
              {t('declarations.redeclare.line', { gdsSeqno: line.gdsSeqno })}
            </Typography.Text>
            <Descriptions
              size="small"
              column={3}
              className="zb-decl-fix-locked"
              items={[
                { key: 'putrecSeqno', label: text('putrecSeqno'), children: line.putrecSeqno ?? '—' },
                { key: 'gdsMtno', label: text('gdsMtno'), children: line.gdsMtno },
                {
                  key: 'qty',
                  label: text('qty'),
                  children:
                    `${line.dclQty} ${line.dclUnitcd} ${unitName(line.dclUnitcd, language) ?? ''}`.trim(),
                },
              ]}
            />
            <Typography.Paragraph type="secondary" className="zb-decl-fix-why">
              {text('lockedWhy')}
            </Typography.Paragraph>
            {lineFields.map((field) => {
              const label = `${text(field)} (${field})`;
              return (
                <Form.Item
                  key={field}
                  name={['lines', index, field]}
                  label={label}
                  extra={field === 'gdsSpcfModelDesc' ? text('gdsSpcfModelDescHint') : undefined}
                  rules={[lineFieldRule(field, label, language)]}
                >
                  <Input
                    autoFocus={index === 0 && field === 'gdsSpcfModelDesc'}
                    aria-label={t('declarations.redeclare.fieldOfLine', {
                      field: label,
                      gdsSeqno: line.gdsSeqno,
                    })}
                    maxLength={field === 'natcd' ? 3 : 512}
                  />
                </Form.Item>
              );
            })}
          </section>
        ))}
        {document.kind !== 'INV101' && (
          <Typography.Paragraph type="secondary">{text('remarkOnly')}</Typography.Paragraph>
        )}
        <Form.Item name="rmk" label={text('rmk')} extra={text('rmkHint')}>
          <Input.TextArea rows={2} maxLength={512} />
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
