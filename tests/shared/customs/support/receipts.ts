import { readFileSync } from 'node:fs';
import path from 'node:path';
import { receiptsDir } from './paths';

export const realReceipt = (file: string): string => readFileSync(path.join(receiptsDir, file), 'utf8');

/** A business receipt in customs' Package shape, for receipts the fixtures do not include. */
export const packageReceipt = (
  messageType: string,
  body: string,
  pocket: { id: string; total: number; current: number } = {
    id: `${messageType}-pocket`,
    total: 1,
    current: 1,
  },
): string => `<?xml version="1.0" encoding="utf-8"?>
<Package>
  <EnvelopInfo>
    <version>1.0</version>
    <message_id>CUS-${messageType}-${pocket.id}-${pocket.current}</message_id>
    <file_name>CUS-${messageType}.SAS</file_name>
    <message_type>${messageType}</message_type>
    <sender_id>CUS0000</sender_id>
    <receiver_id>E010000</receiver_id>
    <send_time>2025-03-14T10:00:00</send_time>
  </EnvelopInfo>
  <DataInfo>
    <PocketInfo>
      <pocket_id>${pocket.id}</pocket_id>
      <total_pocket_qty>${pocket.total}</total_pocket_qty>
      <cur_pocket_no>${pocket.current}</cur_pocket_no>
      <is_unstructured></is_unstructured>
    </PocketInfo>
    <BussinessData>
      <${messageType}>${body}</${messageType}>
    </BussinessData>
  </DataInfo>
</Package>
`;

export const approval = (fields: {
  etpsPreentNo?: string;
  businessId?: string;
  tmsCnt?: number;
  manageResult: string;
  manageDate?: string;
}): string => `
  <HdeApprResult>
    <etpsPreentNo>${fields.etpsPreentNo ?? '202500000123456789'}</etpsPreentNo>
    <businessId>${fields.businessId ?? 'QD010225I000001234'}</businessId>
    <tmsCnt>${fields.tmsCnt ?? 0}</tmsCnt>
    <typecd>1</typecd>
    <manageResult>${fields.manageResult}</manageResult>
    <manageDate>${fields.manageDate ?? '2025-03-14 10:00:00'}</manageDate>
    <rmk></rmk>
  </HdeApprResult>`;
