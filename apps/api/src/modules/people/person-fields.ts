// Validation and normalisation of a person's values: every faulty field reported at once, in
// both languages, keyed "category.field" so the form can point at it.
import {
  DISABILITY_CERTIFICATES,
  GENDERS,
  LIVING_SITUATIONS,
  LocalizedText,
  normalizeMunicipalityCode,
  PERSONAL_DATA_CATEGORIES,
  PersonalDataCategory,
  PersonValues,
  SERVICE_CATEGORIES,
} from '@tsunagu/domain';
import { AppError } from '../../core/graphql/app-error';
import type { PersonInput } from './dto/people.input';

const text = (ja: string, en: string): LocalizedText => ({ ja, en });
const kana = /^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\s\u3000ー゛゜]+$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

type Problems = Record<string, LocalizedText>;

/** Input key → storage category. */
export const INPUT_CATEGORIES: ReadonlyArray<[keyof PersonInput, PersonalDataCategory]> = [
  ['identity', 'IDENTITY'],
  ['contact', 'CONTACT'],
  ['household', 'HOUSEHOLD'],
  ['health', 'HEALTH'],
  ['disability', 'DISABILITY'],
  ['financial', 'FINANCIAL'],
  ['legal', 'LEGAL'],
  ['consultation', 'CONSULTATION'],
];

function optionalText(problems: Problems, key: string, value: string | null | undefined, max: number): string | null {
  const trimmed = value?.trim();
  if (!trimmed) return null;
  if (trimmed.length > max) problems[key] = text(`${max}文字以内で入力してください。`, `Keep this within ${max} characters.`);
  return trimmed;
}

function requiredText(problems: Problems, key: string, value: string | undefined, max: number, label: LocalizedText): string {
  const trimmed = (value ?? '').trim();
  if (trimmed.length < 1 || trimmed.length > max) {
    problems[key] = text(`${label.ja}を1〜${max}文字で入力してください。`, `Enter the ${label.en} (1 to ${max} characters).`);
  }
  return trimmed;
}

function oneOf<T extends string>(problems: Problems, key: string, value: T | null | undefined, codes: readonly T[]): T | null {
  if (value === null || value === undefined) return null;
  if (!codes.includes(value)) problems[key] = text('一覧から選んでください。', 'Choose a value from the list.');
  return value;
}

function validBirthDate(value: string, today: Date): boolean {
  if (!isoDate.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1900-01-01' && date <= today;
}

/**
 * Checks the categories present in `input` and returns their normalised values. A category
 * given as null is returned as null (cleared); one left out is not returned at all.
 */
export function validatePersonInput(input: PersonInput, today: Date): Partial<PersonValues> {
  const problems: Problems = {};
  const values: Partial<Record<PersonalDataCategory, unknown>> = {};
  for (const [key, category] of INPUT_CATEGORIES) {
    if (!(key in input) || input[key] === undefined) continue;
    if (input[key] === null) {
      if (category === 'IDENTITY') problems['identity'] = text('氏名は消去できません。', 'The name cannot be cleared.');
      values[category] = null;
    }
  }
  const { identity, contact, household, health, disability, financial, legal, consultation } = input;
  if (identity) {
    const familyNameKana = requiredText(problems, 'identity.familyNameKana', identity.familyNameKana, 50, text('せい（ふりがな）', 'family name in kana'));
    const givenNameKana = requiredText(problems, 'identity.givenNameKana', identity.givenNameKana, 50, text('めい（ふりがな）', 'given name in kana'));
    if (familyNameKana && !kana.test(familyNameKana)) problems['identity.familyNameKana'] = text('ふりがなは、ひらがなかカタカナで入力してください。', 'Write the kana in hiragana or katakana.');
    if (givenNameKana && !kana.test(givenNameKana)) problems['identity.givenNameKana'] = text('ふりがなは、ひらがなかカタカナで入力してください。', 'Write the kana in hiragana or katakana.');
    const birthDate = identity.birthDate?.trim() || null;
    if (birthDate && !validBirthDate(birthDate, today)) {
      problems['identity.birthDate'] = text('生年月日は1900年以降、今日までの日付を「2001-04-01」の形で入力してください。', 'Give the birth date as YYYY-MM-DD, from 1900 up to today.');
    }
    values.IDENTITY = {
      familyName: requiredText(problems, 'identity.familyName', identity.familyName, 50, text('姓', 'family name')),
      givenName: requiredText(problems, 'identity.givenName', identity.givenName, 50, text('名', 'given name')),
      familyNameKana,
      givenNameKana,
      birthDate,
      gender: oneOf(problems, 'identity.gender', identity.gender, GENDERS.codes),
    };
  }
  if (contact) {
    const phone = optionalText(problems, 'contact.phone', contact.phone, 40);
    if (phone && !/^[0-9０-９+()（）\-－ー\s]{6,40}$/.test(phone)) problems['contact.phone'] = text('電話番号は数字とハイフンで入力してください。', 'Write the phone number with digits and hyphens.');
    const email = optionalText(problems, 'contact.email', contact.email, 254);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems['contact.email'] = text('メールアドレスの形式が正しくありません。', 'This is not an email address.');
    const postalCode = optionalText(problems, 'contact.postalCode', contact.postalCode, 8);
    if (postalCode && !/^\d{3}-?\d{4}$/.test(postalCode)) problems['contact.postalCode'] = text('郵便番号は「104-0061」の形で入力してください。', 'Write the postal code as 104-0061.');
    const rawMunicipality = contact.municipalityCode?.trim() || null;
    const municipalityCode = rawMunicipality ? normalizeMunicipalityCode(rawMunicipality) : null;
    if (rawMunicipality && !municipalityCode) problems['contact.municipalityCode'] = text('地方公共団体コード（5桁、例：13102）で入力してください。', 'Give a 5-digit local government code, e.g. 13102.');
    values.CONTACT = {
      phone,
      email,
      postalCode,
      address: optionalText(problems, 'contact.address', contact.address, 300),
      municipalityCode,
      preferredChannel: optionalText(problems, 'contact.preferredChannel', contact.preferredChannel, 100),
      notes: optionalText(problems, 'contact.notes', contact.notes, 2000),
    };
  }
  if (household) {
    const size = household.householdSize ?? null;
    if (size !== null && (!Number.isInteger(size) || size < 1 || size > 30)) problems['household.householdSize'] = text('世帯人数は1〜30で入力してください。', 'Household size must be 1 to 30.');
    values.HOUSEHOLD = {
      livingSituation: oneOf(problems, 'household.livingSituation', household.livingSituation, LIVING_SITUATIONS.codes),
      householdSize: size,
      dependents: optionalText(problems, 'household.dependents', household.dependents, 500),
      notes: optionalText(problems, 'household.notes', household.notes, 2000),
    };
  }
  if (health) {
    values.HEALTH = {
      conditions: optionalText(problems, 'health.conditions', health.conditions, 2000),
      medications: optionalText(problems, 'health.medications', health.medications, 2000),
      medicalInstitution: optionalText(problems, 'health.medicalInstitution', health.medicalInstitution, 300),
      notes: optionalText(problems, 'health.notes', health.notes, 2000),
    };
  }
  if (disability) {
    values.DISABILITY = {
      certificate: oneOf(problems, 'disability.certificate', disability.certificate, DISABILITY_CERTIFICATES.codes),
      grade: optionalText(problems, 'disability.grade', disability.grade, 100),
      notes: optionalText(problems, 'disability.notes', disability.notes, 2000),
    };
  }
  if (financial) {
    values.FINANCIAL = {
      incomeSources: optionalText(problems, 'financial.incomeSources', financial.incomeSources, 500),
      receivesPublicAssistance: financial.receivesPublicAssistance ?? null,
      hasDebt: financial.hasDebt ?? null,
      notes: optionalText(problems, 'financial.notes', financial.notes, 2000),
    };
  }
  if (legal) {
    values.LEGAL = {
      criminalRecord: optionalText(problems, 'legal.criminalRecord', legal.criminalRecord, 2000),
      victimisation: optionalText(problems, 'legal.victimisation', legal.victimisation, 2000),
      protectionOrder: legal.protectionOrder ?? null,
      notes: optionalText(problems, 'legal.notes', legal.notes, 2000),
    };
  }
  if (consultation) {
    const needs = [...new Set(consultation.needs ?? [])];
    if (needs.some((need) => !(SERVICE_CATEGORIES.codes as readonly string[]).includes(need))) {
      problems['consultation.needs'] = text('相談の分野は一覧から選んでください。', 'Choose the needs from the list.');
    }
    values.CONSULTATION = {
      needs,
      summary: optionalText(problems, 'consultation.summary', consultation.summary, 2000),
      notes: optionalText(problems, 'consultation.notes', consultation.notes, 4000),
    };
  }
  if (Object.keys(problems).length > 0) {
    throw new AppError('BAD_USER_INPUT', undefined, { fields: problems });
  }
  return values as Partial<PersonValues>;
}

/** "category.field" names of what differs, for the audit trail and the correction record. */
export function changedFieldNames(before: Partial<PersonValues>, after: Partial<PersonValues>): string[] {
  const names: string[] = [];
  for (const category of PERSONAL_DATA_CATEGORIES.codes) {
    if (!(category in after)) continue;
    const old = (before[category] ?? {}) as Record<string, unknown>;
    const next = (after[category] ?? {}) as Record<string, unknown>;
    for (const field of new Set([...Object.keys(old), ...Object.keys(next)])) {
      if (JSON.stringify(old[field] ?? null) !== JSON.stringify(next[field] ?? null)) {
        names.push(`${category.toLowerCase()}.${field}`);
      }
    }
  }
  return names;
}
