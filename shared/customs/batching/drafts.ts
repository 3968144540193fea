import type { CustomsDocumentModel } from '../model/customs-document';
import type { CustomsShortfall } from './customs-cover';
import type { Period } from './periods';

export type DraftMessageType = CustomsDocumentModel['kind'];

export interface DocumentDraft {
  readonly messageType: DraftMessageType;
  /** The enterprise-internal number, minted for this draft. */
  readonly etpsInnerNo: string;
  readonly bookId: string;
  readonly ieFlag: 'I' | 'E';
  readonly document: CustomsDocumentModel;
  /**
   * The movements the document declares: a list's or a slip's, and again on the gate pass that carries
   * their goods. A 业务申报表 declares none itself; its slips do.
   */
  readonly movementIds: readonly string[];
  /** A collective list's collection period. */
  readonly period?: Period;
  /** A gate pass: the enterprise-internal number of the list or 出入库单 whose goods it carries. */
  readonly listNo?: string;
  /** An 出入库单: the enterprise-internal number of the 业务申报表 it draws on (already approved). */
  readonly formNo?: string;
}

/** Why a pending movement is not in a document yet; it stays pending and is batched once this clears. */
export type HoldCode =
  | 'collectivePeriodOpen'
  | 'awaitingBusinessDeclaration'
  | 'tooManyLines'
  | 'missingMasterData'
  | 'missingCounterparty'
  | 'invalidDocument'
  /** An outbound list would take more than customs' book holds until an inbound list is posted (INV211). */
  | 'awaitingInboundPosting';

export interface HeldMovement {
  readonly movementId: string;
  readonly code: HoldCode;
  readonly reason: string;
  /** awaitingInboundPosting: the book lines customs' book cannot cover yet, with their figures. */
  readonly shortfalls?: readonly CustomsShortfall[];
}
