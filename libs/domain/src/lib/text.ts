import type { LocalizedText } from './error-codes';

/** A message in both product languages; the one way to spell `{ ja, en }` in code. */
export function localizedText(ja: string, en: string): LocalizedText {
  return { ja, en };
}

/** Free-text input as stored: surrounding white space removed, and empty means "not given". */
export function trimmedOrNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

// Dashes people type for the hyphen in a number (postcodes, phone numbers, codes): the Unicode
// hyphens and dashes U+2010–U+2015, the minus sign U+2212, the small and full-width
// hyphen-minus U+FE63 and U+FF0D. NFKC leaves most of them alone, so they are mapped by hand.
const DASHES = /[\u2010-\u2015\u2212\uFE63\uFF0D]/g;
// The long-vowel mark ー (and its half-width ｰ, which NFKC turns into ー) is what a Japanese
// IME often gives for "-" between digits; only there is it a hyphen, never inside a word.
const LONG_VOWEL_AFTER_DIGIT = /(?<=\d)[\u30FC\uFF70]/g;

/**
 * A value that is a number or made of digits (a postcode, a phone number, an amount, a code), as
 * typed with a Japanese IME: full-width digits, letters and spaces become their ASCII forms
 * (NFKC: １０４ → 104), and every hyphen, dash or minus (－ ‐ ― −, ー after a digit) becomes
 * '-'. Only for such values: NFKC would also change the kana and symbols of ordinary text.
 */
export function normalizeNumericText(value: string): string {
  return value.normalize('NFKC').replace(DASHES, '-').replace(LONG_VOWEL_AFTER_DIGIT, '-');
}

/** A numeric text input as stored: in ASCII (normalizeNumericText), trimmed, and empty means "not given". */
export function numericTextOrNull(value: string | null | undefined): string | null {
  return trimmedOrNull(value === null || value === undefined ? value : normalizeNumericText(value));
}
