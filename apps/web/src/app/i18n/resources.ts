// The translation resources. Japanese is the reference language; the `satisfies` checks
// below make typecheck fail as soon as en.json and ja.json stop having exactly the same keys.
import enBase from './en.json';
import jaBase from './ja.json';
import enReferrals from './referrals.en.json';
import jaReferrals from './referrals.ja.json';
import enGrants from './grants.en.json';
import jaGrants from './grants.ja.json';
import enTraining from './training.en.json';
import jaTraining from './training.ja.json';
import enTrainingEditor from './training-editor.en.json';
import jaTrainingEditor from './training-editor.ja.json';
import enPartnerships from './partnerships.en.json';
import jaPartnerships from './partnerships.ja.json';
import enReports from './reports.en.json';
import jaReports from './reports.ja.json';
import enHome from './home.en.json';
import jaHome from './home.ja.json';
import enPasskeys from './passkeys.en.json';
import jaPasskeys from './passkeys.ja.json';
import enSecurity from './security.en.json';
import jaSecurity from './security.ja.json';
import enSecondFactor from './second-factor.en.json';
import jaSecondFactor from './second-factor.ja.json';

// Referrals and notifications (and grants, training and the training editor) keep their keys in files of their own (merged here), so the
// capability's strings can change without touching the shared resource files.
// The merge is shallow: each file owns its own top-level keys (training.*.json: "training";
// training-editor.*.json: "trainingEditor"). A top-level key in two files would silently lose one
// side, so the check below makes typecheck fail when the learner's and the editor's files share one.
type Disjoint<A, B> = [keyof A & keyof B] extends [never] ? true : false;
const trainingFilesKeepTheirOwnKeys: Disjoint<typeof jaTraining, typeof jaTrainingEditor> & Disjoint<typeof enTraining, typeof enTrainingEditor> = true;
void trainingFilesKeepTheirOwnKeys;
const ja = { ...jaBase, ...jaReferrals, ...jaGrants, ...jaTraining, ...jaTrainingEditor, ...jaPartnerships, ...jaReports, ...jaHome, ...jaPasskeys, ...jaSecurity, ...jaSecondFactor };
const en = { ...enBase, ...enReferrals, ...enGrants, ...enTraining, ...enTrainingEditor, ...enPartnerships, ...enReports, ...enHome, ...enPasskeys, ...enSecurity, ...enSecondFactor };

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
