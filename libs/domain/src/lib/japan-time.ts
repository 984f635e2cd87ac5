// Japan time, the one implementation the API and the web app share. Japan keeps no daylight
// saving, so a fixed +09:00 is exact and needs no ICU time-zone data: the calendar day and clock
// of an instant are those of the instant shifted by nine hours, read as UTC.
export const JAPAN_TIME_ZONE = 'Asia/Tokyo';
export const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME_LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function shifted(at: Date): Date {
  return new Date(at.getTime() + JAPAN_OFFSET_MS);
}

/** The Japan calendar day of an instant, "YYYY-MM-DD". */
export function japanDate(at: Date): string {
  return shifted(at).toISOString().slice(0, 10);
}

/** An instant as Japan reads it, "YYYY-MM-DD HH:mm". */
export function japanDateTime(at: Date): string {
  return shifted(at).toISOString().slice(0, 16).replace('T', ' ');
}

/** An instant's Japan calendar day as "YYYYMMDD", for file names. */
export function japanDayStamp(at: Date): string {
  return japanDate(at).replaceAll('-', '');
}

/** An instant as a Japan-time "YYYY-MM-DDTHH:mm", the value of a datetime-local input. */
export function japanDateTimeLocal(at: Date): string {
  return shifted(at).toISOString().slice(0, 16);
}

/** The instant of a Japan-time "YYYY-MM-DDTHH:mm" (a datetime-local input's value); null when empty or malformed. */
export function instantOfJapanDateTimeLocal(value: string): Date | null {
  if (!DATE_TIME_LOCAL.test(value)) return null;
  const instant = new Date(`${value}:00+09:00`);
  return Number.isNaN(instant.getTime()) ? null : instant;
}

/** Whether a string is a real calendar day written "YYYY-MM-DD" (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!DAY.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const check = new Date(Date.UTC(year, month - 1, day));
  return check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day;
}

/** The day of the week (0 = Monday … 6 = Sunday) and the minutes since midnight, in Japan. */
export function japanClock(at: Date): { weekdayIndex: number; minutes: number } {
  const local = shifted(at);
  return { weekdayIndex: (local.getUTCDay() + 6) % 7, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The instant a Japan calendar day ("YYYY-MM-DD") begins; null when the day is malformed. */
export function startOfJapanDay(day: string): Date | null {
  if (!isCalendarDate(day)) return null;
  const start = new Date(Date.parse(`${day}T00:00:00Z`) - JAPAN_OFFSET_MS);
  return Number.isNaN(start.getTime()) ? null : start;
}

/** The last millisecond of a Japan calendar day, so a range "to" a day includes all of it. */
export function endOfJapanDay(day: string): Date | null {
  const start = startOfJapanDay(day);
  return start ? new Date(start.getTime() + DAY_MS - 1) : null;
}

/**
 * Whether a day range ("YYYY-MM-DD", either end may be left empty) ends before it starts, so it
 * could match nothing. Days in this form compare correctly as strings.
 */
export function isReversedDayRange(fromDay: string, toDay: string): boolean {
  return DAY.test(fromDay) && DAY.test(toDay) && toDay < fromDay;
}
