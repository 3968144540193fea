/** Customs writes local time in Beijing (UTC+8, no daylight saving), whatever the machine's zone. */
const shanghai = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString();

/** yyyy-MM-dd HH:mm:ss, as in manageDate, prevdTime, passTime. */
export const customsDateTime = (instant: Date): string => shanghai(instant).slice(0, 19).replace('T', ' ');

/** yyyy-MM-ddTHH:mm:ss, as in EnvelopInfo/send_time. */
export const envelopeTime = (instant: Date): string => shanghai(instant).slice(0, 19);

/** yyyyMMddHHmmss, as inside customs' message ids. */
export const compactTime = (instant: Date): string => shanghai(instant).slice(0, 19).replace(/[-T:]/g, '');

/** yyyyMMdd (InvtDclTime of the import form) → yyyy-MM-dd 00:00:00, as receipts echo it. */
export const dayAsDateTime = (customsDate: string): string =>
  `${customsDate.slice(0, 4)}-${customsDate.slice(4, 6)}-${customsDate.slice(6, 8)} 00:00:00`;
