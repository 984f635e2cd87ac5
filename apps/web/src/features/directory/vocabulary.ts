// The directory's vocabularies (libs/domain) in the UI language. Categories, target groups,
// channels and languages carry their own ja/en labels in libs/domain; weekdays, capacity and
// fees are translated in the i18n resources. Codes the web does not know are shown as they are.
import { CHANNEL_KINDS, SERVICE_CATEGORIES, SERVICE_LANGUAGES, TARGET_GROUPS } from '@tsunagu/domain';
import { useMemo } from 'react';
import { useVocabularyLabels } from '../../app/labels';

export interface DirectoryLabels {
  category: (code: string) => string;
  targetGroup: (code: string) => string;
  channel: (code: string) => string;
  language: (code: string) => string;
}

/** Label functions for the current UI language. */
export function useDirectoryLabels(): DirectoryLabels {
  const { of } = useVocabularyLabels();
  return useMemo(
    () => ({ category: of(SERVICE_CATEGORIES), targetGroup: of(TARGET_GROUPS), channel: of(CHANNEL_KINDS), language: of(SERVICE_LANGUAGES) }),
    [of],
  );
}

/** tel:, mailto: or https link for a channel, or null when it is a place or plain text. */
export function channelHref(kind: string, value: string): string | null {
  const trimmed = value.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (kind === 'PHONE') {
    const digits = trimmed.replace(/[^\d+]/g, '');
    return digits.length >= 3 ? `tel:${digits}` : null;
  }
  if (kind === 'EMAIL' && trimmed.includes('@')) return `mailto:${trimmed}`;
  return null;
}

/** Formats a YYYY-MM-DD date in the UI language (without converting time zones). */
export function formatDate(isoDate: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', { timeZone: 'UTC', dateStyle: 'long' }).format(date);
}
