// Switches the UI between Japanese and English; i18n.ts remembers the choice and sets <html lang>.
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage } from '../i18n/i18n';
import { supportedLanguages } from '../i18n/resources';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Button.Group aria-label={t('language.label')}>
      {supportedLanguages.map((language) => {
        const active = current === language;
        return (
          <Button
            key={language}
            lang={language}
            size="xs"
            variant={active ? 'filled' : 'default'}
            aria-pressed={active}
            onClick={() => chooseLanguage(language)}
          >
            {t(`language.${language}`)}
          </Button>
        );
      })}
    </Button.Group>
  );
}
