// The pages of signing in and of passwords (login, forgot, reset, accepting an invitation) look
// alike: a narrow column with the page's title, a card holding a form, and the way back to the
// sign-in. AuthPage is that column, AuthForm the form: the API's refusal on top, then the
// fields, then the full-width submit button.
import { Anchor, Button, Stack } from '@mantine/core';
import { PageHeader } from '@tsunagu/ui';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import type { ApiError } from '../../app/api-errors';

export function AuthPage({
  title,
  description,
  backToLogin = false,
  maw = 440,
  children,
}: {
  title: string;
  description?: string;
  /** A link back to the sign-in under the card. */
  backToLogin?: boolean;
  maw?: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack maw={maw} mx="auto" mt="xl">
      <PageHeader title={title} description={description} />
      {children}
      {backToLogin ? (
        <Anchor component={Link} to="/login" fz="sm">
          {t('forgotPassword.backToLogin')}
        </Anchor>
      ) : null}
    </Stack>
  );
}

export function AuthForm({
  onSubmit,
  apiError,
  submitLabel,
  submitting,
  submitDisabled = false,
  children,
}: {
  /** useSchemaForm's onSubmit(…) handler. */
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  apiError: ApiError | null;
  submitLabel: string;
  submitting: boolean;
  submitDisabled?: boolean;
  children: ReactNode;
}) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <ApiErrorAlert error={apiError} />
        {children}
        <Button type="submit" loading={submitting} disabled={submitDisabled}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
