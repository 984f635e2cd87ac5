// The one way an input is checked, shared by the API and the web forms: a zod schema per input
// in libs/domain. A schema's messages carry both languages at once (`say(ja, en)`), so the API
// answers BAD_USER_INPUT with the same words a form shows before anything is sent, and the
// field names are the same on both sides (the top-level input field, as the API has always
// reported them).
import { z } from 'zod';
import type { Language, LocalizedText } from '../error-codes';
import { isCalendarDate } from '../japan-time';
import { withTextLimit } from './text-limits';

// A character no one types into a message: it joins the two languages inside zod's one
// message string and is split again when the message is read.
const LANGUAGE_SEPARATOR = '\u241E';

/** What a person reads when a value is not even of the expected kind (a form never sends one). */
export const MALFORMED_VALUE: LocalizedText = {
  ja: '値の形式が正しくありません。',
  en: 'This value is not in the expected form.',
};

/** A message in both languages, as a zod message (`z.string().min(1, say('…', '…'))`). */
export function say(ja: string, en: string): string {
  return `${ja}${LANGUAGE_SEPARATOR}${en}`;
}

/** Reads a message written with `say`; zod's own (English-only) messages become MALFORMED_VALUE. */
export function localizedMessage(message: string): LocalizedText {
  const at = message.indexOf(LANGUAGE_SEPARATOR);
  if (at < 0) return MALFORMED_VALUE;
  return { ja: message.slice(0, at), en: message.slice(at + LANGUAGE_SEPARATOR.length) };
}

/** Each faulty input field with its message: the first problem found for that field. */
export type FieldProblems = Readonly<Record<string, LocalizedText>>;

/**
 * Reports a problem of one item of a list under the item's own key (`questions.0.prompt`), as
 * inputs whose items are checked one by one have always named them; a form shows it on that
 * item's input (@mantine/form keys its errors by the same dotted path).
 */
export function itemProblem(context: z.RefinementCtx, key: string, message: string): void {
  context.addIssue({ code: 'custom', message, params: { key } });
}

/** The key a problem is reported under: an item's own key, else the top-level field (the input as a whole is `input`). */
function problemKey(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom' && typeof issue.params?.['key'] === 'string') return issue.params['key'];
  return issue.path.length > 0 ? String(issue.path[0]) : 'input';
}

/** Problems keyed by the top-level field, or by an item's own key (see itemProblem). */
export function fieldProblems(error: z.ZodError): FieldProblems {
  const problems: Record<string, LocalizedText> = {};
  for (const issue of error.issues) problems[problemKey(issue)] ??= localizedMessage(issue.message);
  return problems;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: FieldProblems };

/** Checks and normalises an input (trimmed, de-duplicated, … as the schema says), reporting every faulty field at once. */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown): Checked<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: fieldProblems(result.error) };
}

/** Every faulty field of an input with its message; none (`{}`) when the input is valid. */
export function inputProblems(schema: z.ZodType, input: unknown): FieldProblems {
  const checked = checkInput(schema, input);
  return checked.ok ? {} : checked.problems;
}

/** The problems in one language, as a form shows them next to its inputs. */
export function problemsIn(problems: FieldProblems, language: Language): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([field, text]) => [field, text[language]]));
}

/** An optional text input: blank or only spaces means "none" (null), anything else is trimmed. */
export function optionalText(max: number, tooLong: string) {
  return withTextLimit(z.string(), max)
    .nullish()
    .transform((value) => {
      const trimmed = value?.trim();
      return trimmed ? trimmed : null;
    })
    .refine((value) => value === null || value.length <= max, tooLong);
}

/** A value that may be left out: what was given, or `fallback` when it is null or missing. */
export function orDefault<S extends z.ZodType, F>(schema: S, fallback: F) {
  return schema.nullish().transform((value): NonNullable<z.output<S>> | F => value ?? fallback);
}

/**
 * An optional whole number from min to max (null when left out). A refinement rather than zod's
 * number checks: a failed int() stops the cross-field rules, and every faulty field is to be
 * named at once.
 */
export function optionalWholeNumber(min: number, max: number, message: string) {
  return orDefault(z.number(message), null).refine((value) => value === null || (Number.isInteger(value) && value >= min && value <= max), message);
}

/** A required text input, trimmed, between min and max characters. */
export function requiredText(min: number, max: number, wrongLength: string) {
  return z.string().trim().min(min, wrongLength).max(max, wrongLength);
}

/** A date as the forms and the API exchange it: YYYY-MM-DD, a real calendar day. */
export function isoDate(invalid: string) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, invalid)
    .refine((value) => isCalendarDate(value), invalid);
}

/** A UUID, as every id argument is: anything else cannot name a row. */
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, say('IDの形式が正しくありません。', 'This id is not valid.'));
