import { Alert, App, Button, Form, Input, Space, Table } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountBook, FieldError, Location as BookLocation } from '../../../../shared/domain';
import { Location, newId } from '../../../../shared/domain';
import { saveLocations } from '../../../../shared/store';
import { useServices } from '../../../app/services';
import {
  blankAsUndefined,
  fieldErrorsOfFailure,
  schemaRule,
  showFieldErrors,
  useMessageLanguage,
} from '../../forms/zod-fields';

const fields = ['code', 'name'] as const;

/** The locations (bins, shelves, bays) of one book: added by code and name, renamed in place. */
export function LocationsEditor({ book }: { book: AccountBook }) {
  const { t } = useTranslation();
  const language = useMessageLanguage();
  const { store } = useServices();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [editing, setEditing] = useState<BookLocation | null>(null);
  const [otherErrors, setOtherErrors] = useState<FieldError[]>([]);
  // Counts the locations added here, so the code field takes the focus for the next one. Only after the
  // render: resetFields mounts the inputs afresh, and the focus would be lost with the old ones.
  const [added, setAdded] = useState(0);
  useEffect(() => {
    if (added) form.focusField('code');
  }, [added, form]);
  const locations =
    useLiveQuery(
      () => store?.db.locations.where('bookId').equals(book.id).sortBy('code') ?? [],
      [store, book.id],
    ) ?? [];

  function startEdit(location: BookLocation | null) {
    setEditing(location);
    setOtherErrors([]);
    form.resetFields();
    if (location) form.setFieldsValue(location);
  }

  async function save(values: { code?: string; name?: string }) {
    if (!store) return;
    const candidate = {
      id: editing?.id ?? newId(),
      bookId: book.id,
      code: blankAsUndefined(values.code),
      name: blankAsUndefined(values.name),
    };
    // The store refuses a code already used in the book, whether or not the table below has loaded.
    try {
      const [saved] = await saveLocations(store.db, [candidate]);
      message.success(t('inventory.setup.locations.saved', { code: saved?.code }));
      startEdit(null);
      setAdded((count) => count + 1);
    } catch (error) {
      setOtherErrors(showFieldErrors(form, fieldErrorsOfFailure(error, language), fields));
    }
  }

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Form
        name="location"
        form={form}
        layout="inline"
        validateTrigger="onBlur"
        onFinish={save}
        aria-label={t('inventory.setup.locations.title')}
      >
        <Form.Item
          name="code"
          label={`${t('inventory.setup.locations.code')} (code)`}
          rules={[schemaRule(Location.shape.code, language)]}
        >
          <Input autoComplete="off" placeholder="A-01-01" disabled={editing !== null} />
        </Form.Item>
        <Form.Item
          name="name"
          label={`${t('inventory.setup.locations.name')} (name)`}
          rules={[schemaRule(Location.shape.name, language)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {editing ? t('inventory.setup.locations.save') : t('inventory.setup.locations.add')}
        </Button>
        {editing && <Button onClick={() => startEdit(null)}>{t('inventory.setup.locations.cancel')}</Button>}
      </Form>
      {otherErrors.map((error) => (
        <Alert key={error.field + error.message} type="error" showIcon title={error.message} />
      ))}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={locations}
        locale={{ emptyText: t('inventory.setup.locations.none') }}
        columns={[
          { title: t('inventory.setup.locations.code'), dataIndex: 'code', width: 160 },
          { title: t('inventory.setup.locations.name'), dataIndex: 'name' },
          {
            title: '',
            key: 'edit',
            width: 100,
            render: (_: unknown, location: BookLocation) => (
              <Button size="small" type="link" onClick={() => startEdit(location)}>
                {t('inventory.setup.locations.edit')}
              </Button>
            ),
          },
        ]}
      />
    </Space>
  );
}
