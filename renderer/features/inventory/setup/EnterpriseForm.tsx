import { Alert, App, Button, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AeoLevel, Enterprise, newId, type FieldError } from '../../../../shared/domain';
import { saveEnterprise } from '../../../../shared/store';
import { useServices } from '../../../app/services';
import {
  blankAsUndefined,
  fieldErrorsOfFailure,
  schemaRule,
  showFieldErrors,
  useMessageLanguage,
} from '../../forms/zod-fields';

const fields = ['name', 'sccd', 'etpsno', 'aeoLevel'] as const;

/** Creates or edits the enterprise that owns the book: its name and the codes customs knows it by. */
export function EnterpriseForm({
  enterprise,
  onSaved,
}: {
  enterprise: Enterprise | undefined;
  onSaved?: (enterprise: Enterprise) => void;
}) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  useEffect(() => form.setFieldsValue(enterprise ?? { aeoLevel: 'none' }), [enterprise, form]);

  async function save(values: Record<string, unknown>) {
    if (!store) return;
    const candidate: Record<string, unknown> = { ...values, id: enterprise?.id ?? newId() };
    for (const field of fields) candidate[field] = blankAsUndefined(candidate[field]);
    try {
      const saved = await saveEnterprise(store.db, candidate);
      setOtherErrors([]);
      message.success(t('inventory.setup.enterprise.saved', { name: saved.name }));
      onSaved?.(saved);
    } catch (error) {
      setOtherErrors(showFieldErrors(form, fieldErrorsOfFailure(error, language), fields));
    }
  }

  const label = (field: string) => `${t(`inventory.setup.enterprise.${field}`)} (${field})`;
  return (
    <Form
      name="enterprise"
      form={form}
      layout="vertical"
      validateTrigger="onBlur"
      onFinish={save}
      aria-label={t('inventory.setup.enterprise.title')}
    >
      <Form.Item name="name" label={label('name')} rules={[schemaRule(Enterprise.shape.name, language)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="sccd" label={label('sccd')} rules={[schemaRule(Enterprise.shape.sccd, language)]}>
        <Input autoComplete="off" maxLength={18} placeholder="91110000XXXXXXXXXX" />
      </Form.Item>
      <Form.Item
        name="etpsno"
        label={label('etpsno')}
        rules={[schemaRule(Enterprise.shape.etpsno, language)]}
      >
        <Input autoComplete="off" maxLength={10} placeholder="1101XXXXXX" />
      </Form.Item>
      <Form.Item name="aeoLevel" label={label('aeoLevel')} rules={[schemaRule(AeoLevel, language)]}>
        <Select
          options={AeoLevel.options.map((level) => ({
            value: level,
            label: t(`inventory.setup.enterprise.aeo.${level}`),
          }))}
        />
      </Form.Item>
      {otherErrors.map((error) => (
        <Alert
          key={error.field + error.message}
          type="error"
          showIcon
          title={error.message}
          style={{ marginBottom: 12 }}
        />
      ))}
      <Button type="primary" htmlType="submit">
        {t('inventory.setup.enterprise.save')}
      </Button>
    </Form>
  );
}
