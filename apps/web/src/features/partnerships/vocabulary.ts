// The partnerships' vocabularies (libs/domain) in the UI language, and how amounts and dates read.
import { CONTACT_SIDES, INTERACTION_KINDS, PARTNERSHIP_STATUSES, PARTNERSHIP_TYPES } from '@tsunagu/domain';
import { useMemo } from 'react';
import { useVocabularyLabels, type Option } from '../../app/labels';

export interface PartnershipLabels {
  type: (code: string) => string;
  status: (code: string) => string;
  interactionKind: (code: string) => string;
  contactSide: (code: string) => string;
  typeOptions: Option[];
  statusOptions: Option[];
  interactionKindOptions: Option[];
}

export function usePartnershipLabels(): PartnershipLabels {
  const { of, options } = useVocabularyLabels();
  return useMemo(
    () => ({
      type: of(PARTNERSHIP_TYPES),
      status: of(PARTNERSHIP_STATUSES),
      interactionKind: of(INTERACTION_KINDS),
      contactSide: of(CONTACT_SIDES),
      typeOptions: options(PARTNERSHIP_TYPES),
      statusOptions: options(PARTNERSHIP_STATUSES),
      interactionKindOptions: options(INTERACTION_KINDS),
    }),
    [of, options],
  );
}

/** Status badge colours: active green, proposed blue, under review orange, ended grey. */
export const statusColor: Record<string, string> = {
  PROPOSED: 'blue',
  ACTIVE: 'green',
  UNDER_REVIEW: 'orange',
  ENDED: 'gray',
};

/** A date "YYYY-MM-DD" as people read it in the UI language (2026年4月1日 / Apr 1, 2026). */
export function formatDay(value: string | null | undefined, language: string): string {
  if (!value) return '';
  const [year, month, day] = value.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'ja-JP', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, day)),
  );
}

export function formatYen(value: number, language: string): string {
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'ja-JP', { style: 'currency', currency: 'JPY' }).format(value);
}
