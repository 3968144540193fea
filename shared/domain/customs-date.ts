import { z } from 'zod';

/**
 * Instants are stored in UTC; customs dates (yyyyMMdd, e.g. invtDclTime) are the calendar day in the
 * zone's own time zone, so a receipt at 01:30 Beijing time on 2 March is dated 20250302 although it is
 * still 1 March in UTC.
 */
export const ZONE_TIME_ZONE = 'Asia/Shanghai';

const zoneCalendar = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * China has kept UTC+8 all year since its last daylight saving time ended in September 1991. From then
 * on the zone's day is plain arithmetic, which every movement's validation can afford; Intl, about
 * twenty times slower, still answers for older instants.
 */
const FIXED_OFFSET_SINCE = Date.UTC(1992, 0, 1);
const ZONE_OFFSET_MS = 8 * 3_600_000;
const twoDigits = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** The customs date (yyyyMMdd in Asia/Shanghai) of a UTC instant. */
export function customsDateOf(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error(`Not an instant: "${String(instant)}"`);
  if (ms >= FIXED_OFFSET_SINCE) {
    const zoned = new Date(ms + ZONE_OFFSET_MS);
    return `${zoned.getUTCFullYear()}${twoDigits(zoned.getUTCMonth() + 1)}${twoDigits(zoned.getUTCDate())}`;
  }
  const parts = Object.fromEntries(zoneCalendar.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}${parts.month}${parts.day}`;
}

/** A UTC instant in ISO form ending in Z, like 2025-03-01T08:30:00.000Z. */
export function utcInstant(label: string) {
  return z.iso.datetime({
    error: (issue) =>
      issue.input === undefined
        ? `${label} is required`
        : `${label} must be a UTC time like 2025-03-01T08:30:00Z, got "${String(issue.input)}"`,
  });
}
