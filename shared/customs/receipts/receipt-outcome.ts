import type { Receipt } from './receipt';

/** What a receipt says happened to the document it answers. */
export type ReceiptOutcome =
  | 'imported'
  | 'importFailed'
  | 'manualReview'
  | 'rejected'
  | 'approved'
  | 'prePosted'
  | 'gatePassed'
  | 'posted'
  /** Carries facts (a generated declaration, a gate not yet passed) but moves no status. */
  | 'informational';

/** HdeApprResult/manageResult of approval receipts: 1 通过 2 转人工 3 退单 Y 入库成功 Z 入库失败. */
const approvalOutcome: Readonly<Record<string, ReceiptOutcome>> = {
  '1': 'approved',
  '2': 'manualReview',
  '3': 'rejected',
  Y: 'imported',
  Z: 'importFailed',
};

const gateMessages = new Set(['SAS223', 'SAS253']);
/** stucd 2 已过卡 (single gate), 4 已过二卡 (double gate). */
const passedStucd = new Set(['2', '4']);

export const receiptOutcome = (receipt: Receipt): ReceiptOutcome => {
  const { messageType, manageResult } = receipt;
  const head = receipt.head?.fields;
  if (messageType === 'CommonResponeMessage') {
    if (receipt.dealFlag === undefined) return 'informational';
    return receipt.dealFlag === '0' ? 'imported' : 'importFailed';
  }
  if (messageType === 'INV211') return 'posted';
  if (messageType === 'INV202') return 'informational';
  if (gateMessages.has(messageType)) {
    if (manageResult === '1' || passedStucd.has(head?.stucd ?? '')) return 'gatePassed';
    return 'informational';
  }
  // SAS224 shares SAS221's shape; its meaning is undocumented, so only a passed gate status counts.
  if (messageType === 'SAS224') return passedStucd.has(head?.stucd ?? '') ? 'gatePassed' : 'informational';
  if (messageType === 'INV201') {
    // 预核扣 is written on the list head (vrfdedMarkcd 1); a real INV201 carries it with manageResult 4,
    // a code no catalogue explains, so the head decides.
    if (head?.vrfdedMarkcd === '1' || head?.vrfdedMarkcd === '2') return 'prePosted';
    if (manageResult === '4') return 'approved';
  }
  return approvalOutcome[manageResult ?? ''] ?? 'informational';
};

/**
 * The priority rule customs receipt handlers use (customs-domain.md §1.2): 通过 3 > 转人工 / 退单 2 >
 * 入库 1. Receipts that move a document further than approval rank above it.
 */
export const receiptPriority = (outcome: ReceiptOutcome): number => {
  switch (outcome) {
    case 'importFailed':
    case 'imported':
      return 1;
    case 'manualReview':
    case 'rejected':
      return 2;
    case 'approved':
      return 3;
    case 'prePosted':
      return 4;
    case 'gatePassed':
      return 5;
    case 'posted':
      return 6;
    case 'informational':
      return 0;
  }
};
