// A directory service's fields (ServiceInput), as the API checks them and the service form
// shows them: every faulty field reported at once, codes de-duplicated, texts trimmed, and the
// hours, waitlist and areas that the switches make irrelevant dropped from the result.
import { z } from 'zod';
import {
  CAPACITY_STATES,
  CHANNEL_KINDS,
  FEE_KINDS,
  SERVICE_CATEGORIES,
  SERVICE_LANGUAGES,
  TARGET_GROUPS,
  WEEKDAYS,
  type ServiceFields,
} from '../directory';
import { normalizeMunicipalityCode } from '../identifiers';
import { trimmedOrNull } from '../text';
import { isoDate, say } from './kit';

export const SERVICE_MESSAGES = {
  name: say('サービス名を1〜200文字で入力してください。', 'Enter a service name of 1 to 200 characters.'),
  description: say('説明は8000文字以内にしてください。', 'Keep the description within 8,000 characters.'),
  categories: say('分野を1つ以上選んでください。', 'Choose at least one category.'),
  targetGroups: say('対象の値が正しくありません。', 'Unknown target group.'),
  languages: say('対応言語を1つ以上、一覧から選んでください。', 'Choose at least one language from the list.'),
  ages: say('対象年齢は0〜130歳で、下限は上限以下にしてください。', 'Ages must be 0 to 130, the lower not above the upper.'),
  areaCodes: say('対象地域は地方公共団体コード（5桁、例：13102）で入力してください。', 'Give service areas as 5-digit local government codes, e.g. 13102.'),
  noArea: say('対象地域を選ぶか、全国対応にしてください。', 'Choose the areas served, or mark the service nationwide.'),
  openingHours: say('受付時間は「09:00」の形で、終了を開始より後にしてください。', 'Give hours as HH:MM, closing after opening.'),
  channels: say('連絡方法ごとに、電話番号・URL・場所などを入力してください。', 'Give each contact channel its number, address or place.'),
  fee: say('料金の区分が正しくありません。', 'Unknown fee kind.'),
  capacity: say('受け入れ状況が正しくありません。', 'Unknown capacity state.'),
  date: say('日付は YYYY-MM-DD の形で入力してください。', 'Give the date as YYYY-MM-DD.'),
} as const;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A set of vocabulary codes: de-duplicated, every one known (and at least one when required). */
export function codeSet<C extends string>(codes: readonly C[], message: string, options: { atLeastOne: boolean }) {
  return z
    .array(z.string())
    .transform((values) => [...new Set(values)])
    .refine((values) => (!options.atLeastOne || values.length > 0) && values.every((value) => (codes as readonly string[]).includes(value)), message)
    .transform((values) => values as C[]);
}

/** An optional date: blank means none, anything else a real YYYY-MM-DD day. */
export function optionalDate(message: string) {
  return z
    .string()
    .nullish()
    .transform(trimmedOrNull)
    .pipe(isoDate(message).nullable());
}

const age = z.number().nullish().transform((value) => value ?? null);

const openingPeriod = z
  .object({ day: z.string(), opens: z.string(), closes: z.string() })
  .refine(
    (period) => (WEEKDAYS as readonly string[]).includes(period.day) && TIME.test(period.opens) && TIME.test(period.closes) && period.closes > period.opens,
    SERVICE_MESSAGES.openingHours,
  )
  .transform((period) => period as ServiceFields['openingHours'][number]);

const channel = z
  .object({ kind: z.string(), value: z.string(), note: z.string().nullish(), public: z.boolean() })
  .transform((given) => ({ kind: given.kind, value: given.value.trim(), note: trimmedOrNull(given.note), public: given.public }))
  .refine((given) => (CHANNEL_KINDS.codes as readonly string[]).includes(given.kind) && given.value.length >= 1 && given.value.length <= 300, SERVICE_MESSAGES.channels)
  .transform((given) => given as ServiceFields['channels'][number]);

export const serviceInputSchema = z
  .object({
    name: z.string().trim().min(1, SERVICE_MESSAGES.name).max(200, SERVICE_MESSAGES.name),
    nameKana: z.string().nullish().transform(trimmedOrNull),
    description: z.string().max(8000, SERVICE_MESSAGES.description).transform((value) => value.trim()),
    categories: codeSet(SERVICE_CATEGORIES.codes, SERVICE_MESSAGES.categories, { atLeastOne: true }),
    targetGroups: codeSet(TARGET_GROUPS.codes, SERVICE_MESSAGES.targetGroups, { atLeastOne: false }),
    eligibility: z.string().nullish().transform(trimmedOrNull),
    ageMin: age,
    ageMax: age,
    nationwide: z.boolean(),
    areaCodes: z
      .array(z.string())
      .transform((codes) => [...new Set(codes.map((code) => normalizeMunicipalityCode(code)))])
      .refine((codes) => codes.every((code) => code !== null), SERVICE_MESSAGES.areaCodes)
      .transform((codes) => codes as string[]),
    languages: codeSet(SERVICE_LANGUAGES.codes, SERVICE_MESSAGES.languages, { atLeastOne: true }),
    open24h: z.boolean(),
    openingHours: z.array(openingPeriod),
    channels: z.array(channel),
    fee: z.enum(FEE_KINDS, { error: SERVICE_MESSAGES.fee }),
    feeNote: z.string().nullish().transform(trimmedOrNull),
    capacity: z.enum(CAPACITY_STATES, { error: SERVICE_MESSAGES.capacity }),
    waitlistNote: z.string().nullish().transform(trimmedOrNull),
    waitlistExpectedOn: optionalDate(SERVICE_MESSAGES.date),
    acceptsReferrals: z.boolean(),
    lastReviewedOn: optionalDate(SERVICE_MESSAGES.date),
  })
  .superRefine((service, context) => {
    const { ageMin, ageMax } = service;
    const outOfRange = (value: number | null) => value !== null && (value < 0 || value > 130);
    if (outOfRange(ageMin) || outOfRange(ageMax) || (ageMin !== null && ageMax !== null && ageMin > ageMax)) {
      context.addIssue({ code: 'custom', path: ['ageMin'], message: SERVICE_MESSAGES.ages });
    }
    if (!service.nationwide && Array.isArray(service.areaCodes) && service.areaCodes.length === 0) {
      context.addIssue({ code: 'custom', path: ['areaCodes'], message: SERVICE_MESSAGES.noArea });
    }
  })
  .transform((service) => {
    const waitlist = service.capacity === 'WAITLIST';
    return {
      ...service,
      areaCodes: service.nationwide ? [] : service.areaCodes,
      openingHours: service.open24h ? [] : service.openingHours,
      waitlistNote: waitlist ? service.waitlistNote : null,
      waitlistExpectedOn: waitlist ? service.waitlistExpectedOn : null,
    };
  });
