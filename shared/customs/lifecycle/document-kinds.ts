import type { CustomsDocumentModel } from '../model/customs-document';
import { statusRank, type DocumentStatus } from './document-status';

export type DocumentKind = CustomsDocumentModel['kind'];

/**
 * Where each kind of document's life with customs ends:
 * - a 核注清单 is posted (INV211);
 * - a 核放单 ends when its goods pass the gate (SAS223);
 * - an 出入库单 too: its goods stay on the book, so nothing is posted — its pass's gate passage ends it;
 * - a 业务申报表 authorises slips once approved (SAS201 通过); its later life (变更, 结案) is its own.
 */
export const finalStatusOf: Readonly<Record<DocumentKind, DocumentStatus>> = {
  INV101: 'posted',
  SAS101: 'approved',
  SAS111: 'gatePassed',
  SAS121: 'gatePassed',
};

/** Customs has finished with the document: it reached its kind's end, or was withdrawn. */
export const isSettled = (kind: DocumentKind, status: DocumentStatus): boolean =>
  status === 'withdrawn' ||
  (status !== 'withdrawing' && statusRank[status] >= statusRank[finalStatusOf[kind]]);
