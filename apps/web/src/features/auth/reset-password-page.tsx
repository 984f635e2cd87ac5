// Set a new password from the mailed link (/reset-password?token=…). Every session ends, so
// the person signs in again afterwards.
import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Stack } from '@mantine/core';
import { ResetPasswordDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { NewPasswordFields, newPasswordProblem, type NewPasswordValue } from './new-password-fields';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [resetPassword, { loading }] = useMutation(ResetPasswordDocument);
  const [value, setValue] = useState<NewPasswordValue>({ password: '', confirmation: '' });
  const [attempted, setAttempted] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (newPasswordProblem(value)) return;
    try {
      await resetPassword({ variables: { input: { token, newPassword: value.password } } });
      setDone(true);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Stack maw={440} mx="auto" mt="xl">
      <PageHeader title={t('resetPassword.title')} description={t('resetPassword.description')} />
      <Card withBorder padding="lg">
        {!token ? (
          <Alert color="red" variant="light" role="alert">
            {t('resetPassword.missingToken')}
          </Alert>
        ) : done ? (
          <Stack gap="md">
            <Alert color="teal" variant="light" role="status">
              {t('resetPassword.done')}
            </Alert>
            <Button component={Link} to="/login">
              {t('login.submit')}
            </Button>
          </Stack>
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <ApiErrorAlert error={error} />
              <NewPasswordFields
                value={value}
                onChange={setValue}
                showProblems={attempted}
                apiError={error?.fields['newPassword']}
              />
              <Button type="submit" loading={loading}>
                {t('resetPassword.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Card>
      <Anchor component={Link} to="/login" fz="sm">
        {t('forgotPassword.backToLogin')}
      </Anchor>
    </Stack>
  );
}
