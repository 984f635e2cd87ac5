// Sign in with email and password, then continue to the page that asked for it (?next=).
import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Card, Stack, TextInput } from '@mantine/core';
import { LoginDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { PasswordInput } from '../../app/password-input';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { safeNextPath } from '../../app/auth/require-auth';
import { useSession, useSessionActions } from '../../app/auth/use-session';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { status, expired } = useSession();
  const { signIn } = useSessionActions();
  const [login, { loading }] = useMutation(LoginDocument);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  if (status === 'signedIn') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await login({ variables: { input: { email: email.trim(), password } } });
      if (result.data) {
        await signIn(result.data.login);
        navigate(next, { replace: true });
      }
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Stack maw={440} mx="auto" mt="xl">
      <PageHeader title={t('login.title')} description={t('login.description')} />
      {expired ? (
        <Alert color="yellow" variant="light">
          {t('login.expired')}
        </Alert>
      ) : null}
      <Card withBorder padding="lg">
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack gap="md">
            <ApiErrorAlert error={error} />
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              error={error?.fields['email']}
            />
            <PasswordInput
              label={t('fields.password')}
              autoComplete="current-password"
              required
              value={password}
              onChange={(event) => setPassword(event.currentTarget.value)}
              error={error?.fields['password']}
            />
            <Button type="submit" loading={loading} disabled={!email || !password}>
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to="/forgot-password" fz="sm">
              {t('login.forgotPassword')}
            </Anchor>
          </Stack>
        </form>
      </Card>
    </Stack>
  );
}
