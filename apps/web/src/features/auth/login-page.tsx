// Sign in with email and password (and the second step when the account has a second factor),
// or with a passkey alone, then continue to the page that asked for it (?next=).
import { useMutation } from '@apollo/client/react';
import { Alert, Anchor, Card, Divider, Stack } from '@mantine/core';
import { loginInputSchema } from '@tsunagu/domain';
import { LoginDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { TextField } from '../../app/form-fields';
import { PasswordInput } from '../../app/password-input';
import { useSchemaForm } from '../../app/forms';
import { safeNextPath } from '../../app/auth/require-auth';
import { useSession, useSessionActions } from '../../app/auth/use-session';
import { PasskeySignInButton } from '../passkeys/passkey-sign-in-button';
import { AuthForm, AuthPage } from './auth-form';
import { SecondStepPage, type PendingSecondFactor } from './second-step-form';

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const navigate = useNavigate();
  const { status, expired } = useSession();
  const { signIn } = useSessionActions();
  const [login] = useMutation(LoginDocument);
  const [challenge, setChallenge] = useState<PendingSecondFactor | null>(null);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: loginInputSchema,
    initialValues: { email: '', password: '' },
    toInput: (values) => values,
  });

  if (status === 'signedIn') return <Navigate to={next} replace />;

  if (challenge) {
    return (
      <SecondStepPage
        challenge={challenge}
        onSignedIn={async (auth) => {
          await signIn(auth);
          navigate(next, { replace: true });
        }}
        onRestart={() => {
          setChallenge(null);
          form.setFieldValue('password', '');
        }}
      />
    );
  }

  const submit = onSubmit(async (input) => {
    const result = await login({ variables: { input } });
    const auth = result.data?.login.auth;
    if (auth) {
      await signIn(auth);
      navigate(next, { replace: true });
    }
    const secondFactor = result.data?.login.secondFactor;
    if (secondFactor) setChallenge(secondFactor);
  });

  return (
    <AuthPage title={t('login.title')} description={t('login.description')}>
      {expired ? (
        <Alert color="yellow" variant="light">
          {t('login.expired')}
        </Alert>
      ) : null}
      <Card withBorder padding="lg">
        <Stack gap="md">
          <AuthForm
            onSubmit={submit}
            apiError={apiError}
            submitLabel={t('login.submit')}
            submitting={form.submitting}
            submitDisabled={!form.values.email || !form.values.password}
          >
            <TextField label={t('fields.email')} type="email" autoComplete="username" required form={form} name="email" />
            <PasswordInput label={t('fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          </AuthForm>
          <Anchor component={Link} to="/forgot-password" fz="sm">
            {t('login.forgotPassword')}
          </Anchor>
          <Divider label={t('passkeys.signIn.or')} labelPosition="center" />
          <PasskeySignInButton
            onSignedIn={async (auth) => {
              await signIn(auth);
              navigate(next, { replace: true });
            }}
          />
        </Stack>
      </Card>
    </AuthPage>
  );
}
