// What a person is given when they ask for everything held about them (APPI Art. 33, 開示請求):
// a plain data shape, rendered as JSON as it is and as a PDF by disclosure-pdf.ts, plus the
// readable labels and value formatting that both the PDF and the provision-record CSV share.
import {
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  CONSENT_STATES,
  type ConsentMethod,
  type ConsentPurpose,
  type ConsentState,
  DISABILITY_CERTIFICATES,
  GENDERS,
  japanDateTime,
  type Language,
  LIVING_SITUATIONS,
  type LocalizedText,
  type OrganizationKind,
  PERSON_STATUSES,
  PERSONAL_DATA_CATEGORIES,
  PERSONAL_DATA_FIELD_LABELS,
  type PersonalDataCategory,
  type PersonStatus,
  SERVICE_CATEGORIES,
} from '@tsunagu/domain';

export type DisclosureValue = string | number | boolean | string[] | null;

export interface DisclosureDocument {
  generatedAt: string; // ISO 8601 instant
  language: Language;
  person: { pseudonym: string; status: PersonStatus; ownerOrganizationName: string; createdAt: string };
  /** Every category, in PERSONAL_DATA_CATEGORIES order; values null = nothing held. */
  categories: Array<{ category: PersonalDataCategory; values: Record<string, DisclosureValue> | null }>;
  consents: Array<{
    id: string;
    state: ConsentState;
    categories: PersonalDataCategory[];
    purposes: ConsentPurpose[];
    recipientOrganizationNames: string[];
    recipientKinds: string[];
    validFrom: string;
    validUntil: string | null;
    method: ConsentMethod;
    obtainedByName: string;
    obtainedAt: string;
    evidenceNote: string | null;
    revokedAt: string | null;
    revocationReason: string | null;
  }>;
  provisions: Array<{
    providedAt: string;
    providerOrganizationName: string;
    recipientOrganizationName: string;
    categories: PersonalDataCategory[];
    purpose: ConsentPurpose;
    consentId: string | null;
  }>;
  accessLog: Array<{
    accessedAt: string;
    organizationName: string;
    userName: string;
    categories: PersonalDataCategory[];
    purpose: ConsentPurpose | null;
  }>;
  corrections: Array<{ correctedAt: string; byName: string; fields: string[]; reason: string }>;
}

/** Fields whose stored value is a code of one of the domain's vocabularies. */
const CODED_FIELDS: Record<string, Record<string, LocalizedText>> = {
  gender: GENDERS.labels,
  livingSituation: LIVING_SITUATIONS.labels,
  certificate: DISABILITY_CERTIFICATES.labels,
  needs: SERVICE_CATEGORIES.labels,
};

const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, LocalizedText> = {
  NPO: { ja: 'NPO', en: 'NPO' },
  INTERMEDIARY: { ja: '中間支援団体', en: 'Intermediary organisation' },
  MUNICIPALITY: { ja: '自治体', en: 'Municipality' },
  SOCIAL_WELFARE_COUNCIL: { ja: '社会福祉協議会', en: 'Social welfare council' },
  OTHER: { ja: 'その他の団体', en: 'Other organisation' },
};

/** What an empty value shows as, in either language. */
export const EMPTY_MARK = '—';

/** The label of a field; a key the table does not know is shown as it is rather than dropped. */
export function fieldLabel(category: PersonalDataCategory, field: string, language: Language): string {
  const labels: Record<string, LocalizedText> = PERSONAL_DATA_FIELD_LABELS[category];
  return labels[field]?.[language] ?? field;
}

/** Field keys of a category in label-table order, then any stored keys the table lacks. */
export function orderedFields(category: PersonalDataCategory, values: Record<string, DisclosureValue>): string[] {
  const known = Object.keys(PERSONAL_DATA_FIELD_LABELS[category]);
  return [...known, ...Object.keys(values).filter((key) => !known.includes(key))];
}

export function formatFieldValue(field: string, value: DisclosureValue | undefined, language: Language): string {
  if (value === null || value === undefined || value === '') return EMPTY_MARK;
  if (typeof value === 'boolean') return language === 'ja' ? (value ? 'はい' : 'いいえ') : value ? 'Yes' : 'No';
  const vocabulary = CODED_FIELDS[field];
  const label = (code: string) => vocabulary?.[code]?.[language] ?? code;
  if (Array.isArray(value)) return value.length === 0 ? EMPTY_MARK : value.map(label).join(listSeparator(language));
  if (typeof value === 'number') return String(value);
  return label(value);
}

export function listSeparator(language: Language): string {
  return language === 'ja' ? '・' : ', ';
}

export function categoryLabel(category: PersonalDataCategory, language: Language): string {
  return PERSONAL_DATA_CATEGORIES.labels[category]?.[language] ?? category;
}

export function categoryLabels(categories: readonly PersonalDataCategory[], language: Language): string {
  return categories.map((category) => categoryLabel(category, language)).join(listSeparator(language));
}

export function purposeLabel(purpose: ConsentPurpose, language: Language): string {
  return CONSENT_PURPOSES.labels[purpose]?.[language] ?? purpose;
}

export function consentStateLabel(state: ConsentState, language: Language): string {
  return CONSENT_STATES.labels[state]?.[language] ?? state;
}

export function consentMethodLabel(method: ConsentMethod, language: Language): string {
  return CONSENT_METHODS.labels[method]?.[language] ?? method;
}

export function personStatusLabel(status: PersonStatus, language: Language): string {
  return PERSON_STATUSES.labels[status]?.[language] ?? status;
}

export function organizationKindLabel(kind: string, language: Language): string {
  return ORGANIZATION_KIND_LABELS[kind as OrganizationKind]?.[language] ?? kind;
}

/**
 * An instant as Japan reads it: `2026-04-01 09:30` in Asia/Tokyo. Japan keeps no daylight
 * saving, so a fixed +09:00 is exact and needs no ICU time-zone data.
 */
export function tokyoDateTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : japanDateTime(at);
}
