// Types t() keys against the Japanese resources, so a misspelt key fails typecheck.
import 'i18next';
import type { TranslationShape } from './resources';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: TranslationShape };
  }
}
