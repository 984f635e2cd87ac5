// The fields of a person's record as the registration and correction forms edit them (and the
// category cards read them): one spec per field (kind, vocabulary), form values as strings, and
// the PersonInput they make. The fields of each category and their order are libs/domain's
// (PERSONAL_DATA_FIELD_LABELS, which the type system keeps equal to the stored values); this
// file only says how each is edited.
import {
  DISABILITY_CERTIFICATES,
  GENDERS,
  LIVING_SITUATIONS,
  normalizeNumericText,
  PERSONAL_DATA_FIELD_LABELS,
  PERSON_SECTION_FIELDS,
  type PersonalDataCategory,
  type PersonSectionField,
} from '@tsunagu/domain';
import type { PersonDetailFragment, PersonInput } from '@tsunagu/graphql-client';
import type { Vocabulary } from '../../app/labels';

/** A section of the form and of PersonInput: the key the API gives the category's section ("identity"). */
export type SectionName = PersonSectionField;

export interface FieldSpec {
  name: string;
  kind: 'text' | 'textarea' | 'date' | 'select' | 'number' | 'boolean' | 'needs' | 'municipality';
  /** The choices of a select. */
  options?: Vocabulary;
  required?: boolean;
}

export interface SectionSpec {
  name: SectionName;
  category: PersonalDataCategory;
  fields: readonly FieldSpec[];
}

type FieldEditor = Omit<FieldSpec, 'name'>;
type FieldName<C extends PersonalDataCategory> = keyof (typeof PERSONAL_DATA_FIELD_LABELS)[C] & string;

const REQUIRED_TEXT: FieldEditor = { kind: 'text', required: true };
const TEXTAREA: FieldEditor = { kind: 'textarea' };
const BOOLEAN: FieldEditor = { kind: 'boolean' };
const selectOf = (options: Vocabulary): FieldEditor => ({ kind: 'select', options });

/** Every field of the category, in the domain's order: an optional one-line text unless `editors` says otherwise. */
function section<C extends PersonalDataCategory>(category: C, editors: Partial<Record<FieldName<C>, FieldEditor>>): SectionSpec {
  const names = Object.keys(PERSONAL_DATA_FIELD_LABELS[category]) as FieldName<C>[];
  return {
    name: PERSON_SECTION_FIELDS[category],
    category,
    fields: names.map((name) => ({ name, ...(editors[name] ?? { kind: 'text' }) })),
  };
}

export const ordinarySections: readonly SectionSpec[] = [
  section('IDENTITY', {
    familyName: REQUIRED_TEXT,
    givenName: REQUIRED_TEXT,
    familyNameKana: REQUIRED_TEXT,
    givenNameKana: REQUIRED_TEXT,
    birthDate: { kind: 'date' },
    gender: selectOf(GENDERS),
  }),
  // The municipality is chosen by name or reading and stored as its local government code.
  section('CONTACT', { municipalityCode: { kind: 'municipality' }, notes: TEXTAREA }),
  section('HOUSEHOLD', { livingSituation: selectOf(LIVING_SITUATIONS), householdSize: { kind: 'number' }, notes: TEXTAREA }),
  // Ordinary (not special-care) data: 生活保護 and debts are yes / no / unknown (blank).
  section('FINANCIAL', { receivesPublicAssistance: BOOLEAN, hasDebt: BOOLEAN, notes: TEXTAREA }),
  section('CONSULTATION', { needs: { kind: 'needs' }, summary: TEXTAREA, notes: TEXTAREA }),
];

export const specialCareSections: readonly SectionSpec[] = [
  section('HEALTH', { conditions: TEXTAREA, notes: TEXTAREA }),
  section('DISABILITY', { certificate: selectOf(DISABILITY_CERTIFICATES), notes: TEXTAREA }),
  section('LEGAL', { criminalRecord: TEXTAREA, victimisation: TEXTAREA, protectionOrder: BOOLEAN, notes: TEXTAREA }),
];

/**
 * Every value as a string ('' = empty; booleans 'true' / 'false'), by section, so that a
 * field's path in the form ("identity.familyName") is the key its problem is reported under;
 * needs as a list.
 */
export type PersonFormValues = Record<SectionName, Record<string, string>> & { needs: string[] };

const allSections = [...ordinarySections, ...specialCareSections];
const sectionsByCategory = Object.fromEntries(allSections.map((section) => [section.category, section])) as Record<PersonalDataCategory, SectionSpec>;

/** The section of a category: its fields, how each is edited and so how its value reads. */
export function sectionOf(category: PersonalDataCategory): SectionSpec {
  return sectionsByCategory[category];
}

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
  if (field.kind === 'number') {
    // Full-width digits as an IME types them count; what is not a number goes to the schema as typed, which says so.
    const number = Number(normalizeNumericText(value));
    return Number.isFinite(number) ? Math.trunc(number) : value;
  }
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
 * The API input for the shown sections. Registering leaves blank sections out; a change (edit or
 * correction) sends every shown section (a blank one clears what was stored).
 */
export function inputOf(values: PersonFormValues, sections: readonly SectionSpec[], mode: 'create' | 'change'): PersonInput {
  const input: Record<string, unknown> = {};
  for (const section of sections) {
    if (section.name === 'identity') input[section.name] = sectionInput(section, values);
    else if (isBlank(section, values)) {
      if (mode === 'change') input[section.name] = null;
    } else input[section.name] = sectionInput(section, values);
  }
  return input as PersonInput;
}
