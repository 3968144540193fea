import fc from 'fast-check';
import { customsDateOf } from '../../../shared/domain/customs-date';

const shanghaiDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const intlDate = (date: Date) => shanghaiDay.format(date).replaceAll('-', '');

describe('customsDateOf', () => {
  it('gives the Beijing calendar day the time zone database gives, for any instant since 1992', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1992-01-01T00:00:00Z'),
          max: new Date('2199-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        (date) => customsDateOf(date.toISOString()) === intlDate(date),
      ),
      { numRuns: 2_000 },
    );
  });

  it('turns the day at midnight Beijing time, not UTC', () => {
    expect(customsDateOf('2025-03-01T15:59:59.999Z')).toBe('20250301');
    expect(customsDateOf('2025-03-01T16:00:00Z')).toBe('20250302');
    expect(customsDateOf('2024-12-31T16:00:00Z')).toBe('20250101');
  });

  it('follows Beijing’s daylight saving time of 1986–1991', () => {
    // 1 July 1990 15:30 UTC was 00:30 on 2 July under UTC+9, still 1 July under UTC+8.
    expect(customsDateOf('1990-07-01T15:30:00Z')).toBe(intlDate(new Date('1990-07-01T15:30:00Z')));
    expect(customsDateOf('1990-07-01T15:30:00Z')).toBe('19900702');
  });

  it('refuses what is not an instant', () => {
    expect(() => customsDateOf('yesterday')).toThrow('Not an instant: "yesterday"');
  });
});
