// Mantine's PasswordInput with its show/hide button named in the UI language (Mantine's
// default name is English only), and marked aria-invalid when it shows an error, as the
// other inputs are.
import { PasswordInput as MantinePasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PasswordInput(props: PasswordInputProps) {
  const { t } = useTranslation();
  return (
    <MantinePasswordInput
      visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }}
      aria-invalid={props.error ? true : undefined}
      {...props}
    />
  );
}
