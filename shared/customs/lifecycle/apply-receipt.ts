import type { Receipt } from '../receipts/receipt';
import { receiptOutcome } from '../receipts/receipt-outcome';
import { finalStatusOf, type DocumentKind } from './document-kinds';
import { statusRank, type DocumentState } from './document-status';

export interface ReceiptApplied {
  readonly state: DocumentState;
  /** Why the receipt left the state as it was (a duplicate, a late or stale receipt…). */
  readonly ignored?: string;
}

const unchanged = (state: DocumentState, ignored: string): ReceiptApplied => ({ state, ignored });

/**
 * Applies a receipt already matched to this document. Pure, total and idempotent: applying the same
 * receipt twice, or an older receipt after a newer one, leaves the state where the best receipt put it.
 * Given the document's kind, a receipt never takes it past the end of its kind's life (a 业务申报表 goes
 * no further than approval, a pass or slip no further than the gate).
 */
export const applyReceiptToStatus = (
  state: DocumentState,
  receipt: Receipt,
  kind?: DocumentKind,
): ReceiptApplied => {
  const outcome = receiptOutcome(receipt);
  if (outcome === 'informational') return unchanged(state, `${receipt.messageType} moves no status`);
  if (state.status === 'draft') return unchanged(state, 'the document is a draft that has not been sent');
  if (state.status === 'withdrawn') return unchanged(state, 'the document is withdrawn');
  if (receipt.tmsCnt !== undefined && receipt.tmsCnt < state.chgTmsCnt)
    return unchanged(state, `answers change ${receipt.tmsCnt}, the document is at change ${state.chgTmsCnt}`);

  if (state.status === 'withdrawing') {
    // The deletion request is answered like any declaration: approval completes the withdrawal.
    if (outcome === 'approved')
      return { state: { ...state, status: 'withdrawn', statusBeforeWithdrawal: undefined } };
    if (outcome === 'rejected')
      return {
        state: {
          ...state,
          status: state.statusBeforeWithdrawal ?? 'approved',
          statusBeforeWithdrawal: undefined,
        },
      };
    return unchanged(state, 'waiting for the answer to the withdrawal');
  }

  if (
    outcome === 'rejected' &&
    state.lastRejectionDate !== undefined &&
    receipt.manageDate !== undefined &&
    receipt.manageDate <= state.lastRejectionDate
  )
    return unchanged(state, 'a 退单 from before the re-declaration');

  if (statusRank[outcome] <= statusRank[state.status])
    return unchanged(state, `${outcome} does not move a document that is ${state.status}`);
  if (kind !== undefined && statusRank[outcome] > statusRank[finalStatusOf[kind]])
    return unchanged(state, `${receipt.messageType} takes a ${kind} no further than ${finalStatusOf[kind]}`);

  return {
    state: {
      ...state,
      status: outcome,
      ...(outcome === 'rejected' && receipt.manageDate !== undefined
        ? { lastRejectionDate: receipt.manageDate }
        : {}),
    },
  };
};
