import { Alert, App, AutoComplete, Button, Flex, Form, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bookTypesTable, customsDistrictsTable } from '../../../../shared/codes';
import { AccountBook, newId, type FieldError } from '../../../../shared/domain';
import { saveBook } from '../../../../shared/store';
import { useServices } from '../../../app/services';
import {
  blankAsUndefined,
  fieldErrorsOfFailure,
  schemaRule,
  showFieldErrors,
  useMessageLanguage,
} from '../../forms/zod-fields';

const fields = ['putrecNo', 'name', 'bwlTypecd', 'masterCuscd', 'validFrom', 'finishValidDate'] as const;

/** Creates or edits an account book (账册) of the enterprise: its number, type, customs office and validity. */
export function BookForm({
  book,
  ownerEnterpriseId,
  onSaved,
  onCancel,
}: {
  book: AccountBook | undefined;
  ownerEnterpriseId: string;
  onSaved: (book: AccountBook) => void;
  onCancel?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = useMessageLanguage();
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  const zh = i18n.language === 'zh-CN';
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(book ?? { bwlTypecd: 'Z' });
  }, [book, form]);

  async function save(values: Record<string, unknown>) {
    if (!store) return;
    const candidate: Record<string, unknown> = { ...values, id: book?.id ?? newId(), ownerEnterpriseId };
    for (const field of fields) candidate[field] = blankAsUndefined(candidate[field]);
    try {
      const saved = await saveBook(store.db, candidate);
      setOtherErrors([]);
      message.success(t('inventory.setup.book.saved', { putrecNo: saved.putrecNo }));
      onSaved(saved);
    } catch (error) {
      setOtherErrors(showFieldErrors(form, fieldErrorsOfFailure(error, language), fields));
    }
  }

  const label = (field: string) => `${t(`inventory.setup.book.${field}`)} (${field})`;
  const dateRule = (field: 'validFrom' | 'finishValidDate') => schemaRule(AccountBook.shape[field], language);
  return (
    <Form
      name="book"
      form={form}
      layout="vertical"
      validateTrigger="onBlur"
      onFinish={save}
      aria-label={t('inventory.setup.book.title')}
    >
      <Form.Item
        name="putrecNo"
        label={label('putrecNo')}
        rules={[schemaRule(AccountBook.shape.putrecNo, language)]}
      >
        <Input autoComplete="off" maxLength={12} placeholder="T3111W000076" />
      </Form.Item>
      <Form.Item name="name" label={label('name')} rules={[schemaRule(AccountBook.shape.name, language)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="bwlTypecd"
        label={label('bwlTypecd')}
        rules={[schemaRule(AccountBook.shape.bwlTypecd, language)]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={bookTypesTable.rows.map((row) => ({
            value: row.code,
            label: `${row.code} ${zh ? row.nameZh : row.nameEn}`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="masterCuscd"
        label={label('masterCuscd')}
        rules={[schemaRule(AccountBook.shape.masterCuscd, language)]}
      >
        <AutoComplete
          placeholder="0115"
          showSearch={{ filterOption: (typed, option) => String(option?.label ?? '').includes(typed) }}
          options={customsDistrictsTable.rows.map((row) => ({
            value: row.code,
            label: `${row.code} ${zh ? row.nameZh : row.nameEn}`,
          }))}
        />
      </Form.Item>
      <Flex gap="large" wrap>
        <Form.Item name="validFrom" label={label('validFrom')} rules={[dateRule('validFrom')]}>
          <Input autoComplete="off" maxLength={8} placeholder={t('inventory.setup.book.datePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="finishValidDate"
          label={label('finishValidDate')}
          rules={[dateRule('finishValidDate')]}
        >
          <Input autoComplete="off" maxLength={8} placeholder={t('inventory.setup.book.datePlaceholder')} />
        </Form.Item>
      </Flex>
      {otherErrors.map((error) => (
        <Alert
          key={error.field + error.message}
          type="error"
          showIcon
          title={error.message}
          style={{ marginBottom: 12 }}
        />
      ))}
      <Space>
        <Button type="primary" htmlType="submit">
          {t('inventory.setup.book.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('inventory.setup.book.cancelNew')}</Button>}
      </Space>
    </Form>
  );
}
