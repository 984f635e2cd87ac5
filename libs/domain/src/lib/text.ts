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
