// Sets up i18next: Japanese by default, the visitor's own choice remembered in localStorage,
// and <html lang> kept in step so assistive technology reads the page in the right language.
// Only an explicit choice (the language switch, the account page) is remembered; a language
// applied from the user's profile at sign-in is not, so a later choice in this browser wins.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isSupportedLanguage, resources, type SupportedLanguage } from './resources';

const storageKey = 'tsunagu.language';

function readStoredLanguage(): SupportedLanguage | null {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isSupportedLanguage(stored) ? stored : null;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies); fall back to Japanese.
    return null;
  }
}

i18n.on('languageChanged', (language: string) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage() ?? defaultLanguage,
  fallbackLng: defaultLanguage,
  supportedLngs: [...Object.keys(resources)],
  interpolation: { escapeValue: false },
  // Resources are bundled, so initialise synchronously: the first render already has text.
  initAsync: false,
});

document.documentElement.lang = i18n.language;

/** The person chose a language in this browser: switch and remember it. */
export function chooseLanguage(language: SupportedLanguage): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is acceptable; the page still switches.
  }
  void i18n.changeLanguage(language);
}

/** Applies the signed-in user's preferred language unless this browser already has a choice. */
export function applyProfileLanguage(language: string): void {
  if (readStoredLanguage() === null && isSupportedLanguage(language) && language !== i18n.language) {
    void i18n.changeLanguage(language);
  }
}

export { i18n };
