// The people vocabularies (libs/domain people.ts, people-fields.ts) in the UI language, plus
// the helpers the people pages share: names, a consent's default term in Japan days, and saving
// a DownloadFile the API returned (text or base64) as a file.
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENT_STATES,
  DISABILITY_CERTIFICATES,
  GENDERS,
  japanDate,
  LIVING_SITUATIONS,
  PERSON_STATISTICS_FIELD_LABELS,
  PERSON_STATUSES,
  PERSONAL_DATA_CATEGORIES,
  PERSONAL_DATA_FIELD_LABELS,
  type PersonalDataCategory,
  SPECIAL_CARE_HIDDEN_LABEL,
  STATISTICS_AGE_BANDS,
  WITHHELD_REASONS,
} from '@tsunagu/domain';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../app/files';
import { labelIn, useVocabularyLabels, type LabelTable, type VocabularyLabels } from '../../app/labels';

export interface PeopleLabels {
  language: string;
  /** Select options for a vocabulary, in its order. */
  options: VocabularyLabels['options'];
  category: (code: string) => string;
  purpose: (code: string) => string;
  method: (code: string) => string;
  consentState: (code: string) => string;
  withheldReason: (code: string) => string;
  status: (code: string) => string;
  gender: (code: string) => string;
  livingSituation: (code: string) => string;
  certificate: (code: string) => string;
  field: (category: PersonalDataCategory, field: string) => string;
  ageBand: (code: string) => string;
  statisticsField: (field: keyof typeof PERSON_STATISTICS_FIELD_LABELS) => string;
  /** The one marker shown instead of special-care categories to a role that may not see them. */
  specialCareHidden: string;
  /** Labels or names as one list in the UI language (「、」 in Japanese, ", " in English). */
  list: (values: readonly string[]) => string;
}

/** Label functions for the current UI language. */
export function usePeopleLabels(): PeopleLabels {
  const { t } = useTranslation();
  const { language, of, options } = useVocabularyLabels();
  return useMemo(
    () => ({
      language,
      options,
      category: of(PERSONAL_DATA_CATEGORIES),
      purpose: of(CONSENT_PURPOSES),
      method: of(CONSENT_METHODS),
      consentState: of(CONSENT_STATES),
      withheldReason: of(WITHHELD_REASONS),
      status: of(PERSON_STATUSES),
      gender: of(GENDERS),
      livingSituation: of(LIVING_SITUATIONS),
      certificate: of(DISABILITY_CERTIFICATES),
      field: (category: PersonalDataCategory, field: string) =>
        labelIn(PERSONAL_DATA_FIELD_LABELS[category] as LabelTable, field, language),
      ageBand: of(STATISTICS_AGE_BANDS),
      statisticsField: (field: keyof typeof PERSON_STATISTICS_FIELD_LABELS) => labelIn(PERSON_STATISTICS_FIELD_LABELS, field, language),
      specialCareHidden: language === 'en' ? SPECIAL_CARE_HIDDEN_LABEL.en : SPECIAL_CARE_HIDDEN_LABEL.ja,
      list: (values: readonly string[]) => values.join(t('people.listSeparator')),
    }),
    [language, of, options, t],
  );
}

/** Today (or today + years) in Japan as YYYY-MM-DD. */
export function japanDayYearsAhead(yearsAhead = 0, now: Date = new Date()): string {
  const today = japanDate(now);
  if (yearsAhead === 0) return today;
  return `${Number(today.slice(0, 4)) + yearsAhead}${today.slice(4)}`;
}

export interface DownloadableFile {
  fileName: string;
  mediaType: string;
  content: string;
  base64: boolean;
}

function bytesOfBase64(content: string): Uint8Array<ArrayBuffer> {
  const binary = atob(content);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Saves a file the API returned (text or base64). */
export function saveFile(file: DownloadableFile): void {
  saveBlob(new Blob([file.base64 ? bytesOfBase64(file.content) : file.content], { type: file.mediaType }), file.fileName);
}

/** Reads a chosen file as base64 (without the data: prefix). */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The identity's values when they are disclosed to me, else null. */
function disclosed<V>(identity: { access: string; values?: V | null }): V | null {
  return identity.access === 'DISCLOSED' && identity.values ? identity.values : null;
}

/** The name the list and header show: the identity when disclosed, else nothing. */
export function personName(identity: { access: string; values?: { familyName: string; givenName: string } | null }): string | null {
  const values = disclosed(identity);
  return values ? `${values.familyName} ${values.givenName}` : null;
}

export function personKana(identity: { access: string; values?: { familyNameKana: string; givenNameKana: string } | null }): string | null {
  const values = disclosed(identity);
  return values ? `${values.familyNameKana} ${values.givenNameKana}` : null;
}
