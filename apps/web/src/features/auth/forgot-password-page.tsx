// Ask for a password reset link. The answer is the same whether or not the address has an
// account, so the page cannot be used to find out who is registered.
import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Stack, TextInput } from '@mantine/core';
import { passwordResetRequestSchema } from '@tsunagu/domain';
import { RequestPasswordResetDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSchemaForm } from '../../app/forms';

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
    <Stack maw={440} mx="auto" mt="xl">
      <PageHeader title={t('forgotPassword.title')} description={t('forgotPassword.description')} />
      <Card withBorder padding="lg">
        {sent ? (
          <Alert color="teal" variant="light" role="status">
            {t('forgotPassword.sent')}
          </Alert>
        ) : (
          <form onSubmit={save} noValidate>
            <Stack gap="md">
              <ApiErrorAlert error={apiError} />
              <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
              <Button type="submit" loading={form.submitting}>
                {t('forgotPassword.submit')}
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
