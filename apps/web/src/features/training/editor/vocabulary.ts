// The training vocabularies (libs/domain) in the UI language, for the trainer's pages. Dates,
// times and file sizes read as on the grant pages (Japan time), so they share those helpers.
import {
  COURSE_STATUSES,
  COURSE_VISIBILITIES,
  MATERIAL_FORMATS,
  QUESTION_KINDS,
  REGISTRATION_STATUSES,
  SESSION_STATUSES,
  type LocalizedText,
} from '@tsunagu/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export { formatDateTime, formatFileSize, fromTokyoLocal, toTokyoLocal } from '../../grants/vocabulary';

type Vocabulary = { readonly labels: Record<string, LocalizedText>; readonly codes: readonly string[] };

function labelIn(vocabulary: Vocabulary, code: string, language: string): string {
  const label = vocabulary.labels[code] as LocalizedText | undefined;
  if (!label) return code;
  return language === 'en' ? label.en : label.ja;
}

export interface TrainingEditorLabels {
  courseStatus: (code: string) => string;
  visibility: (code: string) => string;
  materialFormat: (code: string) => string;
  questionKind: (code: string) => string;
  sessionStatus: (code: string) => string;
  registrationStatus: (code: string) => string;
  options: (vocabulary: Vocabulary) => { value: string; label: string }[];
}

export function useTrainingEditorLabels(): TrainingEditorLabels {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const of = (vocabulary: Vocabulary) => (code: string) => labelIn(vocabulary, code, language);
    return {
      courseStatus: of(COURSE_STATUSES),
      visibility: of(COURSE_VISIBILITIES),
      materialFormat: of(MATERIAL_FORMATS),
      questionKind: of(QUESTION_KINDS),
      sessionStatus: of(SESSION_STATUSES),
      registrationStatus: of(REGISTRATION_STATUSES),
      options: (vocabulary: Vocabulary) => vocabulary.codes.map((code) => ({ value: code, label: labelIn(vocabulary, code, language) })),
    };
  }, [language]);
}

const statusColors: Record<string, string> = { DRAFT: 'gray', PUBLISHED: 'green', ARCHIVED: 'dark', SCHEDULED: 'blue', CANCELLED: 'red' };

/** The colour of a course or session status badge. */
export function statusColor(status: string): string {
  return statusColors[status] ?? 'gray';
}
