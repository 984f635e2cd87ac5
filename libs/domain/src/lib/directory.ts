// The service directory's vocabulary (DESIGN.md capability 1): fixed taxonomies with Japanese
// and English labels, shared by the API (validation, search, HSDS exchange) and the web.
import { japanClock } from './japan-time';
import { vocabulary } from './vocabulary';

export const SERVICE_CATEGORIES = vocabulary({
  GENERAL_CONSULTATION: { ja: '総合相談', en: 'General consultation' },
  POVERTY: { ja: '生活困窮', en: 'Financial hardship' },
  HOUSING: { ja: '住まい', en: 'Housing' },
  EMPLOYMENT: { ja: '就労', en: 'Employment' },
  MENTAL_HEALTH: { ja: '心の健康', en: 'Mental health' },
  IBASHO: { ja: '居場所', en: 'Places to belong (ibasho)' },
  CHILDREN_YOUTH: { ja: '子ども・若者', en: 'Children and young people' },
  PARENTING: { ja: '子育て', en: 'Parenting' },
  DV_SEXUAL_VIOLENCE: { ja: 'DV・性暴力', en: 'Domestic and sexual violence' },
  HIKIKOMORI: { ja: 'ひきこもり', en: 'Social withdrawal (hikikomori)' },
  OLDER_PEOPLE: { ja: '高齢者', en: 'Older people' },
  DISABILITY: { ja: '障害', en: 'Disability' },
  FOREIGN_RESIDENTS: { ja: '外国人', en: 'Foreign residents' },
  LGBTQ: { ja: 'LGBTQ', en: 'LGBTQ' },
  SUICIDE_PREVENTION: { ja: '自殺対策', en: 'Suicide prevention' },
  ADDICTION: { ja: '依存症', en: 'Addiction' },
  LEGAL: { ja: '法律', en: 'Legal' },
  MEDICAL: { ja: '医療', en: 'Medical care' },
  FOOD: { ja: '食料支援', en: 'Food support' },
});
export type ServiceCategory = (typeof SERVICE_CATEGORIES.codes)[number];

export const TARGET_GROUPS = vocabulary({
  ANYONE: { ja: 'どなたでも', en: 'Anyone' },
  CHILDREN: { ja: '子ども', en: 'Children' },
  YOUTH: { ja: '若者', en: 'Young people' },
  PARENTS: { ja: '子育て中の方', en: 'Parents' },
  OLDER_PEOPLE: { ja: '高齢者', en: 'Older people' },
  WOMEN: { ja: '女性', en: 'Women' },
  PEOPLE_WITH_DISABILITIES: { ja: '障害のある方', en: 'People with disabilities' },
  FOREIGN_RESIDENTS: { ja: '外国にルーツのある方', en: 'Foreign residents' },
  LGBTQ: { ja: 'LGBTQの方', en: 'LGBTQ people' },
  CAREGIVERS: { ja: '家族・介護者', en: 'Families and carers' },
  LOW_INCOME: { ja: '生活に困っている方', en: 'People on low incomes' },
});
export type TargetGroup = (typeof TARGET_GROUPS.codes)[number];

export const CHANNEL_KINDS = vocabulary({
  PHONE: { ja: '電話', en: 'Phone' },
  SNS_LINE: { ja: 'SNS・LINE', en: 'Social media / LINE' },
  CHAT: { ja: 'チャット', en: 'Chat' },
  EMAIL: { ja: 'メール', en: 'Email' },
  VISIT: { ja: '来所', en: 'In person' },
  OUTREACH: { ja: 'アウトリーチ（訪問）', en: 'Outreach (home visits)' },
});
export type ChannelKind = (typeof CHANNEL_KINDS.codes)[number];

/** BCP 47 tags; "ja-simple" is やさしい日本語 (plain Japanese). */
export const SERVICE_LANGUAGES = vocabulary({
  ja: { ja: '日本語', en: 'Japanese' },
  'ja-simple': { ja: 'やさしい日本語', en: 'Plain Japanese' },
  en: { ja: '英語', en: 'English' },
  zh: { ja: '中国語', en: 'Chinese' },
  ko: { ja: '韓国語', en: 'Korean' },
  vi: { ja: 'ベトナム語', en: 'Vietnamese' },
  tl: { ja: 'タガログ語', en: 'Tagalog' },
  pt: { ja: 'ポルトガル語', en: 'Portuguese' },
  es: { ja: 'スペイン語', en: 'Spanish' },
  ne: { ja: 'ネパール語', en: 'Nepali' },
  jsl: { ja: '日本手話', en: 'Japanese Sign Language' },
});
export type ServiceLanguage = (typeof SERVICE_LANGUAGES.codes)[number];

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const CAPACITY_STATES = ['ACCEPTING', 'WAITLIST', 'NOT_ACCEPTING'] as const;
export type CapacityState = (typeof CAPACITY_STATES)[number];

export const FEE_KINDS = ['FREE', 'PAID'] as const;
export type FeeKind = (typeof FEE_KINDS)[number];

/** One opening period on a weekday, in Japan time ("HH:MM", closes after opens). */
export interface OpeningPeriod {
  readonly day: Weekday;
  readonly opens: string;
  readonly closes: string;
}

export interface ServiceChannel {
  readonly kind: ChannelKind;
  /** Phone number, LINE id or URL, chat URL, email address, or where to visit. */
  readonly value: string;
  readonly note?: string | null;
  /** Shown on the public portal; false keeps it for network members (e.g. a referral line). */
  readonly public: boolean;
}

/** The fields of a service, as the API accepts and the seed writes them. */
export interface ServiceFields {
  readonly name: string;
  readonly nameKana?: string | null;
  readonly description: string;
  readonly categories: readonly ServiceCategory[];
  readonly targetGroups: readonly TargetGroup[];
  readonly eligibility?: string | null;
  readonly ageMin?: number | null;
  readonly ageMax?: number | null;
  /** Nationwide, or the municipality codes (JIS X 0402, 5 digits) it serves. */
  readonly nationwide: boolean;
  readonly areaCodes: readonly string[];
  readonly languages: readonly ServiceLanguage[];
  readonly open24h: boolean;
  readonly openingHours: readonly OpeningPeriod[];
  readonly channels: readonly ServiceChannel[];
  readonly fee: FeeKind;
  readonly feeNote?: string | null;
  readonly capacity: CapacityState;
  readonly waitlistNote?: string | null;
  readonly waitlistExpectedOn?: string | null;
  readonly acceptsReferrals: boolean;
  /** ISO date (YYYY-MM-DD) the entry was last checked by its organisation. */
  readonly lastReviewedOn?: string | null;
}

/**
 * The form text is searched in: NFKC (full-width letters and digits become ASCII), lower case,
 * and hiragana folded to katakana so a kana name is found however it is typed.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u3041-\u3096]/g, (character) => String.fromCharCode(character.charCodeAt(0) + 0x60))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Which weekday and minute of the day it is in Japan, for "open now". */
export function tokyoClock(at: Date): { day: Weekday; minutes: number } {
  const { weekdayIndex, minutes } = japanClock(at);
  return { day: WEEKDAYS[weekdayIndex], minutes };
}

/**
 * Needs that say something APPI treats as special-care data (要配慮個人情報: medical history,
 * disability, having been the victim of a crime) when recorded about a person. A statistics
 * projection leaves them out, and roles that may not see special-care data do not see them on a
 * person's referral (issue 14).
 */
export const SPECIAL_CARE_NEEDS: readonly ServiceCategory[] = [
  'MENTAL_HEALTH',
  'DISABILITY',
  'SUICIDE_PREVENTION',
  'ADDICTION',
  'MEDICAL',
  'DV_SEXUAL_VIOLENCE',
];

export function isSpecialCareNeed(need: string): boolean {
  return (SPECIAL_CARE_NEEDS as readonly string[]).includes(need);
}
