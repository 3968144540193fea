import type { Receipt } from './receipt';

/** The numbers a receipt can be matched by, whatever its kind. */
export interface ReceiptMatchKeys {
  /** Our enterprise-internal number (etpsInnerInvtNo / etpsPreentNo as we minted it). */
  readonly etpsInnerNo?: string;
  /** 预录入统一编号 customs assigned on import. */
  readonly preEntryNo?: string;
  /** The customs document number (QD…, the pass, slip or form number). */
  readonly customsNo?: string;
}

const preEntryFields = ['invtPreentNo', 'sasPassportPreentNo', 'sasStockPreentNo', 'sasDclPreentNo'];
const customsNoFields = ['bondInvtNo', 'passportNo', 'sasStockNo', 'sasDclNo'];

const firstField = (fields: Readonly<Record<string, string>> | undefined, names: readonly string[]) =>
  names.map((name) => fields?.[name]).find((value) => value !== undefined);

/**
 * Follows the values, not the names (customs-domain.md §1.3a): in CommonResponeMessage EtpsPreentNo is
 * our number and SeqNo the pre-entry number; in business receipts HdeApprResult/etpsPreentNo is the
 * pre-entry number and businessId the customs number, and our number is only in the document head.
 */
export const receiptMatchKeys = (receipt: Receipt): ReceiptMatchKeys => {
  const head = receipt.head?.fields;
  if (receipt.messageType === 'CommonResponeMessage')
    return { etpsInnerNo: receipt.etpsPreentNo, preEntryNo: receipt.seqNo };
  return {
    etpsInnerNo: receipt.etpsInnerInvtNo,
    preEntryNo: receipt.etpsPreentNo ?? receipt.seqNo ?? firstField(head, preEntryFields),
    customsNo: receipt.businessId ?? firstField(head, customsNoFields),
  };
};

/** What we know of one of our documents for matching: its own number, and customs' numbers once known. */
export interface DocumentNumbers {
  readonly documentId: string;
  readonly etpsInnerNo: string;
  readonly preEntryNo?: string;
  readonly customsNo?: string;
}

export type ReceiptMatch =
  | { readonly matched: true; readonly documentId: string; readonly by: keyof ReceiptMatchKeys }
  | { readonly matched: false };

/**
 * Finds the document a receipt answers: by our number when the receipt carries it, else by the
 * pre-entry number recorded from CommonResponeMessage, else by the customs number. An unmatched receipt
 * is the caller's to keep and report, never to drop.
 */
export const matchReceipt = (receipt: Receipt, documents: readonly DocumentNumbers[]): ReceiptMatch => {
  const keys = receiptMatchKeys(receipt);
  const byKey = (key: keyof ReceiptMatchKeys, value: string | undefined): ReceiptMatch | undefined => {
    if (value === undefined) return undefined;
    const found = documents.find((document) => document[key] === value);
    return found ? { matched: true, documentId: found.documentId, by: key } : undefined;
  };
  if (keys.etpsInnerNo !== undefined) return byKey('etpsInnerNo', keys.etpsInnerNo) ?? { matched: false };
  return byKey('preEntryNo', keys.preEntryNo) ?? byKey('customsNo', keys.customsNo) ?? { matched: false };
};

/** Customs numbers of the documents a gate receipt concerns, so a gate passage reaches the linked list too. */
export const relatedCustomsNumbers = (receipt: Receipt): string[] => {
  const numbers = [receipt.head?.fields.rltNo, ...receipt.related.map((record) => record.fields.rltNo)];
  return [...new Set(numbers.filter((value): value is string => value !== undefined))];
};
