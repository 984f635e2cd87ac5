// Free text on a referral is personal data (issue 14, "Free text is personal data"). A referral's
// reason, notes, outcome, timeline notes and messages are written about one person, so they are
// treated as that person's data of one category, CONSULTATION (相談内容): they describe the
// person's situation and needs exactly as the person's own consultation notes do. Writing them
// into a category of their own would let a consent cover the structured needs but not the
// sentences that explain them, which a person cannot be expected to tell apart.
//
// The rules that follow from it, applied by the API (referrals, core/personal-data):
//   - forwarding: the original sender's free text travels to a third organisation only when the
//     forwarder chooses it AND an active consent of the person covers that organisation, the
//     purpose REFERRAL and CONSULTATION; then a provision record names CONSULTATION;
//   - erasure: when the person is erased the free text is replaced, in every organisation's copy,
//     by a marker saying it was erased and when (rendered in the reader's language);
//   - special care: a viewer who may not see special-care data reads no free text of a referral
//     that shares a special-care category (it could name it), withheld with a reason.
// An anonymous case (no person) holds no person's data by design: its free text is the sender's
// description of a situation without identifying anyone. It needs no consent and writes no
// provision record, but it still travels on forwarding only when the forwarder chooses it.
import type { Language, LocalizedText } from './error-codes';
import type { PersonalDataCategory } from './people';
import { isSpecialCare, WITHHELD_REASONS } from './people';
import { vocabulary } from './vocabulary';

/** The consent category of a referral's free text when the referral names a person. */
export const REFERRAL_FREE_TEXT_CATEGORY: PersonalDataCategory = 'CONSULTATION';

/** The category a referral's free text belongs to: CONSULTATION with a person, none for an anonymous case. */
export function freeTextCategoryOf(referral: { readonly personId: string | null }): PersonalDataCategory | null {
  return referral.personId ? REFERRAL_FREE_TEXT_CATEGORY : null;
}

/** Why a referral's free text is not shown or not forwarded. */
export const FREE_TEXT_WITHHELD_REASONS = vocabulary({
  NOT_CHOSEN: { ja: '転送する方が元の文面を送らないことにしました', en: 'The forwarder chose not to pass on the original text' },
  NO_CONSENT: {
    ja: '転送先・紹介の目的・相談内容を対象とする本人の有効な同意がありません',
    en: 'No active consent of the person covers the recipient, the purpose REFERRAL and consultation notes',
  },
  NO_TEXT: { ja: '元の紹介に文面がありません', en: 'The original referral has no text' },
  // The same erasure a person's own data shows.
  ERASED: WITHHELD_REASONS.labels.ERASED,
  SPECIAL_CARE_HIDDEN: {
    ja: '要配慮個人情報を共有する紹介のため、この役割では文面を表示しません',
    en: 'The referral shares special-care data, so its text is not shown to your role',
  },
});
export type FreeTextWithheldReason = (typeof FREE_TEXT_WITHHELD_REASONS.codes)[number];

export type ForwardFreeTextDecision =
  | { readonly travels: true; readonly category: PersonalDataCategory | null }
  | { readonly travels: false; readonly reason: FreeTextWithheldReason };

/**
 * Whether the original free text travels with a forward. `consentCovers` is the consent rule's
 * answer for the third organisation, REFERRAL and CONSULTATION (ignored without a person).
 */
export function decideForwardFreeText(input: {
  readonly personId: string | null;
  readonly hasText: boolean;
  readonly erased: boolean;
  readonly chosen: boolean;
  readonly consentCovers: boolean;
}): ForwardFreeTextDecision {
  if (input.erased) return { travels: false, reason: 'ERASED' };
  if (!input.hasText) return { travels: false, reason: 'NO_TEXT' };
  const category = freeTextCategoryOf(input);
  if (category && !input.consentCovers) return { travels: false, reason: 'NO_CONSENT' };
  if (!input.chosen) return { travels: false, reason: 'NOT_CHOSEN' };
  return { travels: true, category };
}

/** Whether a viewer may read a referral's free text: not when it shares special care the viewer may not see. */
export function freeTextHiddenFor(maySeeSpecialCareData: boolean, sharedCategories: readonly PersonalDataCategory[]): boolean {
  return !maySeeSpecialCareData && sharedCategories.some(isSpecialCare);
}

// --- the erasure marker -------------------------------------------------------------------------

const ERASED_MARKER = /^\u27e6ERASED:(\d{4}-\d{2}-\d{2})\u27e7$/;

/** What is stored in place of erased free text: a marker with the date (Japan time) of the erasure. */
export function erasedTextMarker(erasedAt: Date): string {
  return `\u27e6ERASED:${japanDate(erasedAt)}\u27e7`;
}

/** The erasure date of a stored marker, or null when the text is an ordinary text. */
export function erasedDateOf(stored: string | null | undefined): string | null {
  return stored ? (ERASED_MARKER.exec(stored)?.[1] ?? null) : null;
}

export function erasedTextLabel(date: string): LocalizedText {
  return { ja: `本人の求めにより消去（${date}）`, en: `Erased at the person’s request (${date})` };
}

/** Stored free text as a reader sees it: an erasure marker in the reader's language, or the text. */
export function renderFreeText(stored: string, language: Language): string;
export function renderFreeText(stored: string | null, language: Language): string | null;
export function renderFreeText(stored: string | null, language: Language): string | null {
  const date = erasedDateOf(stored);
  return date ? erasedTextLabel(date)[language] : stored;
}

function japanDate(at: Date): string {
  return new Date(at.getTime() + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}
