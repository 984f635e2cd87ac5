// A new password and its confirmation, with the length rule shown up front (not only after
// a failure) and the API's own objection (e.g. a commonly used password) under the field.
import { Stack } from '@mantine/core';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordLengthProblem } from '@tsunagu/domain';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../../app/password-input';

export interface NewPasswordValue {
  password: string;
  confirmation: string;
}

/** The problem to show for the pair, or null when it may be sent. */
export function newPasswordProblem(value: NewPasswordValue): 'TOO_SHORT' | 'TOO_LONG' | 'MISMATCH' | null {
  const problem = passwordLengthProblem(value.password);
  if (problem === 'TOO_SHORT' || problem === 'TOO_LONG') return problem;
  if (value.password !== value.confirmation) return 'MISMATCH';
  return null;
}

export interface NewPasswordFieldsProps {
  value: NewPasswordValue;
  onChange: (value: NewPasswordValue) => void;
  /** Show client-side problems (after a submit attempt). */
  showProblems: boolean;
  apiError?: string;
  label?: string;
}

export function NewPasswordFields({ value, onChange, showProblems, apiError, label }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  const problem = showProblems ? newPasswordProblem(value) : null;
  const lengthError =
    problem === 'TOO_SHORT'
      ? t('password.tooShort', { min: PASSWORD_MIN_LENGTH })
      : problem === 'TOO_LONG'
        ? t('password.tooLong', { max: PASSWORD_MAX_LENGTH })
        : undefined;
  return (
    <Stack gap="md">
      <PasswordInput
        label={label ?? t('fields.newPassword')}
        description={t('password.rule', { min: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        value={value.password}
        onChange={(event) => onChange({ ...value, password: event.currentTarget.value })}
        error={lengthError ?? apiError}
      />
      <PasswordInput
        label={t('fields.confirmPassword')}
        autoComplete="new-password"
        required
        value={value.confirmation}
        onChange={(event) => onChange({ ...value, confirmation: event.currentTarget.value })}
        error={problem === 'MISMATCH' ? t('password.mismatch') : undefined}
      />
    </Stack>
  );
}
