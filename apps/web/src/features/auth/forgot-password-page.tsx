// Ask for a password reset link. The answer is the same whether or not the address has an
// account, so the page cannot be used to find out who is registered.
import { useMutation } from '@apollo/client/react';
import { Alert, Card } from '@mantine/core';
import { passwordResetRequestSchema } from '@tsunagu/domain';
import { RequestPasswordResetDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { AuthForm, AuthPage } from './auth-form';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [requestReset] = useMutation(RequestPasswordResetDocument);
  const [sent, setSent] = useState(false);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: passwordResetRequestSchema,
    initialValues: { email: '' },
    toInput: (values) => values,
  });

  const save = onSubmit(async (input) => {
    await requestReset({ variables: { email: input.email } });
    setSent(true);
  });

  return (
    <AuthPage title={t('forgotPassword.title')} description={t('forgotPassword.description')} backToLogin>
      <Card withBorder padding="lg">
        {sent ? (
          <Alert color="teal" variant="light" role="status">
            {t('forgotPassword.sent')}
          </Alert>
        ) : (
          <AuthForm onSubmit={save} apiError={apiError} submitLabel={t('forgotPassword.submit')} submitting={form.submitting}>
            <TextField label={t('fields.email')} type="email" autoComplete="email" required form={form} name="email" />
          </AuthForm>
        )}
      </Card>
    </AuthPage>
  );
}
