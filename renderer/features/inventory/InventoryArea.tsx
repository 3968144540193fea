import { Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportTab } from './import/ImportTab';
import { SetupTab } from './setup/SetupTab';
import { StockTab } from './stock/StockTab';

/** The e-account book: stock by custody, the book's set-up, and imports of the item master. */
export function InventoryArea() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('stock');
  return (
    <Tabs
      destroyOnHidden
      activeKey={tab}
      onChange={setTab}
      items={[
        {
          key: 'stock',
          label: t('inventory.tabs.stock'),
          children: <StockTab onGoToSetup={() => setTab('setup')} />,
        },
        { key: 'setup', label: t('inventory.tabs.setup'), children: <SetupTab /> },
        { key: 'import', label: t('inventory.tabs.import'), children: <ImportTab /> },
      ]}
    />
  );
}
