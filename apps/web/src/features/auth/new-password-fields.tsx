// A new password and its confirmation, with the length rule shown up front (not only after a
// failure). The form's schema (libs/domain validation/accounts) says what is wrong, in the API's
// words, and the API's own objection (e.g. a commonly used password) lands on the same field.
import { Stack } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { PASSWORD_MIN_LENGTH } from '@tsunagu/domain';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../../app/password-input';

export interface NewPasswordFieldsProps {
  /** The new password's input, e.g. `form.getInputProps('newPassword')`. */
  password: GetInputPropsReturnType;
  confirmation: GetInputPropsReturnType;
  label?: string;
}

export function NewPasswordFields({ password, confirmation, label }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PasswordInput
        label={label ?? t('fields.newPassword')}
        description={t('password.rule', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        {...password}
      />
      <PasswordInput label={t('fields.confirmPassword')} autoComplete="new-password" required {...confirmation} />
    </Stack>
  );
}
