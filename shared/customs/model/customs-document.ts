import { Inv101Document } from './inv101';
import { Sas101Document } from './sas101';
import { Sas111Document } from './sas111';
import { Sas121Document } from './sas121';

/** Every document Zonebook declares: 核注清单, 业务申报表, 出入库单, 核放单. */
export type CustomsDocumentModel = Inv101Document | Sas101Document | Sas111Document | Sas121Document;

/** The enterprise-internal number, under whichever name the document's head gives it. */
export const etpsInnerNoOf = (document: CustomsDocumentModel): string =>
  document.kind === 'INV101' ? document.head.etpsInnerInvtNo : document.head.etpsPreentNo;

/**
 * Which way the goods go: a list's impexpMarkcd, a pass's ioTypecd, a slip's stockTypecd, and a form's
 * 货物流向 directionTypecd (I or E, customs-domain.md §1.6 [C-3p]).
 */
export const ieFlagOf = (document: CustomsDocumentModel): 'I' | 'E' => {
  switch (document.kind) {
    case 'INV101':
      return document.head.impexpMarkcd;
    case 'SAS121':
      return document.head.ioTypecd;
    case 'SAS111':
      return document.head.stockTypecd;
    case 'SAS101':
      return document.head.directionTypecd === 'I' ? 'I' : 'E';
  }
};

/** Checks a document against the rules of its own kind. */
export const parseCustomsDocument = (document: CustomsDocumentModel) => {
  switch (document.kind) {
    case 'INV101':
      return Inv101Document.safeParse(document);
    case 'SAS101':
      return Sas101Document.safeParse(document);
    case 'SAS111':
      return Sas111Document.safeParse(document);
    case 'SAS121':
      return Sas121Document.safeParse(document);
  }
};
