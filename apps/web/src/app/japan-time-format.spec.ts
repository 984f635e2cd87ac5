import { formatDateTime, formatInstantDate, formatTimestamp, fromJapanDateTimeLocal, toJapanDateTimeLocal } from './japan-time-format';

describe('Japan-time formatting', () => {
  // 15:30 UTC on 31 March is already 1 April in Japan.
  const lateUtc = '2026-03-31T15:30:00Z';

  it('shows an instant in Japan time in the UI language', () => {
    expect(formatInstantDate(lateUtc, 'en')).toBe('1 Apr 2026');
    expect(formatDateTime(lateUtc, 'en')).toBe('1 Apr 2026, 00:30');
    expect(formatInstantDate(lateUtc, 'ja')).toBe('2026/04/01');
  });

  it('shows a malformed timestamp as it came', () => {
    expect(formatTimestamp('not a time', 'ja')).toBe('not a time');
  });

  it('fills a datetime-local input in Japan time and reads it back as the same instant', () => {
    expect(toJapanDateTimeLocal(lateUtc)).toBe('2026-04-01T00:30');
    expect(toJapanDateTimeLocal(null)).toBe('');
    expect(fromJapanDateTimeLocal('2026-04-01T00:30')).toBe('2026-03-31T15:30:00.000Z');
    expect(fromJapanDateTimeLocal('')).toBeNull();
  });
});
