// The training vocabularies (libs/domain) in the UI language, for the trainer's pages. Dates,
// times and file sizes read as on the grant pages (Japan time), so they share those helpers.
import {
  COURSE_STATUSES,
  COURSE_VISIBILITIES,
  MATERIAL_FORMATS,
  QUESTION_KINDS,
  REGISTRATION_STATUSES,
  SESSION_STATUSES,
} from '@tsunagu/domain';
import { useMemo } from 'react';
import { useVocabularyLabels, type Option, type Vocabulary } from '../../../app/labels';

export { formatDateTime, formatFileSize, fromTokyoLocal, toTokyoLocal } from '../../grants/vocabulary';

export interface TrainingEditorLabels {
  courseStatus: (code: string) => string;
  visibility: (code: string) => string;
  materialFormat: (code: string) => string;
  questionKind: (code: string) => string;
  sessionStatus: (code: string) => string;
  registrationStatus: (code: string) => string;
  options: (vocabulary: Vocabulary) => Option[];
}

export function useTrainingEditorLabels(): TrainingEditorLabels {
  const { of, options } = useVocabularyLabels();
  return useMemo(
    () => ({
      courseStatus: of(COURSE_STATUSES),
      visibility: of(COURSE_VISIBILITIES),
      materialFormat: of(MATERIAL_FORMATS),
      questionKind: of(QUESTION_KINDS),
      sessionStatus: of(SESSION_STATUSES),
      registrationStatus: of(REGISTRATION_STATUSES),
      options,
    }),
    [of, options],
  );
}

const statusColors: Record<string, string> = { DRAFT: 'gray', PUBLISHED: 'green', ARCHIVED: 'dark', SCHEDULED: 'blue', CANCELLED: 'red' };

/** The colour of a course or session status badge. */
export function statusColor(status: string): string {
  return statusColors[status] ?? 'gray';
}
