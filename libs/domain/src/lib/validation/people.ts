// A person's values (PersonInput), as the API checks them and the registration and correction
// forms show them. Each category is an object of its own; a problem is reported under
// "category.field" (e.g. "identity.familyName"), the key the forms have always pointed at.
// A category given as null is cleared (the name cannot be); one left out is not touched.
import { z } from 'zod';
import { SERVICE_CATEGORIES } from '../directory';
import { normalizeMunicipalityCode } from '../identifiers';
import { DISABILITY_CERTIFICATES, GENDERS, LIVING_SITUATIONS, type PersonalDataCategory, type PersonValues } from '../people';
import { numericTextOrNull, trimmedOrNull } from '../text';
import { say } from './kit';
import { withFields, withTextLimit } from './text-limits';

export const PERSON_MESSAGES = {
  tooLong: (max: number) => say(`${max}文字以内で入力してください。`, `Keep this within ${max} characters.`),
  required: (max: number, ja: string, en: string) => say(`${ja}を1〜${max}文字で入力してください。`, `Enter the ${en} (1 to ${max} characters).`),
  choose: say('一覧から選んでください。', 'Choose a value from the list.'),
  kana: say('ふりがなは、ひらがなかカタカナで入力してください。', 'Write the kana in hiragana or katakana.'),
  birthDate: say('生年月日は1900年以降、今日までの日付を「2001-04-01」の形で入力してください。', 'Give the birth date as YYYY-MM-DD, from 1900 up to today.'),
  phone: say('電話番号は数字とハイフンで入力してください。', 'Write the phone number with digits and hyphens.'),
  email: say('メールアドレスの形式が正しくありません。', 'This is not an email address.'),
  postalCode: say('郵便番号は「104-0061」の形で入力してください。', 'Write the postal code as 104-0061.'),
  municipalityCode: say('地方公共団体コード（5桁、例：13102）で入力してください。', 'Give a 5-digit local government code, e.g. 13102.'),
  householdSize: say('世帯人数は1〜30で入力してください。', 'Household size must be 1 to 30.'),
  needs: say('相談の分野は一覧から選んでください。', 'Choose the needs from the list.'),
  nameCannotBeCleared: say('氏名は消去できません。', 'The name cannot be cleared.'),
  correctionReason: say('訂正の理由を1〜1000文字で入力してください。', 'Give the reason for the correction (1 to 1,000 characters).'),
} as const;

const KANA = /^[\u3041-\u3096\u30a1-\u30fa\u30fc\u30fb\s\u3000ー゛゜]+$/;

/**
 * Optional free text: blank is null, and a pattern (when given) is checked before the length, as
 * its message says more. A numeric text (postcode, phone) is taken with full-width digits and
 * dashes as typed with an IME, and stored in ASCII.
 */
function text(max: number, pattern?: { test: (value: string) => boolean; message: string; numeric?: boolean }) {
  return withTextLimit(z.string(), max)
    .nullish()
    .transform(pattern?.numeric ? numericTextOrNull : trimmedOrNull)
    .refine((value) => value === null || !pattern || pattern.test(value), pattern?.message)
    .refine((value) => value === null || value.length <= max, PERSON_MESSAGES.tooLong(max));
}

function required(max: number, ja: string, en: string, kana = false) {
  const message = PERSON_MESSAGES.required(max, ja, en);
  return withTextLimit(z.string(), max)
    .nullish()
    .transform((value) => (value ?? '').trim())
    .refine((value) => !kana || value === '' || KANA.test(value), PERSON_MESSAGES.kana)
    .refine((value) => value.length >= 1 && value.length <= max, message);
}

function oneOf<C extends string>(codes: readonly C[]) {
  return z
    .string()
    .nullish()
    .transform((value) => value ?? null)
    .refine((value) => value === null || (codes as readonly string[]).includes(value), PERSON_MESSAGES.choose)
    .transform((value) => value as C | null);
}

const flag = z.boolean().nullish().transform((value) => value ?? null);

function birthDate(today: Date) {
  return z
    .string()
    .nullish()
    .transform(trimmedOrNull)
    .refine((value) => {
      if (value === null) return true;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && value >= '1900-01-01' && date <= today;
    }, PERSON_MESSAGES.birthDate);
}

/** Each category's fields, by its input key, with the category it is stored as. */
function categories(today: Date) {
  return {
    identity: {
      category: 'IDENTITY',
      schema: z.object({
        familyName: required(50, '姓', 'family name'),
        givenName: required(50, '名', 'given name'),
        familyNameKana: required(50, 'せい（ふりがな）', 'family name in kana', true),
        givenNameKana: required(50, 'めい（ふりがな）', 'given name in kana', true),
        birthDate: birthDate(today),
        gender: oneOf(GENDERS.codes),
      }),
    },
    contact: {
      category: 'CONTACT',
      schema: z.object({
        phone: text(40, { test: (value) => /^[0-9+()\-\s]{6,40}$/.test(value), message: PERSON_MESSAGES.phone, numeric: true }),
        email: text(254, { test: (value) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), message: PERSON_MESSAGES.email }),
        postalCode: text(8, { test: (value) => /^\d{3}-?\d{4}$/.test(value), message: PERSON_MESSAGES.postalCode, numeric: true }),
        address: text(300),
        municipalityCode: z
          .string()
          .nullish()
          .transform(trimmedOrNull)
          .refine((value) => value === null || normalizeMunicipalityCode(value) !== null, PERSON_MESSAGES.municipalityCode)
          .transform((value) => (value === null ? null : normalizeMunicipalityCode(value))),
        preferredChannel: text(100),
        notes: text(2000),
      }),
    },
    household: {
      category: 'HOUSEHOLD',
      schema: z.object({
        livingSituation: oneOf(LIVING_SITUATIONS.codes),
        householdSize: z
          .number()
          .nullish()
          .transform((value) => value ?? null)
          .refine((value) => value === null || (Number.isInteger(value) && value >= 1 && value <= 30), PERSON_MESSAGES.householdSize),
        dependents: text(500),
        notes: text(2000),
      }),
    },
    health: {
      category: 'HEALTH',
      schema: z.object({ conditions: text(2000), medications: text(2000), medicalInstitution: text(300), notes: text(2000) }),
    },
    disability: {
      category: 'DISABILITY',
      schema: z.object({ certificate: oneOf(DISABILITY_CERTIFICATES.codes), grade: text(100), notes: text(2000) }),
    },
    financial: {
      category: 'FINANCIAL',
      schema: z.object({ incomeSources: text(500), receivesPublicAssistance: flag, hasDebt: flag, notes: text(2000) }),
    },
    legal: {
      category: 'LEGAL',
      schema: z.object({ criminalRecord: text(2000), victimisation: text(2000), protectionOrder: flag, notes: text(2000) }),
    },
    consultation: {
      category: 'CONSULTATION',
      schema: z.object({
        needs: z
          .array(z.string())
          .nullish()
          .transform((needs) => [...new Set(needs ?? [])])
          .refine((needs) => needs.every((need) => (SERVICE_CATEGORIES.codes as readonly string[]).includes(need)), PERSON_MESSAGES.needs),
        summary: text(2000),
        notes: text(4000),
      }),
    },
  } as const satisfies Record<string, { category: PersonalDataCategory; schema: z.ZodType }>;
}

export type PersonInputKey = keyof ReturnType<typeof categories>;

/** What each recorded reason is called when it is missing or too long, as the API says it. */
export const REASON_MESSAGES = {
  correction: PERSON_MESSAGES.correctionReason,
  revocation: say('撤回の理由を1〜1000文字で入力してください。', 'Give the reason for the revocation (1 to 1,000 characters).'),
  ceaseUse: say('理由を1〜1000文字で入力してください。', 'Give the reason (1 to 1,000 characters).'),
} as const;

/** A reason recorded with an action on a person's data: 1 to 1,000 characters, trimmed. */
export function reasonText(kind: keyof typeof REASON_MESSAGES) {
  return z.string().trim().min(1, REASON_MESSAGES[kind]).max(1000, REASON_MESSAGES[kind]);
}

/** The reason a correction (訂正) is recorded with. */
export const correctionReason = reasonText('correction');

/** Stopping the use of a person's data (利用停止): the reason it is recorded with. */
export const ceaseUseSchema = z.object({ reason: reasonText('ceaseUse') });

/**
 * The person schema for a day (a birth date may not be after it): checks the categories present
 * and returns their values by stored category; a category given as null comes back null.
 * `extra` checks fields that travel with the person's values (a correction's reason).
 */
export function personInputSchema<E extends Record<string, z.ZodType>>(today: Date, extra?: E) {
  const byKey = categories(today);
  // Any object: the API hands over its input class, not a plain record.
  const schema = z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value)).transform((input, context) => {
    const values: Partial<Record<PersonalDataCategory, unknown>> = {};
    for (const [key, { category, schema }] of Object.entries(byKey)) {
      const given = input[key];
      if (given === undefined) continue;
      if (given === null) {
        if (category === 'IDENTITY') context.addIssue({ code: 'custom', path: ['identity'], message: PERSON_MESSAGES.nameCannotBeCleared });
        values[category] = null;
        continue;
      }
      const checked = schema.safeParse(given);
      if (checked.success) values[category] = checked.data;
      // Reported under "category.field", the one key the form and the API share.
      else for (const issue of checked.error.issues) context.addIssue({ code: 'custom', path: [[key, ...issue.path.slice(0, 1)].join('.')], message: issue.message });
    }
    const extras: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(extra ?? {})) {
      const checked = schema.safeParse(input[key]);
      if (checked.success) extras[key] = checked.data;
      else context.addIssue({ code: 'custom', path: [key], message: checked.error.issues[0]?.message });
    }
    return { ...values, ...extras } as Partial<PersonValues> & { [K in keyof E]: z.output<E[K]> };
  });
  // The sections and extras by the keys the form names them, so the form can read their limits.
  return withFields(schema, { ...Object.fromEntries(Object.entries(byKey).map(([key, section]) => [key, section.schema])), ...extra });
}

/** Erasing a person's data is confirmed by typing their pseudonym. */
export function erasureConfirmationSchema(pseudonym: string) {
  return z.object({
    confirmPseudonym: z
      .string()
      .trim()
      .refine((typed) => typed === pseudonym, say('仮名IDが一致しません。', 'The pseudonymous id does not match.')),
  });
}
