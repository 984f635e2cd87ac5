// A grant listing's input (GrantInput), as the API checks it and the editor's form shows it.
// The API sanitises the details' markup before checking, so the length rule counts what is kept.
import { z } from 'zod';
import { APPLICATION_STATUSES, FUNDER_KINDS, GRANT_TYPES, GRANT_VISIBILITIES, LEGAL_FORMS } from '../grants';
import { SERVICE_CATEGORIES } from '../directory';
import { normalizeMunicipalityCode } from '../identifiers';
import { ORGANIZATION_KINDS } from '../roles';
import { distinctCodes, oneOf } from './codes';
import { isoDate, optionalText, optionalWholeNumber, orDefault, requiredText, say } from './kit';
import { optionalMoment } from './moments';

/** The largest yen amount carried exactly by a GraphQL Float (2^53 − 1). */
export const MAX_GRANT_AMOUNT = Number.MAX_SAFE_INTEGER;

const amountMessage = say('金額は0以上の整数（円）で入力してください。', 'Give amounts as whole yen, 0 or more.');
const instantMessage = say('日時が正しくありません。', 'Not a valid date and time.');
const dayMessage = say('日付は YYYY-MM-DD の形で入力してください。', 'Give the date as YYYY-MM-DD.');

const amount = optionalWholeNumber(0, MAX_GRANT_AMOUNT, amountMessage);

const instant = optionalMoment(instantMessage);

const isDay = (value: unknown): value is string => isoDate(dayMessage).safeParse(value).success;

const optionalDay = z
  .string()
  .nullish()
  .transform((value) => value?.trim() || null)
  .pipe(isoDate(dayMessage).nullable());

const rate = orDefault(z.number(), null).refine(
  (value) => value === null || (Number.isFinite(value) && value > 0 && value <= 100 && Math.abs(Math.round(value * 100) - value * 100) <= 1e-6),
  say('補助率は0より大きく100以下（小数第2位まで）で入力してください。', 'Give the subsidy rate as more than 0 and at most 100 (two decimals).'),
);

const regionCodesMessage = say(
  '対象地域は地方公共団体コード（5桁、例：13102、都道府県は13000）で入力してください。',
  'Give regions as 5-digit local government codes, e.g. 13102 (a prefecture: 13000).',
);

export const grantInputSchema = z
  .object({
    title: requiredText(1, 200, say('名称を1〜200文字で入力してください。', 'Enter a title of 1 to 200 characters.')),
    funderName: requiredText(1, 200, say('実施団体（助成元）の名称を1〜200文字で入力してください。', "Enter the funder's name (1 to 200 characters).")),
    funderKind: oneOf(FUNDER_KINDS.codes, say('助成元の種別が正しくありません。', 'Unknown funder kind.')),
    summary: z.string().trim().max(1000, say('概要は1000文字以内にしてください。', 'Keep the summary within 1,000 characters.')),
    detailsHtml: z.string().max(50000, say('詳細は50000文字以内にしてください。', 'Keep the details within 50,000 characters.')),
    grantType: oneOf(GRANT_TYPES.codes, say('種類が正しくありません。', 'Unknown grant type.')),
    amountMin: amount,
    amountMax: amount,
    amountUnlimited: z.boolean(),
    subsidyRatePercent: rate,
    windowOpensAt: instant,
    windowClosesAt: instant,
    projectStartsOn: optionalDay,
    projectEndsOn: optionalDay,
    eligibleKinds: distinctCodes(ORGANIZATION_KINDS, say('対象団体の種別が正しくありません。', 'Unknown organisation kind.')),
    legalForms: distinctCodes(LEGAL_FORMS.codes, say('法人格の値が正しくありません。', 'Unknown legal form.')),
    nationwide: z.boolean(),
    regionCodes: z
      .array(z.string().transform((code) => normalizeMunicipalityCode(code)))
      .refine((codes) => codes.every((code) => code !== null), regionCodesMessage)
      .transform((codes) => [...new Set(codes as string[])]),
    themes: distinctCodes(SERVICE_CATEGORIES.codes, say('分野の値が正しくありません。', 'Unknown theme.')),
    applicationUrl: optionalText(500, say('申請先のURLは http:// または https:// で始まる500文字以内で入力してください。', 'Give an http:// or https:// address of at most 500 characters.')).refine(
      (url) => url === null || /^https?:\/\/[^\s]+$/i.test(url),
      say('申請先のURLは http:// または https:// で始まる500文字以内で入力してください。', 'Give an http:// or https:// address of at most 500 characters.'),
    ),
    contact: optionalText(500, say('問い合わせ先は500文字以内にしてください。', 'Keep the contact within 500 characters.')),
    visibility: oneOf(GRANT_VISIBILITIES.codes, say('公開範囲が正しくありません。', 'Unknown visibility.')),
  })
  // Cross-field rules run even when a field failed (every faulty field is named at once), so
  // they only compare values of the right kind; a field's own problem is reported first.
  .superRefine((grant, context) => {
    const isAmount = (value: unknown): value is number => typeof value === 'number';
    if (grant.amountUnlimited && grant.amountMax !== null && grant.amountMax !== undefined) {
      context.addIssue({ code: 'custom', path: ['amountMax'], message: say('上限なしの場合は上限額を空にしてください。', 'Leave the maximum empty when there is no upper limit.') });
    } else if (isAmount(grant.amountMin) && isAmount(grant.amountMax) && grant.amountMin > grant.amountMax) {
      context.addIssue({ code: 'custom', path: ['amountMax'], message: say('上限額は下限額以上にしてください。', 'The maximum must not be below the minimum.') });
    }
    if (grant.windowOpensAt instanceof Date && grant.windowClosesAt instanceof Date && grant.windowOpensAt.getTime() >= grant.windowClosesAt.getTime()) {
      context.addIssue({ code: 'custom', path: ['windowClosesAt'], message: say('募集の締切は開始より後にしてください。', 'The application window must close after it opens.') });
    }
    if (isDay(grant.projectStartsOn) && isDay(grant.projectEndsOn) && grant.projectStartsOn > grant.projectEndsOn) {
      context.addIssue({ code: 'custom', path: ['projectEndsOn'], message: say('事業期間の終了は開始以降にしてください。', 'The project must not end before it starts.') });
    }
    if (!grant.nationwide && Array.isArray(grant.regionCodes) && grant.regionCodes.length === 0) {
      context.addIssue({ code: 'custom', path: ['regionCodes'], message: say('対象地域を選ぶか、全国を対象にしてください。', 'Choose the regions covered, or mark the grant nationwide.') });
    }
  })
  // No maximum without an upper limit, and no regions for a nationwide grant.
  .transform((grant) => ({
    ...grant,
    amountMax: grant.amountUnlimited ? null : grant.amountMax,
    regionCodes: grant.nationwide ? [] : grant.regionCodes,
  }));

export type GrantFields = z.output<typeof grantInputSchema>;

/** An organisation's application to a grant (GrantApplicationInput): its status, amounts and private notes. */
export const grantApplicationInputSchema = z
  .object({
    grantId: z.string(),
    status: oneOf(APPLICATION_STATUSES.codes, say('申請状況が正しくありません。', 'Unknown application status.')),
    amountRequested: amount,
    amountAwarded: amount,
    notes: optionalText(4000, say('メモは4000文字以内にしてください。', 'Keep the notes within 4,000 characters.')),
  })
  .superRefine((application, context) => {
    if (application.amountAwarded !== null && application.status !== 'AWARDED') {
      context.addIssue({ code: 'custom', path: ['amountAwarded'], message: say('採択額は「採択」のときだけ入力できます。', 'An awarded amount goes only with AWARDED.') });
    }
  });

export type GrantApplicationFields = z.output<typeof grantApplicationInputSchema>;
