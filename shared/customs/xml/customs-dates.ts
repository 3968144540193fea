/** yyyyMMdd → yyyy-MM-dd (xs:date and the customs `Date` type). */
export const toIsoDate = (customsDate: string): string =>
  `${customsDate.slice(0, 4)}-${customsDate.slice(4, 6)}-${customsDate.slice(6, 8)}`;

/** yyyyMMdd → yyyy-MM-dd 00:00:00, the customs `DateTime` type; receipts echo list dates this way. */
export const toCustomsDateTime = (customsDate: string): string => `${toIsoDate(customsDate)} 00:00:00`;
