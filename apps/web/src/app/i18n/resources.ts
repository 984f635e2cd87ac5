// The translation resources. Japanese is the reference language; the `satisfies` checks
// below make typecheck fail as soon as en.json and ja.json stop having exactly the same keys.
import en from './en.json';
import ja from './ja.json';

export const supportedLanguages = ['ja', 'en'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];
export const defaultLanguage: SupportedLanguage = 'ja';

type TranslationShape = typeof ja;

// Each side must be assignable to the other: a key missing in either file is a type error.
const enTranslation = en satisfies TranslationShape;
const jaTranslation = ja satisfies typeof en;

export const resources = {
  ja: { translation: jaTranslation },
  en: { translation: enTranslation },
} as const;

export function isSupportedLanguage(value: unknown): value is SupportedLanguage {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}
