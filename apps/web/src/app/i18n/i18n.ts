// Sets up i18next: Japanese by default, the visitor's last choice remembered in localStorage,
// and <html lang> kept in step so assistive technology reads the page in the right language.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, isSupportedLanguage, resources, type SupportedLanguage } from './resources';

const storageKey = 'tsunagu.language';

function readStoredLanguage(): SupportedLanguage {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isSupportedLanguage(stored) ? stored : defaultLanguage;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies); fall back to Japanese.
    return defaultLanguage;
  }
}

function applyLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is acceptable; the page still switches.
  }
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: readStoredLanguage(),
  fallbackLng: defaultLanguage,
  supportedLngs: [...Object.keys(resources)],
  interpolation: { escapeValue: false },
  // Resources are bundled, so initialise synchronously: the first render already has text.
  initAsync: false,
});

document.documentElement.lang = i18n.language;

export { i18n };
