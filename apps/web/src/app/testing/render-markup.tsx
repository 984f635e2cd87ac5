// For the web's unit specs: a component rendered to static markup (no DOM) inside the providers
// the app gives it (Mantine, and its own i18next instance with the app's resources).
import { MantineProvider } from '@mantine/core';
import { createInstance } from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { resources, type SupportedLanguage } from '../i18n/resources';

export function renderMarkup(children: ReactNode, language: SupportedLanguage = 'ja'): string {
  const i18n = createInstance();
  void i18n.use(initReactI18next).init({ resources, lng: language, interpolation: { escapeValue: false }, initAsync: false });
  return renderToStaticMarkup(
    <I18nextProvider i18n={i18n}>
      <MantineProvider>{children}</MantineProvider>
    </I18nextProvider>,
  );
}
