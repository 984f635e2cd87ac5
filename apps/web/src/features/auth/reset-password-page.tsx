// Set a new password from the mailed link (/reset-password?token=…). Every session ends, so
// the person signs in again afterwards.
import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Stack } from '@mantine/core';
import { resetPasswordSchema } from '@tsunagu/domain';
import { ResetPasswordDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSchemaForm } from '../../app/forms';
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
          <form onSubmit={save} noValidate>
            <Stack gap="md">
              <ApiErrorAlert error={apiError} />
              <NewPasswordFields password={form.getInputProps('newPassword')} confirmation={form.getInputProps('confirmation')} />
              <Button type="submit" loading={form.submitting}>
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
