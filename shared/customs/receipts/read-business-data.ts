import type { BookLine, Receipt, ReceiptRecord } from './receipt';
import { childText, leafFields, type XmlNode } from './xml-tree';

const headTypes = new Set([
  'BondInvtBsc',
  'SasPassportBsc',
  'Sas2stepPassportBsc',
  'SasStockBsc',
  'SasDclBsc',
]);
const lineTypes = new Set(['BondInvtDt', 'BondInvtDtSimple', 'SasPassportDt', 'SasStockDt', 'SasDclDt']);
const relatedTypes = new Set([
  'SasPassportRlt',
  'Sas2stepPassportRlt',
  'SasCentDclStock',
  'BondInvtAcmpFormDt',
]);

const readBookLine = (type: 'BwsDt' | 'EmsPutrecDt', node: XmlNode): BookLine | undefined => {
  const fields = leafFields(node);
  const gdsSeqno = Number(fields.gdsSeqno);
  if (!Number.isInteger(gdsSeqno)) return undefined;
  return {
    type,
    bookNo: fields.bwsNo ?? fields.emsNo,
    gdsSeqno,
    gdsMtno: fields.gdsMtno,
    gdecd: fields.gdecd,
    gdsNm: fields.gdsNm,
    dclUnitcd: fields.dclUnitcd,
    lawfUnitcd: fields.lawfUnitcd,
    secdLawfUnitcd: fields.secdLawfUnitcd,
    avgPrice: fields.avgPrice,
    totalAmt: fields.totalAmt,
    inQty: fields.inQty,
    inLawfQty: fields.inLawfQty,
    inSecdLawfQty: fields.inSecdLawfQty,
    actlIncQty: fields.actlIncQty,
    actlRedcQty: fields.actlRedcQty,
    prevdIncQty: fields.prevdIncQty,
    prevdRedcQty: fields.prevdRedcQty,
    invtNo: fields.invtNo,
    invtGNo: fields.invtGNo,
    modfMarkcd: fields.modfMarkcd,
    fields,
  };
};

type BusinessFields = Omit<Receipt, 'messageType' | 'envelope' | 'pocket'>;

const notes = (node: XmlNode): string[] => {
  const texts = node.children.length === 0 ? [node.text] : node.children.map((child) => child.text);
  return texts
    .map((text) => text?.trim())
    .filter((text): text is string => text !== undefined && text !== '');
};

const integer = (text: string | undefined): number | undefined =>
  text !== undefined && /^-?[0-9]+$/.test(text) ? Number(text) : undefined;

/**
 * Reads the children of a receipt's message element (INV201, SAS221…) into receipt fields. Anything
 * not recognised is kept in `unknown`; a malformed book line (no gdsSeqno) is kept there too.
 */
export const readBusinessData = (children: readonly XmlNode[]): BusinessFields => {
  let approval: Record<string, string> = {};
  let head: ReceiptRecord | undefined;
  const reasons: string[] = [];
  const lines: ReceiptRecord[] = [];
  const related: ReceiptRecord[] = [];
  const bookLines: BookLine[] = [];
  const unknown: XmlNode[] = [];
  let generatedDeclaration: Record<string, string> | undefined;

  for (const child of children) {
    if (child.name === 'HdeApprResult') approval = { ...approval, ...leafFields(child) };
    else if (child.name === 'InvApprResult') generatedDeclaration = leafFields(child);
    else if (child.name === 'CheckInfo') reasons.push(...notes(child));
    else if (headTypes.has(child.name)) head = { type: child.name, fields: leafFields(child) };
    else if (lineTypes.has(child.name)) lines.push({ type: child.name, fields: leafFields(child) });
    else if (relatedTypes.has(child.name)) related.push({ type: child.name, fields: leafFields(child) });
    else if (child.name === 'BwsDt' || child.name === 'EmsPutrecDt') {
      const line = readBookLine(child.name, child);
      if (line) bookLines.push(line);
      else unknown.push(child);
    } else unknown.push(child);
  }

  if (generatedDeclaration?.reason) reasons.push(generatedDeclaration.reason);
  const rmk = approval.rmk;
  return {
    etpsPreentNo: approval.etpsPreentNo,
    businessId: approval.businessId ?? generatedDeclaration?.businessId,
    seqNo: generatedDeclaration?.invPreentNo,
    entrySeqNo: generatedDeclaration?.entrySeqNo,
    tmsCnt: integer(approval.tmsCnt),
    typecd: approval.typecd,
    manageResult: approval.manageResult ?? generatedDeclaration?.manageResult,
    manageDate: approval.manageDate ?? generatedDeclaration?.createDate,
    rmk,
    reasons,
    etpsInnerInvtNo: head?.fields.etpsInnerInvtNo,
    head,
    lines,
    related,
    bookLines,
    unknown,
  };
};

/** The client's immediate answer on import: CommonResponeMessage{SeqNo, EtpsPreentNo, CheckInfo, DealFlag}. */
export const readCommonResponse = (root: XmlNode): Receipt => {
  const checkInfo = root.children.find((child) => child.name === 'CheckInfo');
  return {
    messageType: 'CommonResponeMessage',
    seqNo: childText(root, 'SeqNo'),
    etpsPreentNo: childText(root, 'EtpsPreentNo'),
    dealFlag: childText(root, 'DealFlag'),
    reasons: checkInfo ? notes(checkInfo) : [],
    lines: [],
    related: [],
    bookLines: [],
    unknown: root.children.filter(
      (child) => !['SeqNo', 'EtpsPreentNo', 'CheckInfo', 'DealFlag'].includes(child.name),
    ),
  };
};
