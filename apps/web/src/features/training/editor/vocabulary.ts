// The training vocabularies (libs/domain) in the UI language, for the trainer's pages. File
// sizes read as everywhere else (app/files); dates and times come from app/japan-time-format.
import { COURSE_STATUSES, COURSE_VISIBILITIES, MATERIAL_FORMATS, QUESTION_KINDS, REGISTRATION_STATUSES, SESSION_STATUSES } from '@tsunagu/domain';
import { useLabelsOf, type LabelsOf, type VocabularyLabels } from '../../../app/labels';

export { formatFileSize } from '../../../app/files';

const trainingEditorVocabularies = {
  courseStatus: COURSE_STATUSES, visibility: COURSE_VISIBILITIES, materialFormat: MATERIAL_FORMATS,
  questionKind: QUESTION_KINDS, sessionStatus: SESSION_STATUSES, registrationStatus: REGISTRATION_STATUSES,
};

export type TrainingEditorLabels = LabelsOf<typeof trainingEditorVocabularies> & VocabularyLabels;

export function useTrainingEditorLabels(): TrainingEditorLabels {
  return useLabelsOf(trainingEditorVocabularies);
}

const statusColors: Record<string, string> = { DRAFT: 'gray', PUBLISHED: 'green', ARCHIVED: 'dark', SCHEDULED: 'blue', CANCELLED: 'red' };

/** The colour of a course or session status badge. */
export function statusColor(status: string): string {
  return statusColors[status] ?? 'gray';
}
