import type { DocumentState, DocumentStatus } from './document-status';

/** What the operator or the sync engine does to a document (receipts are applied separately). */
export type DocumentCommand =
  /** Ready to go: hand it to the sync engine. */
  | { readonly type: 'QUEUE' }
  /** The endpoint has taken the file (written to the OutBox, or posted). */
  | { readonly type: 'SENT' }
  /** Declare a change of an accepted document: a new version, chgTmsCnt + 1, edited as a draft. */
  | { readonly type: 'CHANGE' }
  /** Fix and send again after 退单 or a failed import, with the same enterprise-internal number. */
  | { readonly type: 'REDECLARE' }
  /** Take the document back: locally before customs has it, by a deletion request after. */
  | { readonly type: 'WITHDRAW' };

export type CommandResult =
  { readonly ok: true; readonly state: DocumentState } | { readonly ok: false; readonly reason: string };

const from = (allowed: readonly DocumentStatus[], state: DocumentState) => allowed.includes(state.status);

/** Customs holds a live record of the document, so taking it back needs a deletion request. */
const liveAtCustoms: readonly DocumentStatus[] = [
  'sent',
  'imported',
  'manualReview',
  'approved',
  'prePosted',
];

export const applyDocumentCommand = (state: DocumentState, command: DocumentCommand): CommandResult => {
  const refuse = (reason: string): CommandResult => ({ ok: false, reason: `${command.type}: ${reason}` });
  switch (command.type) {
    case 'QUEUE':
      return from(['draft'], state)
        ? { ok: true, state: { ...state, status: 'queued' } }
        : refuse('only a draft is queued');
    case 'SENT':
      return from(['queued'], state)
        ? { ok: true, state: { ...state, status: 'sent' } }
        : refuse('only a queued document is sent');
    case 'CHANGE':
      return from(['approved', 'prePosted'], state)
        ? { ok: true, state: { ...state, status: 'draft', chgTmsCnt: state.chgTmsCnt + 1 } }
        : refuse('only an approved document not yet through the gate or posted can be changed');
    case 'REDECLARE':
      return from(['rejected', 'importFailed'], state)
        ? { ok: true, state: { ...state, status: 'draft' } }
        : refuse('only a rejected document or a failed import is re-declared');
    case 'WITHDRAW':
      if (from(['draft', 'queued', 'importFailed', 'rejected'], state))
        return { ok: true, state: { ...state, status: 'withdrawn' } };
      if (from(liveAtCustoms, state))
        return { ok: true, state: { ...state, status: 'withdrawing', statusBeforeWithdrawal: state.status } };
      return refuse(`a document that is ${state.status} cannot be withdrawn`);
  }
};
