import { Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { unitName } from '../../../shared/codes';
import type { DocumentLineView } from './document-view';

/** A document's lines: sequence, book line, item, name, quantity with its unit, amount. */
export function DocumentLines({ lines }: { lines: readonly DocumentLineView[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const column = (key: string) => t(`declarations.lineColumns.${key}`);
  const columns: ColumnsType<DocumentLineView> = [
    { key: 'gdsSeqno', title: column('gdsSeqno'), width: 70, dataIndex: 'gdsSeqno' },
    { key: 'putrecSeqno', title: column('putrecSeqno'), width: 100, dataIndex: 'putrecSeqno' },
    {
      key: 'gdsMtno',
      title: column('gdsMtno'),
      width: 130,
      render: (_, line) => <span className="zb-code">{line.gdsMtno}</span>,
    },
    { key: 'gdsNm', title: column('gdsNm'), ellipsis: true, dataIndex: 'gdsNm' },
    {
      key: 'qty',
      title: column('qty'),
      width: 110,
      align: 'right',
      render: (_, line) => <span className="zb-qty">{line.qty}</span>,
    },
    {
      key: 'unit',
      title: column('unit'),
      width: 160,
      render: (_, line) => `${line.unit} ${unitName(line.unit, language) ?? ''}`.trim(),
    },
    {
      key: 'amount',
      title: column('amount'),
      width: 130,
      align: 'right',
      render: (_, line) =>
        line.amount === undefined ? (
          ''
        ) : (
          <span className="zb-qty">{`${line.amount} ${line.currency ?? ''}`.trim()}</span>
        ),
    },
  ];
  return (
    <Table<DocumentLineView>
      size="small"
      rowKey="gdsSeqno"
      columns={columns}
      dataSource={[...lines]}
      pagination={false}
    />
  );
}
