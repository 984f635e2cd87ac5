// Training's vocabularies (libs/domain) in the UI language, and how times read: sessions and
// due dates are instants shown in Japan time (app/japan-time-format), whatever the device's zone.
import { ENROLMENT_SOURCES, MATERIAL_FORMATS, REGISTRATION_STATUSES } from '@tsunagu/domain';
import { formatDateTime, formatInstantDate, formatInstantTime, formatInstantWeekday } from '../../../app/japan-time-format';
import { useLabelsOf } from '../../../app/labels';

const trainingVocabularies = {
  format: MATERIAL_FORMATS, source: ENROLMENT_SOURCES, registrationStatus: REGISTRATION_STATUSES,
};

export function useTrainingLabels() {
  return useLabelsOf(trainingVocabularies);
}

/** A glyph per material format, shown next to (never instead of) the format's name. */
export const formatGlyphs: Readonly<Record<string, string>> = {
  PDF: '📄',
  SLIDES: '📊',
  DOCUMENT: '📝',
  VIDEO: '🎬',
  AUDIO: '🎧',
  IMAGE: '🖼',
  LINK: '🔗',
};

/** The distinct formats of a course's materials, in the vocabulary's order. */
export function formatsOf(modules: readonly { materials: readonly { format: string }[] }[]): string[] {
  const present = new Set(modules.flatMap((module) => module.materials.map((material) => material.format)));
  return MATERIAL_FORMATS.codes.filter((code) => present.has(code));
}

const locale = (language: string) => (language === 'en' ? 'en-GB' : 'ja-JP');

/** A session's time: "2026年12月3日 13:30〜15:00" when it starts and ends on the same day in Japan. */
export function formatSessionTime(startsAt: string, endsAt: string, language: string): string {
  const day = (iso: string) => formatInstantDate(iso, language);
  const time = (iso: string) => formatInstantTime(iso, language);
  const weekday = formatInstantWeekday(startsAt, language);
  if (day(startsAt) === day(endsAt)) return `${day(startsAt)} (${weekday}) ${time(startsAt)}–${time(endsAt)}`;
  return `${formatDateTime(startsAt, language)} – ${formatDateTime(endsAt, language)}`;
}

/** A YYYY-MM-DD date in the UI language (no time zone conversion). */
export function formatDay(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(language), { timeZone: 'UTC', dateStyle: 'long' }).format(date);
}

