// Dates as a person in Japan types them into the app's date and datetime-local inputs, counted
// from now: the server's clock may be anywhere, the app's dates are Japan time (UTC+9, no DST).
const day = 24 * 60 * 60 * 1000;
const japanOffset = 9 * 60 * 60 * 1000;

/** "YYYY-MM-DD" in Japan, `days` from today (the value of a date input). */
export function tokyoDate(days: number): string {
  return new Date(Date.now() + days * day + japanOffset).toISOString().slice(0, 10);
}

/** "YYYY-MM-DDTHH:mm" in Japan time, `days` from now (the value of a datetime-local input). */
export function tokyoLocal(days: number): string {
  return new Date(Date.now() + days * day + japanOffset).toISOString().slice(0, 16);
}
