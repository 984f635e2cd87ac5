// The directory's vocabularies (libs/domain) in the UI language. Categories, target groups,
// channels and languages carry their own ja/en labels in libs/domain; weekdays, capacity and
// fees are translated in the i18n resources. Codes the web does not know are shown as they are.
import {
  CHANNEL_KINDS,
  SERVICE_CATEGORIES,
  SERVICE_LANGUAGES,
  TARGET_GROUPS,
  type LocalizedText,
} from '@tsunagu/domain';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type Vocabulary = { readonly labels: Record<string, LocalizedText> };

function labelIn(vocabulary: Vocabulary, code: string, language: string): string {
  const label = vocabulary.labels[code] as LocalizedText | undefined;
  if (!label) return code;
  return language === 'en' ? label.en : label.ja;
}

export interface DirectoryLabels {
  category: (code: string) => string;
  targetGroup: (code: string) => string;
  channel: (code: string) => string;
  language: (code: string) => string;
}

/** Label functions for the current UI language. */
export function useDirectoryLabels(): DirectoryLabels {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const category = useCallback((code: string) => labelIn(SERVICE_CATEGORIES, code, language), [language]);
  const targetGroup = useCallback((code: string) => labelIn(TARGET_GROUPS, code, language), [language]);
  const channel = useCallback((code: string) => labelIn(CHANNEL_KINDS, code, language), [language]);
  const serviceLanguage = useCallback((code: string) => labelIn(SERVICE_LANGUAGES, code, language), [language]);
  return { category, targetGroup, channel, language: serviceLanguage };
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
