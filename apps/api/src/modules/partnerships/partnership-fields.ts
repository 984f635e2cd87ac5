// Validation of partnership, contact, interaction and follow-up input: every faulty field is
// reported at once, in Japanese and English, under the reason INVALID_PARTNERSHIP or
// INVALID_INTERACTION (the database's CHECKs are the last line, never the message a person reads).
import { CONTACT_SIDES, ContactSide, INTERACTION_KINDS, LocalizedText, PARTNERSHIP_TYPES } from '@tsunagu/domain';
import { AppError } from '../../core/graphql/app-error';
import type { InteractionInput, PartnershipInput } from './dto/partnerships.input';

const text = (ja: string, en: string): LocalizedText => ({ ja, en });

export const MAX_CONTACTS = 20;
export const MAX_FOLLOW_UPS = 20;
/** The largest budget the schema takes (one trillion yen). */
export const MAX_BUDGET_YEN = 1_000_000_000_000;

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const PHONE = /^[0-9+()\- ]{6,20}$/;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today's date in Japan (UTC+9, no daylight saving), YYYY-MM-DD. */
export function japanDate(at: Date): string {
  return new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function trimmedOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const DATE_PROBLEM = text('日付は「2026-04-01」の形の実在する日付で入力してください。', 'Give a real date as YYYY-MM-DD.');

export interface ContactFields {
  readonly side: ContactSide;
  readonly name: string;
  readonly jobTitle: string | null;
  readonly email: string | null;
  readonly phone: string | null;
}

export interface PartnershipFields {
  readonly partnerOrganizationId: string;
  readonly type: PartnershipInput['type'];
  readonly title: string;
  readonly description: string;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly reviewOn: string | null;
  readonly budgetYen: number | null;
  /** Null: keep the stored contacts. */
  readonly contacts: ContactFields[] | null;
}

function invalid(reason: string, problems: Record<string, LocalizedText>): AppError {
  return new AppError('BAD_USER_INPUT', text('入力内容を確認してください。', 'Please check the highlighted fields.'), { reason, fields: problems });
}

/** Normalised fields, or BAD_USER_INPUT (reason INVALID_PARTNERSHIP) naming every faulty field. */
export function validatePartnershipFields(input: PartnershipInput): PartnershipFields {
  const problems: Record<string, LocalizedText> = {};
  if (!PARTNERSHIP_TYPES.codes.includes(input.type)) problems['type'] = text('連携の種類が正しくありません。', 'Unknown partnership type.');
  const title = input.title.trim();
  if (title.length < 1 || title.length > 200) problems['title'] = text('名称を1〜200文字で入力してください。', 'Enter a title of 1 to 200 characters.');
  const description = (input.description ?? '').trim();
  if (description.length > 4000) problems['description'] = text('内容は4000文字以内にしてください。', 'Keep the description within 4,000 characters.');

  const startsOn = trimmedOrNull(input.startsOn);
  const endsOn = trimmedOrNull(input.endsOn);
  const reviewOn = trimmedOrNull(input.reviewOn);
  if (startsOn !== null && !isCalendarDate(startsOn)) problems['startsOn'] = DATE_PROBLEM;
  if (endsOn !== null && !isCalendarDate(endsOn)) problems['endsOn'] = DATE_PROBLEM;
  else if (startsOn !== null && endsOn !== null && isCalendarDate(startsOn) && startsOn > endsOn) {
    problems['endsOn'] = text('終了日は開始日以降にしてください。', 'The end date must not be before the start date.');
  }
  if (reviewOn !== null && !isCalendarDate(reviewOn)) problems['reviewOn'] = DATE_PROBLEM;

  const budgetYen = input.budgetYen ?? null;
  if (budgetYen !== null && !(Number.isInteger(budgetYen) && budgetYen >= 0 && budgetYen <= MAX_BUDGET_YEN)) {
    problems['budgetYen'] = text('予算額は0以上の整数（円）で入力してください（1兆円まで）。', 'Give the budget as whole yen, 0 or more (at most one trillion).');
  }

  let contacts: ContactFields[] | null = null;
  if (input.contacts) {
    if (input.contacts.length > MAX_CONTACTS) {
      problems['contacts'] = text(`担当者は${MAX_CONTACTS}人までです。`, `At most ${MAX_CONTACTS} contacts.`);
    } else {
      contacts = input.contacts.map((contact, index) => {
        const at = `contacts.${index}`;
        if (!CONTACT_SIDES.codes.includes(contact.side)) problems[`${at}.side`] = text('担当者の所属（自治体側・連携先）が正しくありません。', 'Unknown contact side.');
        const name = contact.name.trim();
        if (name.length < 1 || name.length > 100) problems[`${at}.name`] = text('担当者の氏名を1〜100文字で入力してください。', "Enter the contact's name (1 to 100 characters).");
        const jobTitle = trimmedOrNull(contact.jobTitle);
        if (jobTitle !== null && jobTitle.length > 100) problems[`${at}.jobTitle`] = text('役職は100文字以内にしてください。', 'Keep the job title within 100 characters.');
        const email = trimmedOrNull(contact.email);
        if (email !== null && (!EMAIL.test(email) || email.length > 254)) {
          problems[`${at}.email`] = text('メールアドレスの形が正しくありません（例：tanaka@example.jp）。', 'Not an e-mail address (e.g. tanaka@example.jp).');
        }
        const phone = trimmedOrNull(contact.phone);
        if (phone !== null && !PHONE.test(phone)) {
          problems[`${at}.phone`] = text('電話番号は数字と「-」「+」「()」で6〜20文字にしてください（例：03-1234-5678）。', 'Give a phone number of 6 to 20 digits, spaces and - + ( ) (e.g. 03-1234-5678).');
        }
        return { side: contact.side, name, jobTitle, email, phone };
      });
    }
  }

  if (Object.keys(problems).length) throw invalid('INVALID_PARTNERSHIP', problems);
  return {
    partnerOrganizationId: input.partnerOrganizationId,
    type: input.type,
    title,
    description,
    startsOn,
    endsOn,
    reviewOn,
    budgetYen,
    contacts,
  };
}

export interface FollowUpFields {
  readonly id: string | null;
  readonly description: string;
  readonly dueOn: string;
  readonly assigneeMembershipId: string | null;
}

export interface InteractionFields {
  readonly kind: InteractionInput['kind'];
  readonly occurredOn: string;
  readonly attendees: string;
  readonly notes: string;
  /** Null: keep the stored follow-ups (on update). */
  readonly followUps: FollowUpFields[] | null;
}

/** Normalised fields, or BAD_USER_INPUT (reason INVALID_INTERACTION) naming every faulty field. */
export function validateInteractionFields(input: InteractionInput): InteractionFields {
  const problems: Record<string, LocalizedText> = {};
  if (!INTERACTION_KINDS.codes.includes(input.kind)) problems['kind'] = text('記録の種類が正しくありません。', 'Unknown interaction kind.');
  const occurredOn = input.occurredOn.trim();
  if (!isCalendarDate(occurredOn)) problems['occurredOn'] = DATE_PROBLEM;
  const attendees = (input.attendees ?? '').trim();
  if (attendees.length > 1000) problems['attendees'] = text('出席者は1000文字以内にしてください。', 'Keep the attendees within 1,000 characters.');
  const notes = (input.notes ?? '').trim();
  if (notes.length > 8000) problems['notes'] = text('内容は8000文字以内にしてください。', 'Keep the notes within 8,000 characters.');
  let followUps: FollowUpFields[] | null = null;
  if (input.followUps) {
    if (input.followUps.length > MAX_FOLLOW_UPS) {
      problems['followUps'] = text(`対応事項は${MAX_FOLLOW_UPS}件までです。`, `At most ${MAX_FOLLOW_UPS} follow-ups.`);
    } else {
      followUps = input.followUps.map((followUp, index) => {
        const at = `followUps.${index}`;
        const description = followUp.description.trim();
        if (description.length < 1 || description.length > 1000) {
          problems[`${at}.description`] = text('対応事項を1〜1000文字で入力してください。', 'Describe the follow-up in 1 to 1,000 characters.');
        }
        const dueOn = followUp.dueOn.trim();
        if (!isCalendarDate(dueOn)) problems[`${at}.dueOn`] = DATE_PROBLEM;
        return { id: trimmedOrNull(followUp.id), description, dueOn, assigneeMembershipId: trimmedOrNull(followUp.assigneeMembershipId) };
      });
    }
  }
  if (Object.keys(problems).length) throw invalid('INVALID_INTERACTION', problems);
  return { kind: input.kind, occurredOn, attendees, notes, followUps };
}
