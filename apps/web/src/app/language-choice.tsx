// A choice of the product's languages (ja, en) as a labelled segmented control with its error,
// wired to a form field (`{...form.getInputProps('language')}`).
import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { supportedLanguages } from './i18n/resources';

export interface LanguageChoiceProps {
  label: string;
  help?: string;
  value: string;
  onChange: (language: string) => void;
  error?: ReactNode;
}

export function LanguageChoice({ label, help, value, onChange, error }: LanguageChoiceProps) {
  const { t } = useTranslation();
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text component="span" fz="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value}
        onChange={onChange}
        data={supportedLanguages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      {help ? (
        <Text fz="xs" c="dimmed">
          {help}
        </Text>
      ) : null}
      {error ? (
        <Text fz="sm" c="red">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
