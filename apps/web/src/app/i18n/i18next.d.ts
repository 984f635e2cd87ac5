// Types t() keys against the Japanese resources, so a misspelt key fails typecheck.
import 'i18next';
import type ja from './ja.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof ja };
  }
}
