import { JAPAN_TIME_ZONE } from '@tsunagu/domain';

/** Formats an ISO timestamp in Japan time (Asia/Tokyo) for the given UI language. */
export function formatTokyoTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return iso;
  }
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', {
    timeZone: JAPAN_TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(date);
}
