import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';

/** One rendering of the XML, exactly as stored, in a scrollable monospace block with a copy button. */
function XmlText({ xml, label }: { xml: string; label: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  async function copy() {
    try {
      await navigator.clipboard.writeText(xml);
      void message.success(t('declarations.detail.copied'));
    } catch (error) {
      void message.error(t('declarations.detail.copyFailed', { message: (error as Error).message }));
    }
  }
  return (
    <div className="zb-xml">
      <Button size="small" icon={<CopyOutlined />} className="zb-xml-copy" onClick={() => void copy()}>
        {t('declarations.detail.copy')}
      </Button>
      <pre className="zb-xml-text" aria-label={label} tabIndex={0}>
        {xml}
      </pre>
    </div>
  );
}

/** The import form that went into the OutBox, and the same document in customs' schema form. */
export function XmlBlock({ importXml, schemaXml }: { importXml: string; schemaXml: string }) {
  const { t } = useTranslation();
  const importLabel = t('declarations.detail.importForm');
  const schemaLabel = t('declarations.detail.schemaForm');
  return (
    <Tabs
      size="small"
      items={[
        { key: 'import', label: importLabel, children: <XmlText xml={importXml} label={importLabel} /> },
        { key: 'schema', label: schemaLabel, children: <XmlText xml={schemaXml} label={schemaLabel} /> },
      ]}
    />
  );
}
