import type { z } from 'zod';
import { Inv101Document } from '../../../shared/customs/model/inv101';
import { Sas101Document } from '../../../shared/customs/model/sas101';
import { Sas111Document } from '../../../shared/customs/model/sas111';
import { Sas121Document } from '../../../shared/customs/model/sas121';
import { childNamed, childText, parseXmlTree, type XmlNode } from '../../../shared/customs/receipts/xml-tree';

/**
 * Customs' side of our import form: reads an INV101, SAS101, SAS111 or SAS121 as the Single Window client
 * takes it from OutBox (Signature/Object/Package/…/BussinessData{DelcareFlag, InvtMessage | AppMessage |
 * StockMessage | PassPortMessage}), leniently — any namespace, empty elements as absent, unknown elements
 * ignored — and then checks it with the document rules, so a refusal names the element to fix.
 */
export type Declaration = Inv101Document | Sas101Document | Sas111Document | Sas121Document;

export type DeclarationRead =
  | { readonly ok: true; readonly document: Declaration; readonly declare: boolean }
  | {
      readonly ok: false;
      readonly form: 'import' | 'schema' | 'unknown';
      readonly messageType?: string;
      /** Our number as far as it can be read, for the CommonResponeMessage. */
      readonly etpsInnerNo?: string;
      readonly reasons: readonly string[];
    };

const integerFields = new Set([
  'chgTmsCnt',
  'gdsSeqno',
  'entryGdsSeqno',
  'putrecSeqno',
  'applyTbSeqno',
  'passportSeqNo',
  'rltGdsSeqno',
  'sasDclSeqno',
  'oriactGdsSeqno',
  'sasStockSeqno',
]);
/**
 * Fields the import forms spell their own way: PassportAcmp's RtlBill*, StockHead's *EtpsNo, and the
 * MaserCuscd of one client library's AppHead (customs-domain.md §1.3).
 */
const renamed: Readonly<Record<string, string>> = {
  rtlBillTypecd: 'rltTbTypecd',
  rtlBillNo: 'rltNo',
  areainEtpsNo: 'areainEtpsno',
  maserCuscd: 'masterCuscd',
};

const camel = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** The leaf fields of an import-form record under the model's (camelCase) names. */
const recordOf = (node: XmlNode): Record<string, string | number> => {
  const fields: Record<string, string | number> = {};
  for (const child of node.children) {
    const text = child.text?.trim();
    if (child.children.length > 0 || text === undefined || text === '') continue;
    const name = renamed[camel(child.name)] ?? camel(child.name);
    fields[name] = integerFields.has(name) && /^[0-9]{1,9}$/.test(text) ? Number(text) : text;
  }
  return fields;
};

const childrenNamed = (node: XmlNode, name: string) => node.children.filter((child) => child.name === name);

const elementOf: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  INV101: { head: 'InvtHeadType', lines: 'InvtListType' },
  SAS101: { head: 'AppHead', lines: 'AppGoods' },
  SAS111: { head: 'StockHead', lines: 'StockGoods' },
  SAS121: { head: 'PassportHead', lines: 'PassportList', related: 'PassportAcmp' },
};

/** A model issue in the words of the file: `InvtListType[2]/DclQty: must be greater than zero`. */
const issueText = (messageType: string, issue: z.core.$ZodIssue): string => {
  const [part, second, third] = issue.path;
  const container = elementOf[messageType]?.[String(part)] ?? String(part ?? messageType);
  const where =
    typeof second === 'number'
      ? `${container}[${second + 1}]${third === undefined ? '' : `/${pascal(String(third))}`}`
      : `${container}${second === undefined ? '' : `/${pascal(String(second))}`}`;
  return `${where}: ${issue.message}`;
};

const refusal = (
  form: 'import' | 'schema' | 'unknown',
  reasons: string[],
  messageType?: string,
  etpsInnerNo?: string,
): DeclarationRead => ({ ok: false, form, messageType, etpsInnerNo, reasons });

export function readDeclaration(xml: string): DeclarationRead {
  const tree = parseXmlTree(xml);
  if (!tree.ok) return refusal('unknown', [`报文不是格式良好的XML (not well-formed XML): ${tree.reason}`]);
  const root = tree.value;
  const pkg = root.name === 'Package' ? root : childNamed(childNamed(root, 'Object'), 'Package');
  const business = childNamed(childNamed(pkg, 'DataInfo'), 'BussinessData');
  const envelopeType = childText(childNamed(pkg, 'EnvelopInfo'), 'message_type');
  if (business === undefined)
    return refusal('unknown', ['报文缺少 DataInfo/BussinessData (no business data)'], envelopeType);
  const delcareFlag = childText(business, 'DelcareFlag');
  const body = business.children.find((child) => child.name !== 'DelcareFlag');
  if (delcareFlag === undefined) {
    const messageType = envelopeType ?? body?.name;
    return refusal(
      'schema',
      [
        `单一窗口客户端只导入导入格式报文 (the client imports only the import form; this is the schema form of ${messageType ?? 'an unknown message'})`,
      ],
      messageType,
      childText(childNamed(pkg, 'EnvelopInfo'), 'business_id'),
    );
  }
  if (body?.name === 'InvtMessage') return readInv101(body, delcareFlag);
  if (body?.name === 'PassPortMessage') return readSas121(body, delcareFlag);
  if (body?.name === 'AppMessage') return readSas101(body, delcareFlag);
  if (body?.name === 'StockMessage') return readSas111(body, delcareFlag);
  return refusal(
    'import',
    [`不支持的报文 (unsupported message): ${body?.name ?? envelopeType ?? 'none'}`],
    envelopeType,
  );
}

const declareOf = (delcareFlag: string) => (delcareFlag === '1' ? true : delcareFlag === '0' ? false : null);

function readInv101(message: XmlNode, delcareFlag: string): DeclarationRead {
  const headNode = childNamed(message, 'InvtHeadType');
  const head = headNode ? recordOf(headNode) : {};
  const etpsInnerNo = typeof head.etpsInnerInvtNo === 'string' ? head.etpsInnerInvtNo : undefined;
  const declare = declareOf(delcareFlag);
  if (declare === null)
    return refusal('import', [`DelcareFlag 只能是 0 或 1 (got ${delcareFlag})`], 'INV101', etpsInnerNo);
  const parsed = Inv101Document.safeParse({
    kind: 'INV101',
    head,
    lines: childrenNamed(message, 'InvtListType').map(recordOf),
  });
  if (!parsed.success)
    return refusal(
      'import',
      parsed.error.issues.map((issue) => issueText('INV101', issue)),
      'INV101',
      etpsInnerNo,
    );
  return { ok: true, document: parsed.data, declare };
}

function readSas121(message: XmlNode, delcareFlag: string): DeclarationRead {
  const headNode = childNamed(message, 'PassportHead');
  const head = headNode ? recordOf(headNode) : {};
  const etpsInnerNo = typeof head.etpsPreentNo === 'string' ? head.etpsPreentNo : undefined;
  const declare = declareOf(delcareFlag);
  if (declare === null)
    return refusal('import', [`DelcareFlag 只能是 0 或 1 (got ${delcareFlag})`], 'SAS121', etpsInnerNo);
  const parsed = Sas121Document.safeParse({
    kind: 'SAS121',
    // The import form's PassportHead has no ChgTmsCnt (customs-domain.md, Appendix): a pass is never changed, only voided.
    head: { chgTmsCnt: 0, ...head },
    lines: childrenNamed(message, 'PassportList').map(recordOf),
    related: childrenNamed(message, 'PassportAcmp').map(recordOf),
  });
  if (!parsed.success)
    return refusal(
      'import',
      parsed.error.issues.map((issue) => issueText('SAS121', issue)),
      'SAS121',
      etpsInnerNo,
    );
  return { ok: true, document: parsed.data, declare };
}

/** AppMessage{AppHead, AppGoods…}: without ChgTmsCnt (one client library writes none) it is a first filing. */
function readSas101(message: XmlNode, delcareFlag: string): DeclarationRead {
  const headNode = childNamed(message, 'AppHead');
  const head = headNode ? recordOf(headNode) : {};
  const etpsInnerNo = typeof head.etpsPreentNo === 'string' ? head.etpsPreentNo : undefined;
  const declare = declareOf(delcareFlag);
  if (declare === null)
    return refusal('import', [`DelcareFlag 只能是 0 或 1 (got ${delcareFlag})`], 'SAS101', etpsInnerNo);
  const { seqNo, ...rest } = head;
  const parsed = Sas101Document.safeParse({
    kind: 'SAS101',
    head: { chgTmsCnt: 0, ...rest, ...(seqNo !== undefined && { sasDclPreentNo: String(seqNo) }) },
    lines: childrenNamed(message, 'AppGoods').map(recordOf),
  });
  if (!parsed.success)
    return refusal(
      'import',
      parsed.error.issues.map((issue) => issueText('SAS101', issue)),
      'SAS101',
      etpsInnerNo,
    );
  return { ok: true, document: parsed.data, declare };
}

/** StockMessage{StockHead, StockGoods…}. */
function readSas111(message: XmlNode, delcareFlag: string): DeclarationRead {
  const headNode = childNamed(message, 'StockHead');
  const head = headNode ? recordOf(headNode) : {};
  const etpsInnerNo = typeof head.etpsPreentNo === 'string' ? head.etpsPreentNo : undefined;
  const declare = declareOf(delcareFlag);
  if (declare === null)
    return refusal('import', [`DelcareFlag 只能是 0 或 1 (got ${delcareFlag})`], 'SAS111', etpsInnerNo);
  const { seqNo, ...rest } = head;
  const parsed = Sas111Document.safeParse({
    kind: 'SAS111',
    head: { chgTmsCnt: 0, ...rest, ...(seqNo !== undefined && { sasStockPreentNo: String(seqNo) }) },
    lines: childrenNamed(message, 'StockGoods').map(recordOf),
  });
  if (!parsed.success)
    return refusal(
      'import',
      parsed.error.issues.map((issue) => issueText('SAS111', issue)),
      'SAS111',
      etpsInnerNo,
    );
  return { ok: true, document: parsed.data, declare };
}
