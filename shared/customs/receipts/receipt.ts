import type { XmlNode } from './xml-tree';

/** PocketInfo: a large receipt arrives split into pockets sharing one pocket_id. */
export interface PocketInfo {
  readonly pocketId: string;
  readonly totalPocketQty: number;
  readonly curPocketNo: number;
}

/** EnvelopInfo of a customs receipt, as far as it is present. */
export interface ReceiptEnvelope {
  readonly messageId?: string;
  readonly fileName?: string;
  readonly messageType?: string;
  readonly senderId?: string;
  readonly receiverId?: string;
  readonly sendTime?: string;
}

/** A record of a receipt (head, line, related document) as its customs fields, empty ones left out. */
export interface ReceiptRecord {
  readonly type: string;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * An account-book line as INV211 returns it after posting (BwsDt for logistics books, EmsPutrecDt for
 * processing books): customs' official state of that 备案序号. Quantities stay decimal strings.
 */
export interface BookLine {
  readonly type: 'BwsDt' | 'EmsPutrecDt';
  /** bwsNo or emsNo. */
  readonly bookNo?: string;
  readonly gdsSeqno: number;
  readonly gdsMtno?: string;
  readonly gdecd?: string;
  readonly gdsNm?: string;
  readonly dclUnitcd?: string;
  readonly lawfUnitcd?: string;
  readonly secdLawfUnitcd?: string;
  readonly avgPrice?: string;
  readonly totalAmt?: string;
  readonly inQty?: string;
  readonly inLawfQty?: string;
  readonly inSecdLawfQty?: string;
  readonly actlIncQty?: string;
  readonly actlRedcQty?: string;
  readonly prevdIncQty?: string;
  readonly prevdRedcQty?: string;
  readonly invtNo?: string;
  readonly invtGNo?: string;
  readonly modfMarkcd?: string;
  /** Every field of the line, including the ones named above. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * One receipt, whatever its kind: the client's CommonResponeMessage or a customs business receipt
 * (INV201, INV202, INV211, SAS201, SAS211, SAS221, SAS223, SAS224, SAS251, SAS253…). Field names are the
 * customs ones; what a name means differs by receipt (see customs-domain.md §1.3a and match-receipt.ts).
 */
export interface Receipt {
  /** CommonResponeMessage, or the message type (INV201…). */
  readonly messageType: string;
  readonly envelope?: ReceiptEnvelope;
  readonly pocket?: PocketInfo;
  /** CommonResponeMessage: our enterprise-internal number. HdeApprResult: the pre-entry number. */
  readonly etpsPreentNo?: string;
  /** The customs document number (QD…, the pass number…). */
  readonly businessId?: string;
  /** 预录入统一编号: CommonResponeMessage/SeqNo, or INV202/invPreentNo. */
  readonly seqNo?: string;
  /** 报关单统一编号 of a declaration generated from a list (INV202). */
  readonly entrySeqNo?: string;
  /** Change count the receipt answers (HdeApprResult/tmsCnt). */
  readonly tmsCnt?: number;
  readonly typecd?: string;
  readonly manageResult?: string;
  readonly manageDate?: string;
  /** CommonResponeMessage: 0 imported, anything else failed. */
  readonly dealFlag?: string;
  readonly rmk?: string;
  /** Reasons customs or the client gives (CheckInfo/note, CheckInfo text, INV202 reason). */
  readonly reasons: readonly string[];
  /** Our enterprise-internal number, from the document head when the receipt carries it. */
  readonly etpsInnerInvtNo?: string;
  readonly head?: ReceiptRecord;
  readonly lines: readonly ReceiptRecord[];
  readonly related: readonly ReceiptRecord[];
  readonly bookLines: readonly BookLine[];
  /** Elements we do not interpret, kept as read. */
  readonly unknown: readonly XmlNode[];
}
