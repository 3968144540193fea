import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';

/** The e-account book: stock by custody, the book's set-up, and imports of the item master. */
export function InventoryArea() {
  const { t } = useTranslation();
  return (
    <Tabs
      destroyOnHidden
      items={[
        { key: 'stock', label: t('inventory.tabs.stock'), children: null },
        { key: 'setup', label: t('inventory.tabs.setup'), children: null },
        { key: 'import', label: t('inventory.tabs.import'), children: null },
      ]}
    />
  );
}
