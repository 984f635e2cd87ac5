// The second step of a sign-in (login or accepting an invitation with an existing account): a
// passkey, a code from the authenticator app, or one recovery code, as the account has them.
import { useMutation } from '@apollo/client/react';
import { Anchor, Button, Card, Stack } from '@mantine/core';
import { recoveryCodeSchema, totpCodeSchema } from '@tsunagu/domain';
import {
  CompleteSignInDocument,
  type AuthPayloadFieldsFragment,
  type SignInResultFieldsFragment,
} from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { PasskeySecondFactorButton } from '../passkeys/passkey-second-factor-button';
import { AuthForm, AuthPage } from './auth-form';

export type PendingSecondFactor = NonNullable<SignInResultFieldsFragment['secondFactor']>;

interface SecondStepProps {
  challenge: PendingSecondFactor;
  onSignedIn: (auth: AuthPayloadFieldsFragment) => Promise<void>;
  /** Back to the first step (the challenge expired or took too many wrong codes). */
  onRestart: () => void;
}

export function SecondStepPage(props: SecondStepProps) {
  const { t } = useTranslation();
  return (
    <AuthPage title={t('secondFactor.step.title')} description={t('secondFactor.step.description')}>
      <Card withBorder padding="lg">
        <SecondStepForms {...props} />
      </Card>
    </AuthPage>
  );
}

/** The forms alone, for a page that already has its card (accepting an invitation). */
export function SecondStepForms({ challenge, onSignedIn, onRestart }: SecondStepProps) {
  const { t } = useTranslation();
  const hasTotp = challenge.methods.includes('TOTP');
  const hasRecovery = challenge.methods.includes('RECOVERY_CODE');
  const hasPasskey = challenge.methods.includes('PASSKEY');
  const [useRecovery, setUseRecovery] = useState(!hasTotp && !hasPasskey && hasRecovery);
  return (
    <Stack gap="md" data-testid="second-step">
      {hasPasskey && !useRecovery ? <PasskeySecondFactorButton challengeToken={challenge.token} onSignedIn={onSignedIn} /> : null}
      {useRecovery ? (
        <RecoveryCodeForm token={challenge.token} onSignedIn={onSignedIn} />
      ) : hasTotp ? (
        <TotpCodeForm token={challenge.token} onSignedIn={onSignedIn} />
      ) : null}
      {(hasTotp || hasPasskey) && hasRecovery ? (
        <Anchor component="button" type="button" fz="sm" onClick={() => setUseRecovery((value) => !value)}>
          {useRecovery ? t('secondFactor.step.useCode') : t('secondFactor.step.useRecoveryCode')}
        </Anchor>
      ) : null}
      <Button variant="subtle" onClick={onRestart}>
        {t('secondFactor.step.restart')}
      </Button>
    </Stack>
  );
}

function TotpCodeForm({ token, onSignedIn }: { token: string; onSignedIn: (auth: AuthPayloadFieldsFragment) => Promise<void> }) {
  const { t } = useTranslation();
  const [complete] = useMutation(CompleteSignInDocument);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: totpCodeSchema,
    initialValues: { code: '' },
    toInput: (values) => values,
  });
  const submit = onSubmit(async ({ code }) => {
    const result = await complete({ variables: { input: { token, code } } });
    if (result.data) await onSignedIn(result.data.completeSignIn);
  });
  return (
    <AuthForm onSubmit={submit} apiError={apiError} submitLabel={t('secondFactor.step.submit')} submitting={form.submitting}>
      <TextField
        label={t('secondFactor.step.codeLabel')}
        description={t('secondFactor.step.codeHelp')}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={8}
        required
        data-autofocus
        form={form}
        name="code"
      />
    </AuthForm>
  );
}

function RecoveryCodeForm({ token, onSignedIn }: { token: string; onSignedIn: (auth: AuthPayloadFieldsFragment) => Promise<void> }) {
  const { t } = useTranslation();
  const [complete] = useMutation(CompleteSignInDocument);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: recoveryCodeSchema,
    initialValues: { recoveryCode: '' },
    toInput: (values) => values,
  });
  const submit = onSubmit(async ({ recoveryCode }) => {
    const result = await complete({ variables: { input: { token, recoveryCode } } });
    if (result.data) await onSignedIn(result.data.completeSignIn);
  });
  return (
    <AuthForm onSubmit={submit} apiError={apiError} submitLabel={t('secondFactor.step.submit')} submitting={form.submitting}>
      <TextField
        label={t('secondFactor.step.recoveryCodeLabel')}
        description={t('secondFactor.step.recoveryCodeHelp')}
        autoComplete="off"
        maxLength={40}
        required
        form={form}
        name="recoveryCode"
      />
    </AuthForm>
  );
}
