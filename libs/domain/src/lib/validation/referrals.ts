// The referral inputs as the API checks them and the referral forms show them: a new referral or
// draft (ReferralInput), a forward, the text of a life-cycle action, asking for more categories
// and a message. Whether the service, the person and the categories exist and may travel is the
// API's to check against the database and the person's consents.
import { z } from 'zod';
import { SERVICE_CATEGORIES } from '../directory';
import { normalizeMunicipalityCode } from '../identifiers';
import { GENDERS, PERSONAL_DATA_CATEGORIES } from '../people';
import { AGE_BANDS, REFERRAL_TRANSITIONS, REFERRAL_URGENCIES, type ReferralAction } from '../referrals';
import { optionalText, requiredText, say } from './kit';

export const REFERRAL_MESSAGES = {
  serviceId: say('紹介先のサービスを窓口一覧から選んでください。', 'Choose the receiving service from the directory.'),
  reason: say('紹介の理由を1〜2000文字で入力してください。', 'Give the reason for the referral (1 to 2,000 characters).'),
  notes: say('メモは4000文字以内にしてください。', 'Keep the notes within 4,000 characters.'),
  needs: say('相談の分野は一覧から選んでください。', 'Choose the needs from the list.'),
  personOrCase: say('当事者か匿名のケースか、どちらか一方を選んでください。', 'Choose a person or an anonymous case, not both.'),
  noCase: say('当事者を選ぶか、匿名のケースとして年代を入力してください。', 'Choose a person, or describe an anonymous case.'),
  ageBand: say('年代を選んでください。', 'Choose an age band.'),
  gender: say('一覧から選んでください。', 'Choose from the list.'),
  municipalityCode: say('地方公共団体コード（5桁）で入力してください。', 'Give a 5-digit local government code.'),
  anonymousShares: say('匿名のケースでは個人情報を共有できません。', 'An anonymous case shares no personal data.'),
  actionReason: say('理由を入力してください。', 'Give the reason.'),
  outcome: say('支援の結果を入力してください。', 'Describe the outcome of the support.'),
  actionText: say('4000文字以内にしてください。', 'Keep it within 4,000 characters.'),
  newCategories: say('まだ共有されていない項目を選んでください。', 'Choose categories this referral does not share yet.'),
  categoriesReason: say('必要な理由を1〜2000文字で入力してください。', 'Say why you need them (1 to 2,000 characters).'),
  message: say('メッセージを1〜4000文字で入力してください。', 'Write a message of 1 to 4,000 characters.'),
  responseHours: say('1〜720時間で入力してください。', 'Give 1 to 720 hours.'),
  expiryGraceHours: say('1〜2160時間で入力してください。', 'Give 1 to 2,160 hours.'),
} as const;

/** Personal data categories as chosen: known ones only, in the vocabulary's order, each once. */
const categoryCodes = z
  .array(z.string())
  .default([])
  .transform((values) => PERSONAL_DATA_CATEGORIES.codes.filter((code) => values.includes(code)));

/** A case referred without personal data: an age band, and optionally a gender and a municipality. */
export const anonymousCaseSchema = z.object({
  ageBand: z.enum(AGE_BANDS.codes, { message: REFERRAL_MESSAGES.ageBand }),
  gender: z
    .enum(GENDERS.codes, { message: REFERRAL_MESSAGES.gender })
    .nullish()
    .transform((gender) => gender ?? null),
  municipalityCode: z
    .string()
    .nullish()
    .transform((raw, context) => {
      if (!raw?.trim()) return null;
      const code = normalizeMunicipalityCode(raw);
      if (code === null) context.addIssue({ code: 'custom', message: REFERRAL_MESSAGES.municipalityCode });
      return code;
    }),
});

const caseFields = {
  personId: z
    .string()
    .nullish()
    .transform((id) => id || null),
  anonymousCase: anonymousCaseSchema.nullish().transform((anonymous) => anonymous ?? null),
  sharedCategories: categoryCodes,
};

/** Either a person or an anonymous case, and an anonymous case shares nothing. */
function checkCase(input: { personId: string | null; anonymousCase: unknown; sharedCategories: readonly string[] }, context: z.RefinementCtx) {
  if (input.personId && input.anonymousCase) {
    context.addIssue({ code: 'custom', path: ['personId'], message: REFERRAL_MESSAGES.personOrCase });
  } else if (!input.personId && !input.anonymousCase) {
    context.addIssue({ code: 'custom', path: ['personId'], message: REFERRAL_MESSAGES.noCase });
  } else if (input.anonymousCase && input.sharedCategories.length > 0) {
    context.addIssue({ code: 'custom', path: ['sharedCategories'], message: REFERRAL_MESSAGES.anonymousShares });
  }
}

/** Who a referral is about (the wizard's first step checks this part on its own). */
export const referralCaseSchema = z.object(caseFields).superRefine(checkCase);

/** A new referral or a draft's new content (ReferralInput). */
export const referralInputSchema = z
  .object({
    serviceId: z.string().trim().min(1, REFERRAL_MESSAGES.serviceId),
    ...caseFields,
    needs: z
      .array(z.enum(SERVICE_CATEGORIES.codes, { message: REFERRAL_MESSAGES.needs }))
      .default([])
      .transform((needs) => [...new Set(needs)]),
    urgency: z.enum(REFERRAL_URGENCIES.codes).default('NORMAL'),
    reason: requiredText(1, 2000, REFERRAL_MESSAGES.reason),
    notes: optionalText(4000, REFERRAL_MESSAGES.notes),
  })
  .superRefine(checkCase);

export type CheckedReferralInput = z.output<typeof referralInputSchema>;

/**
 * The text given with a life-cycle action (`text`): the reason a decline or a close needs, the
 * outcome a completion needs, a note otherwise; trimmed, null when blank, at most 4,000 characters.
 */
export function referralActionTextSchema(action: ReferralAction) {
  const requires = REFERRAL_TRANSITIONS[action].requires;
  const text = optionalText(4000, REFERRAL_MESSAGES.actionText);
  if (requires === null) return z.object({ text });
  const missing = requires === 'OUTCOME' ? REFERRAL_MESSAGES.outcome : REFERRAL_MESSAGES.actionReason;
  return z.object({ text: text.refine((value) => value !== null, missing).transform((value) => value as string) });
}

/** Forwarding a referral to a third organisation's service (ForwardReferralInput). */
export const forwardReferralSchema = z.object({
  serviceId: z.string().trim().min(1, REFERRAL_MESSAGES.serviceId),
  reason: z.string().trim().min(1, REFERRAL_MESSAGES.actionReason),
  urgency: z
    .enum(REFERRAL_URGENCIES.codes)
    .nullish()
    .transform((urgency) => urgency ?? null),
  sharedCategories: categoryCodes,
  forwardOriginalText: z.boolean().default(false),
});

/** The receiver asks the sender for more categories, saying why. */
export const categoryRequestSchema = z.object({
  categories: categoryCodes.refine((codes) => codes.length > 0, REFERRAL_MESSAGES.newCategories),
  reason: requiredText(1, 2000, REFERRAL_MESSAGES.categoriesReason),
});

/** The sender shares more categories. */
export const categoryShareSchema = categoryRequestSchema.pick({ categories: true });

/** A message between the two organisations on a referral. */
export const referralMessageSchema = z.object({ body: requiredText(1, 4000, REFERRAL_MESSAGES.message) });

/** The longest time to answer a referral (30 days) and to wait before an unanswered one expires (90 days), in hours. */
export const MAX_RESPONSE_HOURS = 720;
export const MAX_EXPIRY_GRACE_HOURS = 2160;

function wholeHours(max: number, message: string) {
  return z.number({ message }).int(message).min(1, message).max(max, message);
}

/** The network's referral deadlines (ReferralDeadlinesInput): hours to answer per urgency, and the grace before expiry. */
export const referralDeadlinesSchema = z.object({
  urgentHours: wholeHours(MAX_RESPONSE_HOURS, REFERRAL_MESSAGES.responseHours),
  highHours: wholeHours(MAX_RESPONSE_HOURS, REFERRAL_MESSAGES.responseHours),
  normalHours: wholeHours(MAX_RESPONSE_HOURS, REFERRAL_MESSAGES.responseHours),
  expiryGraceHours: wholeHours(MAX_EXPIRY_GRACE_HOURS, REFERRAL_MESSAGES.expiryGraceHours),
});
