// The translation resources. Japanese is the reference language; the `satisfies` checks
// below make typecheck fail as soon as en.json and ja.json stop having exactly the same keys.
import enBase from './en.json';
import jaBase from './ja.json';
import enReferrals from './referrals.en.json';
import jaReferrals from './referrals.ja.json';
import enGrants from './grants.en.json';
import jaGrants from './grants.ja.json';

// Referrals and notifications (and grants) keep their keys in files of their own (merged here), so the
// capability's strings can change without touching the shared resource files.
const ja = { ...jaBase, ...jaReferrals, ...jaGrants };
const en = { ...enBase, ...enReferrals, ...enGrants };

export const supportedLanguages = ['ja', 'en'] as const;
export type SupportedLanguage = (typeof supportedLanguages)[number];
export const defaultLanguage: SupportedLanguage = 'ja';

export type TranslationShape = typeof ja;

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
