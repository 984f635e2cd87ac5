// A choice of the product's languages (ja, en) as a labelled segmented control with its error,
// wired to a form field (`{...form.getInputProps('language')}`).
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { supportedLanguages } from './i18n/resources';
import { LabelledChoice } from './labelled-choice';

export interface LanguageChoiceProps {
  label: string;
  help?: string;
  value: string;
  onChange: (language: string) => void;
  error?: ReactNode;
}

export function LanguageChoice({ label, help, value, onChange, error }: LanguageChoiceProps) {
  const { t } = useTranslation();
  return (
    <LabelledChoice
      label={label}
      help={help}
      value={value}
      onChange={onChange}
      error={error}
      data={supportedLanguages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}
