import { readBusinessData, readCommonResponse } from './read-business-data';
import type { PocketInfo, Receipt, ReceiptEnvelope } from './receipt';
import { receiptMatchKeys } from './match-receipt';
import { childNamed, childText, parseXmlTree, type Parsed, type XmlNode } from './xml-tree';

/** One file as it arrived: a whole receipt, or one pocket of a larger one. */
export interface ReceiptPocket {
  readonly messageType: string;
  readonly envelope: ReceiptEnvelope;
  readonly pocket: PocketInfo;
  /** The children of the message element (INV201…) carried by this pocket. */
  readonly body: readonly XmlNode[];
}

export type ParsedFile =
  | { readonly kind: 'receipt'; readonly receipt: Receipt }
  | { readonly kind: 'pocket'; readonly pocket: ReceiptPocket };

const readEnvelope = (node: XmlNode | undefined): ReceiptEnvelope => ({
  messageId: childText(node, 'message_id'),
  fileName: childText(node, 'file_name'),
  messageType: childText(node, 'message_type'),
  senderId: childText(node, 'sender_id'),
  receiverId: childText(node, 'receiver_id'),
  sendTime: childText(node, 'send_time'),
});

const positiveInteger = (text: string | undefined): number | undefined =>
  text !== undefined && /^[0-9]+$/.test(text) && Number(text) >= 1 ? Number(text) : undefined;

const readPocketInfo = (node: XmlNode | undefined, fallbackId: string): Parsed<PocketInfo> => {
  // A receipt without PocketInfo (INV202 as a production bridge reads it) is one whole pocket.
  if (node === undefined)
    return { ok: true, value: { pocketId: fallbackId, totalPocketQty: 1, curPocketNo: 1 } };
  const totalPocketQty = positiveInteger(childText(node, 'total_pocket_qty')) ?? 1;
  const curPocketNo = positiveInteger(childText(node, 'cur_pocket_no')) ?? 1;
  if (curPocketNo > totalPocketQty)
    return { ok: false, reason: `pocket ${curPocketNo} of ${totalPocketQty} cannot exist` };
  const pocketId = childText(node, 'pocket_id');
  if (pocketId === undefined && totalPocketQty > 1)
    return { ok: false, reason: 'a pocket of a split receipt has no pocket_id to reassemble it by' };
  return { ok: true, value: { pocketId: pocketId ?? fallbackId, totalPocketQty, curPocketNo } };
};

/** Builds the receipt from the message bodies of all its pockets, in pocket order. */
export const receiptFromBodies = (
  messageType: string,
  envelope: ReceiptEnvelope,
  pocket: PocketInfo,
  bodies: readonly (readonly XmlNode[])[],
): Parsed<Receipt> => {
  const receipt: Receipt = { messageType, envelope, pocket, ...readBusinessData(bodies.flat()) };
  return withMatchKeys(receipt);
};

const withMatchKeys = (receipt: Receipt): Parsed<Receipt> => {
  const keys = receiptMatchKeys(receipt);
  if (keys.etpsInnerNo === undefined && keys.preEntryNo === undefined && keys.customsNo === undefined)
    return {
      ok: false,
      reason: `${receipt.messageType} carries no number to match it by (no enterprise-internal, pre-entry or customs number)`,
    };
  return { ok: true, value: receipt };
};

/**
 * Reads one received file. Generating strictly but parsing leniently: empty elements read as absent,
 * unknown elements are kept, and a file is refused — with the reason — only when it is not well-formed,
 * is not a receipt at all, or carries nothing to match it to a document.
 */
export const parseReceiptFile = (xml: string): Parsed<ParsedFile> => {
  const tree = parseXmlTree(xml);
  if (!tree.ok) return tree;
  const root = tree.value;
  if (root.name === 'CommonResponeMessage') {
    const receipt = withMatchKeys(readCommonResponse(root));
    return receipt.ok ? { ok: true, value: { kind: 'receipt', receipt: receipt.value } } : receipt;
  }
  // Some receipts wrap the Package in a signature, as the messages we send do.
  const pkg = root.name === 'Package' ? root : childNamed(childNamed(root, 'Object'), 'Package');
  if (pkg === undefined) return { ok: false, reason: `<${root.name}> is not a customs receipt` };
  const envelope = readEnvelope(childNamed(pkg, 'EnvelopInfo'));
  const dataInfo = childNamed(pkg, 'DataInfo');
  const business = childNamed(dataInfo, 'BussinessData') ?? childNamed(dataInfo, 'BusinessData');
  const message = business?.children.find((child) => child.name !== 'DelcareFlag');
  if (message === undefined)
    return { ok: false, reason: 'the receipt has no business data (DataInfo/BussinessData)' };
  const messageType = envelope.messageType ?? message.name;
  const pocket = readPocketInfo(childNamed(dataInfo, 'PocketInfo'), envelope.messageId ?? messageType);
  if (!pocket.ok) return pocket;
  if (pocket.value.totalPocketQty > 1)
    return {
      ok: true,
      value: {
        kind: 'pocket',
        pocket: { messageType, envelope, pocket: pocket.value, body: message.children },
      },
    };
  const receipt = receiptFromBodies(messageType, envelope, pocket.value, [message.children]);
  return receipt.ok ? { ok: true, value: { kind: 'receipt', receipt: receipt.value } } : receipt;
};

/** Reads a file that must hold a whole receipt (a pocket of a split one is refused: use the pocket accumulator). */
export const parseReceipt = (xml: string): Parsed<Receipt> => {
  const file = parseReceiptFile(xml);
  if (!file.ok) return file;
  if (file.value.kind === 'pocket') {
    const { curPocketNo, totalPocketQty, pocketId } = file.value.pocket.pocket;
    return {
      ok: false,
      reason: `pocket ${curPocketNo} of ${totalPocketQty} of ${pocketId}: reassemble it first`,
    };
  }
  return { ok: true, value: file.value.receipt };
};
