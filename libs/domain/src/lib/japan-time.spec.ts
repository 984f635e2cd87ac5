import {
  endOfJapanDay,
  instantOfJapanDateTimeLocal,
  isCalendarDate,
  isReversedDayRange,
  japanClock,
  japanDate,
  japanDateTime,
  japanDateTimeLocal,
  japanDayStamp,
  startOfJapanDay,
} from './japan-time';

describe('Japan time', () => {
  it('reads the day and time of an instant in Japan, across the UTC date line', () => {
    const lateUtc = new Date('2026-03-31T15:30:00Z');
    expect(japanDate(lateUtc)).toBe('2026-04-01');
    expect(japanDateTime(lateUtc)).toBe('2026-04-01 00:30');
    expect(japanDate(new Date('2026-03-31T14:59:59.999Z'))).toBe('2026-03-31');
  });

  it('takes today in Japan, not in the browser: 2026-11-26 15:00 UTC is already the 27th in Japan', () => {
    expect(japanDate(new Date('2026-11-26T14:59:59Z'))).toBe('2026-11-26');
    expect(japanDate(new Date('2026-11-26T15:00:00Z'))).toBe('2026-11-27');
    expect(japanDayStamp(new Date('2026-11-26T15:00:00Z'))).toBe('20261127');
  });

  it('reads and writes a datetime-local value in Japan time, whatever the device zone', () => {
    expect(japanDateTimeLocal(new Date('2026-03-31T15:30:00Z'))).toBe('2026-04-01T00:30');
    expect(instantOfJapanDateTimeLocal('2026-04-01T00:30')?.toISOString()).toBe('2026-03-31T15:30:00.000Z');
    expect(instantOfJapanDateTimeLocal('2026-04-01T09:00')?.toISOString()).toBe('2026-04-01T00:00:00.000Z');
  });

  it('gives no instant for an empty or malformed datetime-local value', () => {
    expect(instantOfJapanDateTimeLocal('')).toBeNull();
    expect(instantOfJapanDateTimeLocal('2026-04-01 09:00')).toBeNull();
    expect(instantOfJapanDateTimeLocal('2026-04-01T09:00:00')).toBeNull();
    expect(instantOfJapanDateTimeLocal('2026-13-01T09:00')).toBeNull();
  });

  it.each([
    ['2026-04-01', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-4-1', false],
    ['2026/04/01', false],
    ['', false],
  ])('tells a real calendar day written YYYY-MM-DD from anything else: %j is %s', (day, calendarDate) => {
    expect(isCalendarDate(day)).toBe(calendarDate);
  });

  it('gives the Japan weekday (Monday first) and minutes since midnight', () => {
    // 2026-04-06 is a Monday; 00:30 there is Sunday 15:30 UTC.
    expect(japanClock(new Date('2026-04-05T15:30:00Z'))).toEqual({ weekdayIndex: 0, minutes: 30 });
    expect(japanClock(new Date('2026-04-05T14:00:00Z'))).toEqual({ weekdayIndex: 6, minutes: 23 * 60 });
  });

  it('finds where a Japan day starts and ends, and refuses a malformed day', () => {
    expect(startOfJapanDay('2026-04-01')?.toISOString()).toBe('2026-03-31T15:00:00.000Z');
    expect(endOfJapanDay('2026-04-01')?.toISOString()).toBe('2026-04-01T14:59:59.999Z');
    expect(startOfJapanDay('2026-4-1')).toBeNull();
    expect(startOfJapanDay('')).toBeNull();
    expect(endOfJapanDay('')).toBeNull();
    expect(endOfJapanDay('2026/04/01')).toBeNull();
    expect(startOfJapanDay('2026-13-45')).toBeNull();
    expect(startOfJapanDay('2026-02-30')).toBeNull();
    expect(endOfJapanDay('2026-02-30')).toBeNull();
  });

  it.each([
    ['2026-04-02', '2026-04-01', true],
    ['2026-04-01', '2026-04-01', false],
    ['2026-04-01', '2027-01-01', false],
    ['2026-04-01', '', false],
    ['', '2026-04-01', false],
  ])('calls a day range reversed only when both ends are days and the end comes first: %j to %j is %s', (from, to, reversed) => {
    expect(isReversedDayRange(from, to)).toBe(reversed);
  });
});
