/**
 * Writes receipts the way customs and the client write them, not the way we write our messages: every
 * field present even when empty (`<rmk></rmk>`), the xmldsig default namespace on INV receipts and none on
 * SAS ones, `standalone="yes"` declarations, CommonResponeMessage bare (see ../fixtures/receipts).
 */
export type FieldValue = string | number | undefined;

/** A flat record: an element whose children are all leaves, in the order customs writes them. */
export interface XmlRecord {
  readonly name: string;
  readonly fields: ReadonlyArray<readonly [string, FieldValue]>;
}

// XML 1.0 cannot carry most control characters; a receipt holding one would be refused by any parser.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const escape = (value: FieldValue): string =>
  value === undefined
    ? ''
    : String(value)
        .replace(controlCharacters, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;');

const recordLines = (record: XmlRecord, indent: string): string[] => [
  `${indent}<${record.name}>`,
  ...record.fields.map(([name, value]) => `${indent}  <${name}>${escape(value)}</${name}>`),
  `${indent}</${record.name}>`,
];

const declaration = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>';

export interface PackageReceipt {
  readonly messageType: string;
  readonly messageId: string;
  readonly fileName: string;
  readonly receiverId: string;
  readonly sendTime: string;
  /** Absent for INV202, which production bridges read without PocketInfo. */
  readonly pocket?: { readonly pocketId: string; readonly total: number; readonly current: number };
  readonly body: readonly XmlRecord[];
}

/** The real INV201 has no declaration; INV211 and SAS221 have one. INV receipts are in the xmldsig namespace. */
const styleOf = (messageType: string) => ({
  declaration: messageType !== 'INV201',
  namespace: messageType.startsWith('INV') ? ' xmlns="http://www.w3.org/2000/09/xmldsig#"' : '',
});

export function renderPackageReceipt(receipt: PackageReceipt): string {
  const style = styleOf(receipt.messageType);
  const envelope: XmlRecord = {
    name: 'EnvelopInfo',
    fields: [
      ['version', '1.0'],
      ['message_id', receipt.messageId],
      ['file_name', receipt.fileName],
      ['message_type', receipt.messageType],
      ['sender_id', 'CUS0000'],
      ['receiver_id', receipt.receiverId],
      ['send_time', receipt.sendTime],
    ],
  };
  const pocket: XmlRecord[] = receipt.pocket
    ? [
        {
          name: 'PocketInfo',
          fields: [
            ['pocket_id', receipt.pocket.pocketId],
            ['total_pocket_qty', receipt.pocket.total],
            ['cur_pocket_no', receipt.pocket.current],
            ['is_unstructured', undefined],
          ],
        },
      ]
    : [];
  const lines = [
    ...(style.declaration ? [declaration] : []),
    `<Package${style.namespace}>`,
    ...recordLines(envelope, '  '),
    '  <DataInfo>',
    ...pocket.flatMap((record) => recordLines(record, '    ')),
    '    <BussinessData>',
    `      <${receipt.messageType}>`,
    ...receipt.body.flatMap((record) => recordLines(record, '        ')),
    `      </${receipt.messageType}>`,
    '    </BussinessData>',
    '  </DataInfo>',
    '</Package>',
  ];
  return `${lines.join('\n')}\n`;
}

export interface CommonResponse {
  /** 预录入统一编号; empty when the import failed. */
  readonly seqNo?: string;
  /** Our enterprise-internal number. */
  readonly etpsPreentNo?: string;
  readonly checkInfo: string;
  /** 0 imported, -1 failed. */
  readonly dealFlag: '0' | '-1';
}

export function renderCommonResponse(response: CommonResponse): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    ...recordLines(
      {
        name: 'CommonResponeMessage',
        fields: [
          ['SeqNo', response.seqNo],
          ['EtpsPreentNo', response.etpsPreentNo],
          ['CheckInfo', response.checkInfo],
          ['DealFlag', response.dealFlag],
        ],
      },
      '',
    ),
  ];
  return `${lines.join('\n')}\n`;
}
