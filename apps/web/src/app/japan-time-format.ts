// How instants read and are edited on every page: in the UI language, always in Japan time
// (libs/domain's japan-time) whatever the device's zone, so the same instant reads the same everywhere.
import { instantOfJapanDateTimeLocal, JAPAN_TIME_ZONE, japanDateTimeLocal } from '@tsunagu/domain';

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'ja-JP');

function inJapan(iso: string, language: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(locale(language), { timeZone: JAPAN_TIME_ZONE, ...options }).format(new Date(iso));
}

/** An instant as a date and time in Japan time: "2026/04/01 9:30", "1 Apr 2026, 09:30". */
export function formatDateTime(iso: string, language: string): string {
  return inJapan(iso, language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** An instant as its date in Japan time: "2026/04/01", "1 Apr 2026". */
export function formatInstantDate(iso: string, language: string): string {
  return inJapan(iso, language, { dateStyle: 'medium' });
}

/** An instant as its date in Japan time, written out: "2026年4月1日", "1 April 2026". */
export function formatInstantLongDate(iso: string, language: string): string {
  return inJapan(iso, language, { dateStyle: 'long' });
}

/** An instant's clock time in Japan: "9:30", "09:30". */
export function formatInstantTime(iso: string, language: string): string {
  return inJapan(iso, language, { timeStyle: 'short' });
}

/** An instant's day of the week in Japan: "水", "Wed". */
export function formatInstantWeekday(iso: string, language: string): string {
  return inJapan(iso, language, { weekday: 'short' });
}

/** An instant to the second in Japan time (sessions, audit entries); a malformed value is shown as it came. */
export function formatTimestamp(iso: string, language: string): string {
  if (Number.isNaN(new Date(iso).getTime())) return iso;
  return inJapan(iso, language, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A datetime-local input's value ("2026-04-01T09:00", Japan time) for an optional instant. */
export function toJapanDateTimeLocal(iso: string | null | undefined): string {
  return iso ? japanDateTimeLocal(new Date(iso)) : '';
}

/** The instant (ISO) of a datetime-local input's Japan-time value, or null when empty or malformed. */
export function fromJapanDateTimeLocal(value: string): string | null {
  return instantOfJapanDateTimeLocal(value)?.toISOString() ?? null;
}
