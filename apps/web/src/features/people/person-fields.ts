// The fields of a person's record as the registration and correction forms edit them: one
// spec per field (kind, vocabulary), form values as strings, and the PersonInput they make.
import {
  DISABILITY_CERTIFICATES,
  GENDERS,
  LIVING_SITUATIONS,
  type PersonalDataCategory,
} from '@tsunagu/domain';
import type { PersonDetailFragment, PersonInput } from '@tsunagu/graphql-client';

export type SectionName =
  | 'identity'
  | 'contact'
  | 'household'
  | 'financial'
  | 'consultation'
  | 'health'
  | 'disability'
  | 'legal';

export interface FieldSpec {
  name: string;
  kind: 'text' | 'textarea' | 'date' | 'select' | 'number' | 'boolean' | 'needs';
  options?: readonly string[];
  required?: boolean;
}

export interface SectionSpec {
  name: SectionName;
  category: PersonalDataCategory;
  fields: readonly FieldSpec[];
}

export const ordinarySections: readonly SectionSpec[] = [
  {
    name: 'identity',
    category: 'IDENTITY',
    fields: [
      { name: 'familyName', kind: 'text', required: true },
      { name: 'givenName', kind: 'text', required: true },
      { name: 'familyNameKana', kind: 'text', required: true },
      { name: 'givenNameKana', kind: 'text', required: true },
      { name: 'birthDate', kind: 'date' },
      { name: 'gender', kind: 'select', options: GENDERS.codes },
    ],
  },
  {
    name: 'contact',
    category: 'CONTACT',
    fields: [
      { name: 'phone', kind: 'text' },
      { name: 'email', kind: 'text' },
      { name: 'postalCode', kind: 'text' },
      { name: 'address', kind: 'text' },
      { name: 'municipalityCode', kind: 'text' },
      { name: 'preferredChannel', kind: 'text' },
      { name: 'notes', kind: 'textarea' },
    ],
  },
  {
    name: 'household',
    category: 'HOUSEHOLD',
    fields: [
      { name: 'livingSituation', kind: 'select', options: LIVING_SITUATIONS.codes },
      { name: 'householdSize', kind: 'number' },
      { name: 'dependents', kind: 'text' },
      { name: 'notes', kind: 'textarea' },
    ],
  },
  {
    // Ordinary (not special-care) data: 生活保護 and debts are yes / no / unknown (blank).
    name: 'financial',
    category: 'FINANCIAL',
    fields: [
      { name: 'incomeSources', kind: 'text' },
      { name: 'receivesPublicAssistance', kind: 'boolean' },
      { name: 'hasDebt', kind: 'boolean' },
      { name: 'notes', kind: 'textarea' },
    ],
  },
  {
    name: 'consultation',
    category: 'CONSULTATION',
    fields: [
      { name: 'needs', kind: 'needs' },
      { name: 'summary', kind: 'textarea' },
      { name: 'notes', kind: 'textarea' },
    ],
  },
];

export const specialCareSections: readonly SectionSpec[] = [
  {
    name: 'health',
    category: 'HEALTH',
    fields: [
      { name: 'conditions', kind: 'textarea' },
      { name: 'medications', kind: 'text' },
      { name: 'medicalInstitution', kind: 'text' },
      { name: 'notes', kind: 'textarea' },
    ],
  },
  {
    name: 'disability',
    category: 'DISABILITY',
    fields: [
      { name: 'certificate', kind: 'select', options: DISABILITY_CERTIFICATES.codes },
      { name: 'grade', kind: 'text' },
      { name: 'notes', kind: 'textarea' },
    ],
  },
  {
    name: 'legal',
    category: 'LEGAL',
    fields: [
      { name: 'criminalRecord', kind: 'textarea' },
      { name: 'victimisation', kind: 'textarea' },
      { name: 'protectionOrder', kind: 'boolean' },
      { name: 'notes', kind: 'textarea' },
    ],
  },
];

/**
 * Every value as a string ('' = empty; booleans 'true' / 'false'), by section, so that a
 * field's path in the form ("identity.familyName") is the key its problem is reported under;
 * needs as a list.
 */
export type PersonFormValues = Record<SectionName, Record<string, string>> & { needs: string[] };

const allSections = [...ordinarySections, ...specialCareSections];

export function blankPerson(): PersonFormValues {
  const values = { needs: [] as string[] } as PersonFormValues;
  for (const section of allSections) {
    values[section.name] = Object.fromEntries(section.fields.filter((field) => field.kind !== 'needs').map((field) => [field.name, '']));
  }
  return values;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/** Form values of a person as read (withheld sections stay blank). */
export function valuesOfPerson(person: PersonDetailFragment): PersonFormValues {
  const values = blankPerson();
  for (const section of allSections) {
    const stored = person[section.name].values as Record<string, unknown> | null | undefined;
    if (!stored) continue;
    for (const field of section.fields) {
      if (field.kind !== 'needs') values[section.name][field.name] = asText(stored[field.name]);
    }
  }
  values.needs = [...(person.consultation.values?.needs ?? [])];
  return values;
}

function converted(field: FieldSpec, raw: string): string | number | boolean | null {
  const value = raw.trim();
  if (field.required) return value;
  if (value === '') return null;
  if (field.kind === 'number') return Number.isFinite(Number(value)) ? Math.trunc(Number(value)) : null;
  if (field.kind === 'boolean') return value === 'true';
  return value;
}

function sectionInput(section: SectionSpec, values: PersonFormValues): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const field of section.fields) {
    input[field.name] = field.kind === 'needs' ? values.needs : converted(field, values[section.name][field.name]);
  }
  return input;
}

function isBlank(section: SectionSpec, values: PersonFormValues): boolean {
  return section.fields.every((field) => (field.kind === 'needs' ? values.needs.length === 0 : values[section.name][field.name].trim() === ''));
}

/**
 * The API input for the shown sections. Registering leaves blank sections out; a correction
 * sends every shown section (a blank one clears what was stored).
 */
export function inputOf(values: PersonFormValues, sections: readonly SectionSpec[], mode: 'create' | 'correct'): PersonInput {
  const input: Record<string, unknown> = {};
  for (const section of sections) {
    if (section.name === 'identity') input[section.name] = sectionInput(section, values);
    else if (isBlank(section, values)) {
      if (mode === 'correct') input[section.name] = null;
    } else input[section.name] = sectionInput(section, values);
  }
  return input as PersonInput;
}
