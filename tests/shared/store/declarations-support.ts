import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { IncomingMessage } from '../../../shared/customs/endpoint';
import { approval, packageReceipt } from '../customs/support/receipts';
import { book } from './fixtures';

export const now = '2025-03-02T01:00:00.000Z';

export function incoming(xml: string, receivedAt = now, name = 'receipt.xml'): IncomingMessage {
  return { source: 'InBox', name, xml, sha256: bytesToHex(sha256(utf8ToBytes(xml))), receivedAt };
}

/** The client's answer on import: our number and the pre-entry number customs gave. */
export const commonResponse = (etpsInnerNo: string, seqNo: string, dealFlag = '0') =>
  `<?xml version="1.0" encoding="UTF-8"?>
<CommonResponeMessage><SeqNo>${seqNo}</SeqNo><EtpsPreentNo>${etpsInnerNo}</EtpsPreentNo><CheckInfo>ok</CheckInfo><DealFlag>${dealFlag}</DealFlag></CommonResponeMessage>`;

export const listApproval = (seqNo: string, qd: string, manageResult = '1', manageDate?: string) =>
  packageReceipt(
    'INV201',
    approval({ etpsPreentNo: seqNo, businessId: qd, manageResult, ...(manageDate && { manageDate }) }),
    { id: `INV201-${qd}-${manageResult}`, total: 1, current: 1 },
  );

export const listPrePosted = (etpsInnerNo: string, seqNo: string, qd: string) =>
  packageReceipt(
    'INV201',
    `${approval({ etpsPreentNo: seqNo, businessId: qd, manageResult: '4' })}
    <BondInvtBsc><bondInvtNo>${qd}</bondInvtNo><invtPreentNo>${seqNo}</invtPreentNo><etpsInnerInvtNo>${etpsInnerNo}</etpsInnerInvtNo><vrfdedMarkcd>1</vrfdedMarkcd></BondInvtBsc>`,
    { id: `INV201-${qd}-pre`, total: 1, current: 1 },
  );

/** INV211: the list head and customs' book lines after posting. */
export const listPosted = (
  etpsInnerNo: string,
  qd: string,
  lines: ReadonlyArray<{ gdsSeqno: number; inQty: string; actlRedcQty?: string }>,
) =>
  packageReceipt(
    'INV211',
    `<BondInvtBsc><bondInvtNo>${qd}</bondInvtNo><etpsInnerInvtNo>${etpsInnerNo}</etpsInnerInvtNo><putrecNo>${book.putrecNo}</putrecNo><vrfdedMarkcd>2</vrfdedMarkcd></BondInvtBsc>
    ${lines
      .map(
        (line) =>
          `<BwsDt><bwsNo>${book.putrecNo}</bwsNo><gdsSeqno>${line.gdsSeqno}</gdsSeqno><gdsMtno>MT-${line.gdsSeqno}</gdsMtno><inQty>${line.inQty}</inQty><actlIncQty>${line.inQty}</actlIncQty><actlRedcQty>${line.actlRedcQty ?? '0'}</actlRedcQty></BwsDt>`,
      )
      .join('')}`,
    { id: `INV211-${qd}`, total: 1, current: 1 },
  );

export const passApproval = (seqNo: string, passportNo: string) =>
  packageReceipt('SAS221', approval({ etpsPreentNo: seqNo, businessId: passportNo, manageResult: '1' }), {
    id: `SAS221-${passportNo}`,
    total: 1,
    current: 1,
  });

export const gatePassed = (seqNo: string, passportNo: string, qd: string) =>
  packageReceipt(
    'SAS223',
    `${approval({ etpsPreentNo: seqNo, businessId: passportNo, manageResult: '1' })}
    <SasPassportBsc><passportNo>${passportNo}</passportNo><rltNo>${qd}</rltNo><stucd>2</stucd></SasPassportBsc>`,
    { id: `SAS223-${passportNo}`, total: 1, current: 1 },
  );

/** SAS201: customs' decision on a 业务申报表 (1 通过 2 转人工 3 退单), naming it by its form number. */
export const formDecision = (seqNo: string, sasDclNo: string, manageResult = '1', manageDate?: string) =>
  packageReceipt(
    'SAS201',
    `${approval({ etpsPreentNo: seqNo, businessId: sasDclNo, manageResult, ...(manageDate && { manageDate }) })}
    <SasDclBsc><sasDclNo>${sasDclNo}</sasDclNo><sasDclPreentNo>${seqNo}</sasDclPreentNo><emapvMarkcd>${manageResult}</emapvMarkcd></SasDclBsc>`,
    { id: `SAS201-${sasDclNo}-${manageResult}`, total: 1, current: 1 },
  );

/** SAS211: customs' decision on an 出入库单. */
export const slipDecision = (seqNo: string, sasStockNo: string, manageResult = '1', manageDate?: string) =>
  packageReceipt(
    'SAS211',
    `${approval({ etpsPreentNo: seqNo, businessId: sasStockNo, manageResult, ...(manageDate && { manageDate }) })}
    <SasStockBsc><sasStockNo>${sasStockNo}</sasStockNo><sasStockPreentNo>${seqNo}</sasStockPreentNo></SasStockBsc>`,
    { id: `SAS211-${sasStockNo}-${manageResult}`, total: 1, current: 1 },
  );
