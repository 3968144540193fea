import { compactTime } from './customs-time';

/**
 * The numbers customs hands out, in the formats of customs-domain.md §1.3 and the real receipts. Each
 * takes its serial from the sandbox's persisted counters, so numbers never repeat across restarts.
 */
const pad = (serial: number, width: number) => String(serial).padStart(width, '0');
const yearOf = (instant: Date) => compactTime(instant).slice(0, 4);

/** 预录入统一编号, 18 digits: year + 00000 + 9-digit serial (e.g. 202400000122534496). */
export const preEntryNo = (instant: Date, serial: number): string =>
  `${yearOf(instant)}00000${pad(serial, 9)}`;

/** 核注清单编号, 18: QD + 4-digit customs district + 2-digit year + I/E + 9-digit serial (QD311124E000098849). */
export const bondInvtNo = (district: string, ie: 'I' | 'E', instant: Date, serial: number): string =>
  `QD${district}${yearOf(instant).slice(2)}${ie}${pad(serial, 9)}`;

/** 核放单编号, 24: Z + district + I/E + yyMMdd + 12-digit serial (Z3111I240728000000000003). */
export const passportNo = (district: string, ie: 'I' | 'E', instant: Date, serial: number): string =>
  `Z${district}${ie}${compactTime(instant).slice(2, 8)}${pad(serial, 12)}`;

/** 报关单统一编号 of a generated declaration, 18: I/E + year + 13-digit serial. */
export const entrySeqNo = (ie: 'I' | 'E', instant: Date, serial: number): string =>
  `${ie}${yearOf(instant)}${pad(serial, 13)}`;

/** EnvelopInfo/message_id: sender + receiver + time + 11-digit serial (CUS0000E0100002024073011480300878902307). */
export const receiptMessageId = (receiverId: string, instant: Date, serial: number): string =>
  `CUS0000${receiverId}${compactTime(instant)}${pad(serial, 11)}`;

/**
 * 申报表编号 and 出入库单编号: their real formats are not known (customs-domain.md §1.6, §1.7), so the
 * sandbox makes 18-character numbers in the list's pattern [INF]: SB + district + yy + business type +
 * 9-digit serial for a form, CK + district + yy + I/E + 9-digit serial for a slip.
 */
export const sasDclNo = (district: string, businessTypecd: string, instant: Date, serial: number): string =>
  `SB${district}${yearOf(instant).slice(2)}${businessTypecd}${pad(serial, 9)}`;

export const sasStockNo = (district: string, ie: 'I' | 'E', instant: Date, serial: number): string =>
  `CK${district}${yearOf(instant).slice(2)}${ie}${pad(serial, 9)}`;
