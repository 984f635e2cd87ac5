// What a read for the STATISTICS purpose (統計（個人が特定されない形）) may return about a person:
// a fixed projection of coarse, coded values, never a name, kana, exact birth date, phone, email,
// address, postal code, free-text note or any special-care value. The consent-aware reader
// (apps/api core/personal-data) applies it to every STATISTICS read, whatever the consent
// covers: a consent decides which categories the projection may draw from, never that more than
// the projection is returned.
import { japanDate } from './japan-time';
import type { LocalizedText } from './error-codes';
import type { Gender, LivingSituation, PersonalDataCategory, PersonValues } from './people';
import { vocabulary } from './vocabulary';
import { isSpecialCareNeed } from './directory';
import { PERSONAL_DATA_FIELD_LABELS } from './people-fields';

/** Ten-year age bands, the coarsest the national surveys publish by; 90 and over is one band. */
export const STATISTICS_AGE_BANDS = vocabulary({
  AGE_0_9: { ja: '10歳未満', en: 'Under 10' },
  AGE_10_19: { ja: '10代', en: '10–19' },
  AGE_20_29: { ja: '20代', en: '20–29' },
  AGE_30_39: { ja: '30代', en: '30–39' },
  AGE_40_49: { ja: '40代', en: '40–49' },
  AGE_50_59: { ja: '50代', en: '50–59' },
  AGE_60_69: { ja: '60代', en: '60–69' },
  AGE_70_79: { ja: '70代', en: '70–79' },
  AGE_80_89: { ja: '80代', en: '80–89' },
  AGE_90_PLUS: { ja: '90歳以上', en: '90 and over' },
});
export type StatisticsAgeBand = (typeof STATISTICS_AGE_BANDS.codes)[number];

/** The projection a STATISTICS read yields. Null: the source category was not disclosed, or holds nothing. */
export interface PersonStatistics {
  readonly ageBand: StatisticsAgeBand | null;
  readonly gender: Gender | null;
  /** JIS X 0402 municipality code (e.g. 13102): never the address or postal code. */
  readonly municipalityCode: string | null;
  readonly livingSituation: LivingSituation | null;
  /**
   * SERVICE_CATEGORIES codes of the consultation needs, without the special-care ones
   * (SPECIAL_CARE_NEEDS: a need for mental-health or DV support says what HEALTH or LEGAL would):
   * never the summary or notes.
   */
  readonly needs: readonly string[] | null;
  /** The categories the values were drawn from (each disclosed for STATISTICS by the reader's rule). */
  readonly sourceCategories: readonly PersonalDataCategory[];
}

/**
 * Every field of the projection and the one category it is derived from. Special-care categories
 * feed none: even a coded special-care value attached to one row is special-care data about
 * that person.
 */
export const STATISTICS_FIELDS = {
  ageBand: 'IDENTITY',
  gender: 'IDENTITY',
  municipalityCode: 'CONTACT',
  livingSituation: 'HOUSEHOLD',
  needs: 'CONSULTATION',
} as const satisfies Record<Exclude<keyof PersonStatistics, 'sourceCategories'>, PersonalDataCategory>;

/** The categories a STATISTICS read can draw from, in vocabulary order. */
export const STATISTICS_SOURCE_CATEGORIES: readonly PersonalDataCategory[] = ['IDENTITY', 'CONTACT', 'HOUSEHOLD', 'CONSULTATION'];

// A field copied from the person's data is called what it is called there; the derived ones
// (the band, the coded needs) have their own names.
export const PERSON_STATISTICS_FIELD_LABELS = {
  ageBand: { ja: '年齢階級', en: 'Age band' },
  gender: PERSONAL_DATA_FIELD_LABELS.IDENTITY.gender,
  municipalityCode: PERSONAL_DATA_FIELD_LABELS.CONTACT.municipalityCode,
  livingSituation: PERSONAL_DATA_FIELD_LABELS.HOUSEHOLD.livingSituation,
  needs: { ja: '相談したいこと（分野）', en: 'Needs (categories)' },
} as const satisfies Record<keyof typeof STATISTICS_FIELDS, LocalizedText>;

/** Whole years from a YYYY-MM-DD birth date to a YYYY-MM-DD date (the birthday counts on its day). */
export function ageOn(birthDate: string, onDate: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  const on = /^(\d{4})-(\d{2})-(\d{2})$/.exec(onDate);
  if (!birth || !on) return null;
  const [, by, bm, bd] = birth.map(Number);
  const [, oy, om, od] = on.map(Number);
  const age = oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
  return age < 0 ? null : age;
}

export function ageBandOf(birthDate: string | null, onDate: string): StatisticsAgeBand | null {
  if (!birthDate) return null;
  const age = ageOn(birthDate, onDate);
  if (age === null) return null;
  if (age >= 90) return 'AGE_90_PLUS';
  return STATISTICS_AGE_BANDS.codes[Math.floor(age / 10)];
}

/** The date in Japan (YYYY-MM-DD) of an instant: the read date an age band is computed on. */
export function japanDateOf(instant: Date): string {
  return japanDate(instant);
}

/**
 * The STATISTICS projection of a person. `disclosed` holds the values of exactly the categories
 * the rule disclosed for this read (absent = withheld); nothing else is looked at, and only the
 * fields of STATISTICS_FIELDS come out.
 */
export function statisticsProjection(disclosed: Partial<PersonValues>, readDate: string): PersonStatistics {
  const identity = disclosed.IDENTITY ?? null;
  const contact = disclosed.CONTACT ?? null;
  const household = disclosed.HOUSEHOLD ?? null;
  const consultation = disclosed.CONSULTATION ?? null;
  return {
    ageBand: identity ? ageBandOf(identity.birthDate, readDate) : null,
    gender: identity?.gender ?? null,
    municipalityCode: contact?.municipalityCode ?? null,
    livingSituation: household?.livingSituation ?? null,
    needs: consultation ? consultation.needs.filter((need) => !isSpecialCareNeed(need)) : null,
    sourceCategories: STATISTICS_SOURCE_CATEGORIES.filter((category) => category in disclosed),
  };
}
