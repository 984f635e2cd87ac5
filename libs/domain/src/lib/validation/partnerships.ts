// A partnership's input (PartnershipInput, with its contacts) and an interaction's
// (InteractionInput, with its follow-ups), as the API checks them and the liaison's forms show them.
import { z } from 'zod';
import { numericTextOrNull } from '../text';
import { CONTACT_SIDES, INTERACTION_KINDS, PARTNERSHIP_TYPES } from '../partnerships';
import { oneOf } from './codes';
import { itemList, itemProblems, parsedItems } from './items';
import { isoDate, optionalText, optionalWholeNumber, requiredText, say } from './kit';
import { blankAsNull, optionalLongText } from './text-fields';

export const MAX_CONTACTS = 20;
export const MAX_FOLLOW_UPS = 20;
/** The largest budget the schema takes (one trillion yen). */
export const MAX_BUDGET_YEN = 1_000_000_000_000;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^[0-9+()\- ]{6,20}$/;

const dateMessage = say('日付は「2026-04-01」の形の実在する日付で入力してください。', 'Give a real date as YYYY-MM-DD.');
const day = z.string().trim().pipe(isoDate(dateMessage));
const optionalDay = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null)
  .pipe(isoDate(dateMessage).nullable());
const isDay = (value: unknown): value is string => isoDate(dateMessage).safeParse(value).success;

export const contactInputSchema = z.object({
  side: oneOf(CONTACT_SIDES.codes, say('担当者の所属（自治体側・連携先）が正しくありません。', 'Unknown contact side.')),
  name: requiredText(1, 100, say('担当者の氏名を1〜100文字で入力してください。', "Enter the contact's name (1 to 100 characters).")),
  jobTitle: optionalText(100, say('役職は100文字以内にしてください。', 'Keep the job title within 100 characters.')),
  email: blankAsNull.refine(
    (email) => email === null || (EMAIL.test(email) && email.length <= 254),
    say('メールアドレスの形が正しくありません（例：tanaka@example.jp）。', 'Not an e-mail address (e.g. tanaka@example.jp).'),
  ),
  // Full-width digits and dashes, as an IME types them, are stored in ASCII.
  phone: z.string().nullish().transform(numericTextOrNull).refine(
    (phone) => phone === null || PHONE.test(phone),
    say('電話番号は数字と「-」「+」「()」で6〜20文字にしてください（例：03-1234-5678）。', 'Give a phone number of 6 to 20 digits, spaces and - + ( ) (e.g. 03-1234-5678).'),
  ),
});
export type ContactFields = z.output<typeof contactInputSchema>;

export const partnershipInputSchema = z
  .object({
    // Both choices are required: an empty one is named together with every other faulty field
    // (an empty form used to flag only the title while the form filled in a type).
    partnerOrganizationId: z
      .string(say('連携先の団体を選んでください。', 'Choose the partner organisation.'))
      .trim()
      .min(1, say('連携先の団体を選んでください。', 'Choose the partner organisation.')),
    type: oneOf(PARTNERSHIP_TYPES.codes, say('連携の種類を一覧から選んでください。', 'Choose a partnership type from the list.')),
    title: requiredText(1, 200, say('名称を1〜200文字で入力してください。', 'Enter a title of 1 to 200 characters.')),
    description: optionalLongText(4000, say('内容は4000文字以内にしてください。', 'Keep the description within 4,000 characters.')),
    startsOn: optionalDay,
    endsOn: optionalDay,
    reviewOn: optionalDay,
    budgetYen: optionalWholeNumber(
      0,
      MAX_BUDGET_YEN,
      say('予算額は0以上の整数（円）で入力してください（1兆円まで）。', 'Give the budget as whole yen, 0 or more (at most one trillion).'),
    ),
    /** Null: keep the stored contacts; a list replaces them. */
    contacts: itemList(MAX_CONTACTS, say(`担当者は${MAX_CONTACTS}人までです。`, `At most ${MAX_CONTACTS} contacts.`), contactInputSchema),
  })
  .superRefine((partnership, context) => {
    if (isDay(partnership.startsOn) && isDay(partnership.endsOn) && partnership.startsOn > partnership.endsOn) {
      context.addIssue({ code: 'custom', path: ['endsOn'], message: say('終了日は開始日以降にしてください。', 'The end date must not be before the start date.') });
    }
    if (Array.isArray(partnership.contacts) && partnership.contacts.length <= MAX_CONTACTS) itemProblems('contacts', partnership.contacts, contactInputSchema, context);
  })
  .transform((partnership) => ({ ...partnership, contacts: parsedItems(partnership.contacts, contactInputSchema) }));
export type PartnershipFields = z.output<typeof partnershipInputSchema>;

export const followUpInputSchema = z.object({
  id: blankAsNull,
  description: requiredText(1, 1000, say('対応事項を1〜1000文字で入力してください。', 'Describe the follow-up in 1 to 1,000 characters.')),
  dueOn: day,
  assigneeMembershipId: blankAsNull,
});
export type FollowUpFields = z.output<typeof followUpInputSchema>;

export const interactionInputSchema = z
  .object({
    kind: oneOf(INTERACTION_KINDS.codes, say('記録の種類が正しくありません。', 'Unknown interaction kind.')),
    occurredOn: day,
    attendees: optionalLongText(1000, say('出席者は1000文字以内にしてください。', 'Keep the attendees within 1,000 characters.')),
    notes: optionalLongText(8000, say('内容は8000文字以内にしてください。', 'Keep the notes within 8,000 characters.')),
    /** Null: keep the stored follow-ups (on update). */
    followUps: itemList(MAX_FOLLOW_UPS, say(`対応事項は${MAX_FOLLOW_UPS}件までです。`, `At most ${MAX_FOLLOW_UPS} follow-ups.`), followUpInputSchema),
  })
  .superRefine((interaction, context) => {
    if (Array.isArray(interaction.followUps) && interaction.followUps.length <= MAX_FOLLOW_UPS) itemProblems('followUps', interaction.followUps, followUpInputSchema, context);
  })
  .transform((interaction) => ({ ...interaction, followUps: parsedItems(interaction.followUps, followUpInputSchema) }));
export type InteractionFields = z.output<typeof interactionInputSchema>;
