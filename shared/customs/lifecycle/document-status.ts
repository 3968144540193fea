import { z } from 'zod';

/** Where a customs document stands. Persisted as is; actors are rebuilt from it. */
export const DocumentStatus = z.enum([
  'draft',
  'queued',
  'sent',
  'importFailed',
  'imported',
  'manualReview',
  'rejected',
  'approved',
  'prePosted',
  'gatePassed',
  'posted',
  'withdrawing',
  'withdrawn',
]);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

/** The persisted lifecycle state of one document. */
export const DocumentState = z.object({
  status: DocumentStatus,
  /** The change count of the version in flight; receipts for earlier versions are stale. */
  chgTmsCnt: z.number().int().min(0),
  /** manageDate of the last 退单 acted on: a 退单 no later than it belongs to an earlier round. */
  lastRejectionDate: z.string().optional(),
  /** Where a withdrawal returns when customs refuses the deletion. */
  statusBeforeWithdrawal: DocumentStatus.optional(),
});
export type DocumentState = z.infer<typeof DocumentState>;

export const newDocumentState = (): DocumentState => ({ status: 'draft', chgTmsCnt: 0 });

/**
 * How far along the way to posting a status is. A receipt moves a document only forward. An import
 * success outranks a failure because a resent document (same number, after an ambiguous failure) can
 * be refused as a duplicate of the copy customs already accepted; 退单 outranks 转人工 because it is how
 * a manual review can end.
 */
export const statusRank: Readonly<Record<DocumentStatus, number>> = {
  draft: 0,
  queued: 1,
  sent: 2,
  importFailed: 3,
  imported: 4,
  manualReview: 5,
  rejected: 6,
  approved: 7,
  prePosted: 8,
  gatePassed: 9,
  posted: 10,
  withdrawing: 11,
  withdrawn: 12,
};
