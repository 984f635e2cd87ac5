// People supported (当事者) and their consent (DESIGN.md capability 2, "Personal data
// protection"): the vocabulary shared by the API (storage, the consent-aware reader, exports)
// and the web (forms, badges). Pure: no I/O, so the consent rules are unit-tested here.
import type { OrganizationKind, Role } from './roles';
import { vocabulary } from './vocabulary';
import { normalizeForSearch } from './directory';

/** Categories of a person's data. Special-care ones (要配慮個人情報) are marked below. */
export const PERSONAL_DATA_CATEGORIES = vocabulary({
  IDENTITY: { ja: '本人確認情報（氏名・ふりがな・生年月日）', en: 'Identity (name, kana, birth date)' },
  CONTACT: { ja: '連絡先', en: 'Contact details' },
  HOUSEHOLD: { ja: '世帯の状況', en: 'Household' },
  HEALTH: { ja: '健康・病歴', en: 'Health' },
  DISABILITY: { ja: '障害', en: 'Disability' },
  FINANCIAL: { ja: '収入・家計', en: 'Finances' },
  LEGAL: { ja: '犯罪歴・被害歴', en: 'Criminal record and victimisation' },
  CONSULTATION: { ja: '相談内容', en: 'Consultation (needs and notes)' },
});
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES.codes)[number];

/**
 * The field of a person (GraphQL `Person`) that carries each category's section: the API builds
 * the person with these keys and the web reads its cards by them, so both agree on one table.
 */
export const PERSON_SECTION_FIELDS = {
  IDENTITY: 'identity',
  CONTACT: 'contact',
  HOUSEHOLD: 'household',
  HEALTH: 'health',
  DISABILITY: 'disability',
  FINANCIAL: 'financial',
  LEGAL: 'legal',
  CONSULTATION: 'consultation',
} as const satisfies Record<PersonalDataCategory, string>;
export type PersonSectionField = (typeof PERSON_SECTION_FIELDS)[PersonalDataCategory];

/** 要配慮個人情報 (APPI Art. 2(3)): explicit prior consent of its own; encrypted at rest. */
export const SPECIAL_CARE_CATEGORIES: readonly PersonalDataCategory[] = ['HEALTH', 'DISABILITY', 'LEGAL'];

export function isSpecialCare(category: PersonalDataCategory): boolean {
  return SPECIAL_CARE_CATEGORIES.includes(category);
}

export const CONSENT_PURPOSES = vocabulary({
  REFERRAL: { ja: '他団体へのつなぎ（紹介）', en: 'Referral to another organisation' },
  CASE_CONFERENCE: { ja: '支援調整会議（ケース会議）', en: 'Case conference' },
  STATISTICS: { ja: '統計（個人が特定されない形）', en: 'Statistics (never identifying)' },
});
export type ConsentPurpose = (typeof CONSENT_PURPOSES.codes)[number];

export const CONSENT_METHODS = vocabulary({
  WRITTEN: { ja: '書面', en: 'Written' },
  VERBAL: { ja: '口頭', en: 'Verbal' },
  ELECTRONIC: { ja: '電子（画面・メール等）', en: 'Electronic' },
});
export type ConsentMethod = (typeof CONSENT_METHODS.codes)[number];

export const CONSENT_STATES = vocabulary({
  ACTIVE: { ja: '有効', en: 'Active' },
  NOT_YET_VALID: { ja: '開始前', en: 'Not yet valid' },
  EXPIRED: { ja: '期限切れ', en: 'Expired' },
  REVOKED: { ja: '撤回済み', en: 'Revoked' },
});
export type ConsentState = (typeof CONSENT_STATES.codes)[number];

/** Why a category is not shown. Never a silent null: the reader always says which one. */
export const WITHHELD_REASONS = vocabulary({
  NO_CONSENT: { ja: '同意がありません', en: 'No consent covers this' },
  CATEGORY_NOT_COVERED: { ja: '同意の対象外の項目です', en: 'The consent does not cover this category' },
  CONSENT_EXPIRED: { ja: '同意の期限が切れています', en: 'The consent has expired' },
  CONSENT_REVOKED: { ja: '同意が撤回されました', en: 'The consent was revoked' },
  CONSENT_NOT_YET_VALID: { ja: '同意の開始日前です', en: 'The consent is not valid yet' },
  ROLE_NOT_PERMITTED: { ja: 'この役割では閲覧できません（要配慮個人情報）', en: 'Your role may not see this (special-care data)' },
  PURPOSE_NOT_STATED: { ja: '利用目的が指定されていません', en: 'No purpose was stated for this read' },
  USE_CEASED: { ja: '本人の求めにより利用を停止しています', en: 'Use stopped at the person’s request' },
  ERASED: { ja: '本人の求めにより消去済みです', en: 'Erased at the person’s request' },
  NOT_SHARED: { ja: 'この紹介では共有されていない項目です', en: 'Not shared in this referral' },
  STATISTICS_ONLY: {
    ja: '統計目的の閲覧では、個人が特定されない集計用の項目（年齢階級など）だけを表示します',
    en: 'A statistics read shows only the non-identifying statistical fields (age band and the like)',
  },
});
export type WithheldReason = (typeof WITHHELD_REASONS.codes)[number];

export const PERSON_STATUSES = vocabulary({
  ACTIVE: { ja: '利用中', en: 'In use' },
  USE_CEASED: { ja: '利用停止', en: 'Use stopped' },
  ERASED: { ja: '消去済み', en: 'Erased' },
});
export type PersonStatus = (typeof PERSON_STATUSES.codes)[number];

/** Roles that work with people supported at all (case work). */
export const CASEWORK_ROLES: readonly Role[] = ['ORG_ADMIN', 'COORDINATOR', 'STAFF'];
/** Roles that may see special-care categories (in the owner and in a consented recipient). */
export const SPECIAL_CARE_ROLES: readonly Role[] = ['ORG_ADMIN', 'COORDINATOR'];

export function mayDoCasework(roles: readonly Role[]): boolean {
  return roles.some((role) => CASEWORK_ROLES.includes(role));
}

export function maySeeSpecialCare(roles: readonly Role[]): boolean {
  return roles.some((role) => SPECIAL_CARE_ROLES.includes(role));
}

/**
 * What a role that may not see special-care data is shown in place of special-care categories
 * (consents, referrals): one marker, never which of them, and none of the free text that could
 * name them (evidence, reasons).
 */
export const SPECIAL_CARE_HIDDEN_LABEL = { ja: '要配慮個人情報（非表示）', en: 'Special-care data (hidden)' } as const;

export interface CategoriesAsSeen {
  /** The categories the viewer may know of. */
  readonly categories: readonly PersonalDataCategory[];
  /** True when special-care categories were removed for this viewer (shown as one marker). */
  readonly specialCareHidden: boolean;
}

/** The categories a viewer with these roles may know of: special-care ones only for SPECIAL_CARE_ROLES. */
export function categoriesAsSeenBy(roles: readonly Role[], categories: readonly PersonalDataCategory[]): CategoriesAsSeen {
  if (maySeeSpecialCare(roles)) return { categories, specialCareHidden: false };
  const visible = categories.filter((category) => !isSpecialCare(category));
  return { categories: visible, specialCareHidden: visible.length !== categories.length };
}

// --- the consent rule ---------------------------------------------------------------------------

/** What the rule needs of a consent record. Dates are instants; validUntil null = open-ended. */
export interface ConsentFacts {
  readonly id: string;
  readonly categories: readonly PersonalDataCategory[];
  readonly recipientOrganizationIds: readonly string[];
  readonly recipientKinds: readonly OrganizationKind[];
  readonly purposes: readonly ConsentPurpose[];
  readonly validFrom: Date;
  readonly validUntil: Date | null;
  readonly revokedAt: Date | null;
}

export function consentState(consent: Pick<ConsentFacts, 'validFrom' | 'validUntil' | 'revokedAt'>, now: Date): ConsentState {
  if (consent.revokedAt && consent.revokedAt <= now) return 'REVOKED';
  if (consent.validFrom > now) return 'NOT_YET_VALID';
  if (consent.validUntil && consent.validUntil <= now) return 'EXPIRED';
  return 'ACTIVE';
}

export interface Recipient {
  readonly organizationId: string;
  readonly organizationKind: OrganizationKind;
}

export function consentNamesRecipient(consent: ConsentFacts, recipient: Recipient): boolean {
  return (
    consent.recipientOrganizationIds.includes(recipient.organizationId) ||
    consent.recipientKinds.includes(recipient.organizationKind)
  );
}

export type CategoryDecision =
  | { readonly access: 'DISCLOSED'; readonly consentId: string | null }
  | { readonly access: 'WITHHELD'; readonly reason: WithheldReason; readonly consentId: string | null };

/**
 * Whether a recipient outside the owning organisation may see one category for one purpose.
 * An active consent naming the recipient (by organisation or kind), the purpose and the
 * category discloses it. Otherwise the reason is the most telling one: a consent that would
 * have covered it but was revoked, expired or is not valid yet; then a consent for this
 * recipient and purpose that leaves the category out; then no consent at all.
 */
export function decideForRecipient(
  consents: readonly ConsentFacts[],
  recipient: Recipient,
  purpose: ConsentPurpose,
  category: PersonalDataCategory,
  now: Date,
): CategoryDecision {
  const forRecipientAndPurpose = consents.filter(
    (consent) => consentNamesRecipient(consent, recipient) && consent.purposes.includes(purpose),
  );
  const covering = forRecipientAndPurpose.filter((consent) => consent.categories.includes(category));
  const active = covering.find((consent) => consentState(consent, now) === 'ACTIVE');
  if (active) return { access: 'DISCLOSED', consentId: active.id };
  const byState = (state: ConsentState) => covering.find((consent) => consentState(consent, now) === state);
  const revoked = byState('REVOKED');
  if (revoked) return { access: 'WITHHELD', reason: 'CONSENT_REVOKED', consentId: revoked.id };
  const expired = byState('EXPIRED');
  if (expired) return { access: 'WITHHELD', reason: 'CONSENT_EXPIRED', consentId: expired.id };
  const pending = byState('NOT_YET_VALID');
  if (pending) return { access: 'WITHHELD', reason: 'CONSENT_NOT_YET_VALID', consentId: pending.id };
  const other = forRecipientAndPurpose.find((consent) => consentState(consent, now) === 'ACTIVE');
  if (other) return { access: 'WITHHELD', reason: 'CATEGORY_NOT_COVERED', consentId: other.id };
  return { access: 'WITHHELD', reason: 'NO_CONSENT', consentId: null };
}

/** The owner's own staff: admins and coordinators see everything, staff no special-care data. */
export function decideForOwner(roles: readonly Role[], category: PersonalDataCategory): CategoryDecision {
  if (isSpecialCare(category) && !maySeeSpecialCare(roles)) {
    return { access: 'WITHHELD', reason: 'ROLE_NOT_PERMITTED', consentId: null };
  }
  if (!mayDoCasework(roles)) return { access: 'WITHHELD', reason: 'ROLE_NOT_PERMITTED', consentId: null };
  return { access: 'DISCLOSED', consentId: null };
}

// --- fields of each category --------------------------------------------------------------------

export const GENDERS = vocabulary({
  FEMALE: { ja: '女性', en: 'Female' },
  MALE: { ja: '男性', en: 'Male' },
  NON_BINARY: { ja: 'その他', en: 'Non-binary / other' },
  NOT_STATED: { ja: '回答しない', en: 'Prefer not to say' },
});
export type Gender = (typeof GENDERS.codes)[number];

export const LIVING_SITUATIONS = vocabulary({
  ALONE: { ja: '一人暮らし', en: 'Lives alone' },
  WITH_FAMILY: { ja: '家族と同居', en: 'With family' },
  WITH_OTHERS: { ja: '家族以外と同居', en: 'With others' },
  SHELTER: { ja: 'シェルター・施設', en: 'Shelter or facility' },
  NO_FIXED_ABODE: { ja: '住まいがない', en: 'No fixed abode' },
  OTHER: { ja: 'その他', en: 'Other' },
});
export type LivingSituation = (typeof LIVING_SITUATIONS.codes)[number];

export const DISABILITY_CERTIFICATES = vocabulary({
  NONE: { ja: 'なし', en: 'None' },
  PHYSICAL: { ja: '身体障害者手帳', en: 'Physical disability certificate' },
  INTELLECTUAL: { ja: '療育手帳', en: 'Intellectual disability certificate' },
  MENTAL: { ja: '精神障害者保健福祉手帳', en: 'Mental disability certificate' },
  APPLYING: { ja: '申請中', en: 'Applying' },
});
export type DisabilityCertificate = (typeof DISABILITY_CERTIFICATES.codes)[number];

/** The values of each category, as stored (jsonb, or encrypted json for special care). */
export interface IdentityValues {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string | null; // YYYY-MM-DD
  gender: Gender | null;
}
export interface ContactValues {
  phone: string | null;
  email: string | null;
  postalCode: string | null;
  address: string | null;
  municipalityCode: string | null;
  preferredChannel: string | null;
  notes: string | null;
}
export interface HouseholdValues {
  livingSituation: LivingSituation | null;
  householdSize: number | null;
  dependents: string | null;
  notes: string | null;
}
export interface HealthValues {
  conditions: string | null;
  medications: string | null;
  medicalInstitution: string | null;
  notes: string | null;
}
export interface DisabilityValues {
  certificate: DisabilityCertificate | null;
  grade: string | null;
  notes: string | null;
}
export interface FinancialValues {
  incomeSources: string | null;
  receivesPublicAssistance: boolean | null;
  hasDebt: boolean | null;
  notes: string | null;
}
export interface LegalValues {
  criminalRecord: string | null;
  victimisation: string | null;
  protectionOrder: boolean | null;
  notes: string | null;
}
export interface ConsultationValues {
  needs: string[]; // SERVICE_CATEGORIES codes
  summary: string | null;
  notes: string | null;
}

export interface PersonValues {
  IDENTITY: IdentityValues;
  CONTACT: ContactValues | null;
  HOUSEHOLD: HouseholdValues | null;
  HEALTH: HealthValues | null;
  DISABILITY: DisabilityValues | null;
  FINANCIAL: FinancialValues | null;
  LEGAL: LegalValues | null;
  CONSULTATION: ConsultationValues | null;
}

/**
 * The duplicate-warning key: kana typed in katakana or hiragana, spaced or not, plus the birth
 * date. Two registrations of the same person by one organisation meet on this key.
 */
export function duplicateKey(familyNameKana: string, givenNameKana: string, birthDate: string | null): string | null {
  if (!birthDate) return null;
  const kana = normalizeForSearch(familyNameKana + givenNameKana).replace(/[\s・]/g, '');
  return kana ? `${kana}|${birthDate}` : null;
}
