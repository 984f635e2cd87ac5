// Set a new password from the mailed link (/reset-password?token=…). Every session ends, so
// the person signs in again afterwards.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, Stack } from '@mantine/core';
import { resetPasswordSchema } from '@tsunagu/domain';
import { ResetPasswordDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSchemaForm } from '../../app/forms';
import { AuthForm, AuthPage } from './auth-form';
import { NewPasswordFields } from './new-password-fields';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [resetPassword] = useMutation(ResetPasswordDocument);
  const [done, setDone] = useState(false);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: resetPasswordSchema,
    initialValues: { newPassword: '', confirmation: '' },
    toInput: (values) => values,
  });

  const save = onSubmit(async (input) => {
    await resetPassword({ variables: { input: { token, newPassword: input.newPassword } } });
    setDone(true);
  });

  return (
    <AuthPage title={t('resetPassword.title')} description={t('resetPassword.description')} backToLogin>
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
          <AuthForm onSubmit={save} apiError={apiError} submitLabel={t('resetPassword.submit')} submitting={form.submitting}>
            <NewPasswordFields password={form.getInputProps('newPassword')} confirmation={form.getInputProps('confirmation')} />
          </AuthForm>
        )}
      </Card>
    </AuthPage>
  );
}
