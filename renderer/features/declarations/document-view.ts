import type { DocumentStatus } from '../../../shared/customs/lifecycle/document-status';
import type { DeclarationRow, ReceiptRow } from '../../../shared/store';

/**
 * The status filter's groups: each real lifecycle status belongs to exactly one, named as customs names
 * it. `parked` is not a status but the outbox's verdict, so it is counted apart and overlaps its status.
 */
export const statusGroups = {
  waiting: ['draft', 'queued'],
  sent: ['sent'],
  withCustoms: ['imported', 'manualReview'],
  approved: ['approved'],
  prePosted: ['prePosted'],
  gatePassed: ['gatePassed'],
  posted: ['posted'],
  rejected: ['rejected', 'importFailed'],
  withdrawn: ['withdrawing', 'withdrawn'],
} as const satisfies Record<string, readonly DocumentStatus[]>;

export type StatusGroup = keyof typeof statusGroups | 'parked';
export type StatusFilter = StatusGroup | 'all';

export const filterOrder: readonly StatusFilter[] = [
  'all',
  'waiting',
  'sent',
  'withCustoms',
  'approved',
  'prePosted',
  'gatePassed',
  'posted',
  'rejected',
  'parked',
  'withdrawn',
];

export function inFilter(row: DeclarationRow, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'parked') return row.outboxState === 'parked';
  return (statusGroups[filter] as readonly DocumentStatus[]).includes(row.state.status);
}

export function countsByFilter(rows: readonly DeclarationRow[]): Record<StatusFilter, number> {
  return Object.fromEntries(
    filterOrder.map((filter) => [filter, rows.filter((row) => inFilter(row, filter)).length]),
  ) as Record<StatusFilter, number>;
}

/** What the officer must act on: customs refused it, or the sync engine gave up on it. */
export const needsOfficer = (row: DeclarationRow): boolean =>
  row.outboxState === 'parked' || row.state.status === 'rejected' || row.state.status === 'importFailed';

export const lastEventAt = (row: DeclarationRow): string => row.timeline.at(-1)?.at ?? row.createdAt;

/** One line of a list, a 业务申报表, an 出入库单 or a gate pass, in the columns they share. */
export interface DocumentLineView {
  gdsSeqno: number;
  /** A list's, form's or slip's line: its book line; a pass line: its list's or slip's line. */
  putrecSeqno?: number;
  gdsMtno: string;
  gdsNm: string;
  qty: string;
  unit: string;
  amount?: string;
  currency?: string;
}

export function linesOf(row: DeclarationRow): DocumentLineView[] {
  const document = row.document;
  switch (document.kind) {
    case 'INV101':
      return document.lines.map((line) => ({
        gdsSeqno: line.gdsSeqno,
        ...(line.putrecSeqno !== undefined && { putrecSeqno: line.putrecSeqno }),
        gdsMtno: line.gdsMtno,
        gdsNm: line.gdsNm,
        qty: line.dclQty,
        unit: line.dclUnitcd,
        amount: line.dclTotalAmt,
        currency: line.dclCurrcd,
      }));
    case 'SAS101':
      // A form line has no item number of its own; its HS code stands in that column.
      return document.lines.map((line) => ({
        gdsSeqno: line.sasDclSeqno,
        putrecSeqno: line.oriactGdsSeqno,
        gdsMtno: line.gdecd,
        gdsNm: line.gdsNm,
        qty: line.dclQty,
        unit: line.dclUnitcd,
        amount: line.dclTotalAmt,
        currency: line.dclCurrcd,
      }));
    case 'SAS111':
      return document.lines.map((line) => ({
        gdsSeqno: line.sasStockSeqno,
        putrecSeqno: line.oriactGdsSeqno,
        gdsMtno: line.gdsMtno,
        gdsNm: line.gdsNm,
        qty: line.dclQty,
        unit: line.dclUnitcd,
        amount: line.dclTotalAmt,
        currency: line.dclCurrcd,
      }));
    case 'SAS121':
      return document.lines.map((line) => ({
        gdsSeqno: line.passportSeqNo,
        putrecSeqno: line.rltGdsSeqno,
        gdsMtno: line.gdsMtno,
        gdsNm: line.gdsNm,
        qty: line.dclQty,
        unit: line.dclUnitcd,
      }));
  }
}

/**
 * Customs' reasons for the document's last 退单 or failed import, as the receipt gave them (CheckInfo,
 * one per entry). Without such a receipt, the store's last error stands in.
 */
export function rejectionReasons(row: DeclarationRow, receipts: readonly ReceiptRow[]): string[] {
  if (row.state.status !== 'rejected' && row.state.status !== 'importFailed') return [];
  const refusal = receipts
    .filter((receipt) => receipt.outcome === 'rejected' || receipt.outcome === 'importFailed')
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .at(-1);
  if (refusal?.reasons?.length) return [...refusal.reasons];
  return row.lastError ? [row.lastError] : [];
}

/**
 * The lines a reason names. Customs writes them as 第N项 (the list's own line numbers); when no reason
 * names one, every line is concerned.
 */
export function linesConcerned(row: DeclarationRow, reasons: readonly string[]): DocumentLineView[] | null {
  const named = new Set(
    reasons.flatMap((reason) => [...reason.matchAll(/第(\d+)项/g)].map((match) => Number(match[1]))),
  );
  if (named.size === 0) return null;
  return linesOf(row).filter((line) => named.has(line.gdsSeqno));
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** A UTC instant in this workstation's time, written the same way in both languages: 2025-03-02 09:00:05. */
export function localTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (
    `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())} ` +
    `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}:${twoDigits(date.getSeconds())}`
  );
}
