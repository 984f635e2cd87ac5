// Ask for a password reset link. The answer is the same whether or not the address has an
// account, so the page cannot be used to find out who is registered.
import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Stack, TextInput } from '@mantine/core';
import { isPlausibleEmail } from '@tsunagu/domain';
import { RequestPasswordResetDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [requestReset, { loading }] = useMutation(RequestPasswordResetDocument);
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const address = email.trim();
    setInvalid(!isPlausibleEmail(address));
    if (!isPlausibleEmail(address)) return;
    try {
      await requestReset({ variables: { email: address } });
      setSent(true);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Stack maw={440} mx="auto" mt="xl">
      <PageHeader title={t('forgotPassword.title')} description={t('forgotPassword.description')} />
      <Card withBorder padding="lg">
        {sent ? (
          <Alert color="teal" variant="light" role="status">
            {t('forgotPassword.sent')}
          </Alert>
        ) : (
          <form onSubmit={(event) => void submit(event)} noValidate>
            <Stack gap="md">
              <ApiErrorAlert error={error} />
              <TextInput
                label={t('fields.email')}
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={invalid ? t('validation.email') : error?.fields['email']}
              />
              <Button type="submit" loading={loading}>
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
