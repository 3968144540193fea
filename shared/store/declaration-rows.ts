import type { Period } from '../customs/batching';
import type { DocumentState } from '../customs/lifecycle/document-status';
import type { CustomsDocumentModel } from '../customs/model/customs-document';
import type { ReceiptOutcome } from '../customs/receipts/receipt-outcome';
import type { DecimalString } from '../domain/decimal';

/**
 * Where a stored document stands with the sync engine, beside its customs status:
 * `ready`   a message waits to be sent (first filing, a resend after a failure, a fix, a deletion request);
 * `waiting` a gate pass that waits for customs to number its list or 出入库单;
 * `parked`  set aside for the compliance officer;
 * `idle`    nothing to send; the receipts decide what happens next.
 */
export type OutboxState = 'ready' | 'waiting' | 'parked' | 'idle';

export interface TimelineEvent {
  /** UTC instant: when it happened here (a receipt: when it arrived). */
  readonly at: string;
  readonly event:
    | 'created'
    | 'sent'
    | 'sendFailed'
    | 'parked'
    | 'unparked'
    | 'released'
    | 'receipt'
    | 'changed'
    | 'redeclared'
    | 'withdrawalRequested'
    | 'withdrawn';
  /**
   * The event in English words, as versions before the fields below wrote it; still written so older
   * readers keep working. A reader prefers the fields when they are there.
   */
  readonly detail?: string;
  readonly receiptId?: string;
  /** A receipt: customs' message type (INV201, CommonResponeMessage…), shown as customs names it. */
  readonly messageType?: string;
  /** A receipt: what it says of the document; 'sent': whether the endpoint took it as new. */
  readonly outcome?: ReceiptOutcome | 'accepted' | 'duplicate';
  /**
   * A receipt that moved no status: the lifecycle's explanation, in its English words (it gives no
   * code), so a reader can say that the status stayed and keep the why for those who read it.
   */
  readonly ignored?: string;
  /** Customs' (or the endpoint's) own words, shown as they are. */
  readonly reasons?: readonly string[];
  readonly sha256?: string;
  /** 'released' / 'withdrawn' of a pass: the kind of its list or 出入库单, and the number customs gave it. */
  readonly listKind?: CustomsDocumentModel['kind'];
  readonly customsNo?: string;
}

/** One customs document as declared, and everything learnt about it since. */
export interface DeclarationRow {
  /** UUIDv7: sorts by creation, the order documents are sent in. */
  id: string;
  /** 企业内部编号, minted once; unique. The SAS101/SAS111/SAS121 etpsPreentNo is kept under this name too. */
  etpsInnerInvtNo: string;
  messageType: CustomsDocumentModel['kind'];
  ieFlag: 'I' | 'E';
  bookId: string;
  document: CustomsDocumentModel;
  state: DocumentState;
  outboxState: OutboxState;
  /** The import form as it goes (or went) into the OutBox, and the same document in the schema form. */
  importXml: string;
  schemaXml: string;
  fileName: string;
  /** Versions of the XML: 0 first, +1 each fix, change or deletion request. */
  revision: number;
  movementIds: string[];
  failedAttempts: number;
  parkedReason?: string;
  lastError?: string;
  /** 预录入统一编号 (CommonResponeMessage SeqNo). */
  preEntryNo?: string;
  /**
   * The customs number: bondInvtNo (QD…) of a list, passportNo of a pass, sasDclNo of a 业务申报表,
   * sasStockNo of an 出入库单.
   */
  customsNo?: string;
  /** 报关单统一编号 of the declaration customs generated from the list (INV202). */
  entrySeqNo?: string;
  /** A gate pass: the list, or the 出入库单, whose goods it carries. */
  listId?: string;
  /** An 出入库单: the 业务申报表 it draws on. */
  formId?: string;
  period?: Period;
  createdAt: string;
  timeline: TimelineEvent[];
}

export type ReceiptDisposition = 'applied' | 'unmatched' | 'pocket' | 'unreadable';

/** Every incoming message, kept as it came, with what became of it. */
export interface ReceiptRow {
  id: string;
  sha256: string;
  source: string;
  name: string;
  receivedAt: string;
  xml: string;
  messageType?: string;
  disposition: ReceiptDisposition;
  documentId?: string;
  outcome?: ReceiptOutcome;
  /** Why the receipt moved no status (duplicate, late, stale…). */
  ignored?: string;
  /** The fields a person reads: numbers, result, reasons. */
  fields?: Readonly<Record<string, string>>;
  reasons?: readonly string[];
  /** Why the reassembled receipt could not be read. */
  failure?: string;
  pocket?: { pocketId: string; curPocketNo: number; totalPocketQty: number };
}

/** Pockets of a split receipt held until their siblings arrive (a plain copy of the accumulator's). */
export interface ReceiptPocketRow {
  pocketId: string;
  pockets: unknown[];
  completed: boolean;
}

/** Customs' own book line after its last posting (INV211 BwsDt / EmsPutrecDt). */
export interface OfficialBookLineRow {
  putrecNo: string;
  gdsSeqno: number;
  gdsMtno?: string;
  /** inQty − actlRedcQty; totalAmt ÷ avgPrice when no inQty came. */
  stock: DecimalString;
  inQty?: DecimalString;
  actlIncQty?: DecimalString;
  actlRedcQty?: DecimalString;
  avgPrice?: DecimalString;
  totalAmt?: DecimalString;
  /** Set when totalAmt ÷ avgPrice says another stock than inQty − actlRedcQty. */
  stockDisagreement?: string;
  /** The receipt's send time (or arrival): a late, older INV211 never overwrites a newer one. */
  asOf: string;
  receiptId: string;
}

/** A list line customs has pre-posted (INV201, vrfdedMarkcd 1) and not yet posted. */
export interface PrePostingRow {
  documentId: string;
  gdsSeqno: number;
  putrecNo: string;
  putrecSeqno: number;
  ie: 'I' | 'E';
  qty: DecimalString;
}
