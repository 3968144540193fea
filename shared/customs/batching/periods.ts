import type { CollectivePeriod } from './policy';

/** A collection period of collective declaration, as customs dates (yyyyMMdd), both ends included. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const dateOf = (customsDate: string) =>
  new Date(
    Date.UTC(
      Number(customsDate.slice(0, 4)),
      Number(customsDate.slice(4, 6)) - 1,
      Number(customsDate.slice(6, 8)),
    ),
  );
const customsDateOfUtc = (date: Date) =>
  `${date.getUTCFullYear()}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}`;
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The period a customs date falls in. Every period lies inside one calendar year: a week that spans
 * the new year is cut at 31 December, so no collective list ever mixes two years.
 */
export function periodOf(customsDate: string, period: CollectivePeriod): Period {
  const year = Number(customsDate.slice(0, 4));
  const month = Number(customsDate.slice(4, 6));
  const day = Number(customsDate.slice(6, 8));
  const monthStart = `${year}${pad(month)}`;
  const last = daysInMonth(year, month);
  switch (period) {
    case 'month':
      return { from: `${monthStart}01`, to: `${monthStart}${pad(last)}` };
    case 'halfMonth':
      return day <= 15
        ? { from: `${monthStart}01`, to: `${monthStart}15` }
        : { from: `${monthStart}16`, to: `${monthStart}${pad(last)}` };
    case 'week': {
      const date = dateOf(customsDate);
      const sinceMonday = (date.getUTCDay() + 6) % 7;
      const monday = new Date(date.getTime() - sinceMonday * 86_400_000);
      const sunday = new Date(monday.getTime() + 6 * 86_400_000);
      const from = customsDateOfUtc(monday);
      const to = customsDateOfUtc(sunday);
      return {
        from: from.slice(0, 4) === String(year) ? from : `${year}0101`,
        to: to.slice(0, 4) === String(year) ? to : `${year}1231`,
      };
    }
  }
}

/** A period is closed once its last day is over in the zone's time zone: its list can then be declared. */
export function isPeriodClosed(period: Period, today: string): boolean {
  return today > period.to;
}
