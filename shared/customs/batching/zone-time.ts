import { ZONE_TIME_ZONE } from '../../domain/customs-date';

const zoneClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: ZONE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A UTC instant as the zone's wall clock, `yyyy-MM-dd HH:mm:ss` (customs' DateTime type). */
export function customsDateTimeOf(instant: string): string {
  const parts = Object.fromEntries(
    zoneClock.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The same instant as EnvelopInfo/send_time wants it, `yyyy-MM-ddTHH:mm:ss`. */
export function envelopeTimeOf(instant: string): string {
  return customsDateTimeOf(instant).replace(' ', 'T');
}
