// Accept an invitation from the mailed link (/invitations/accept?token=…). A new person sets
// their name and a password; someone who already has an account confirms with its password.
// Either way they are signed in and land on their organisation's members.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Card, Stack, Text } from '@mantine/core';
import { acceptInvitationSchema } from '@tsunagu/domain';
import { AcceptInvitationDocument, InvitationPreviewDocument } from '@tsunagu/graphql-client';
import { DescriptionList, LoadingState, RoleBadges } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { TextField } from '../../app/form-fields';
import { PasswordInput } from '../../app/password-input';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { useSchemaForm } from '../../app/forms';
import { useSessionActions } from '../../app/auth/use-session';
import { roleOptions } from '../../app/labels';
import { formatTimestamp } from '../../app/japan-time-format';
import { AuthForm, AuthPage } from './auth-form';
import { SecondStepForms, type PendingSecondFactor } from './second-step-form';
import { NewPasswordFields } from './new-password-fields';

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const preview = useQuery(InvitationPreviewDocument, { variables: { token }, skip: !token, fetchPolicy: 'network-only' });
  const invitation = preview.data?.invitationPreview;

  return (
    <AuthPage title={t('acceptInvitation.title')} maw={520}>
      {!token ? (
        <Alert color="red" variant="light" role="alert">
          {t('acceptInvitation.missingToken')}
        </Alert>
      ) : null}
      {preview.loading ? <LoadingState label={t('common.loading')} /> : null}
      {preview.error ? <ApiErrorAlert error={readApiError(preview.error)} /> : null}
      {invitation ? (
        <Card withBorder padding="lg">
          <Stack gap="md">
            <Text>
              {t('acceptInvitation.intro', {
                organization: invitation.organizationName,
                network: invitation.networkName,
              })}
            </Text>
            <DescriptionList
              label={t('acceptInvitation.detailsLabel')}
              items={[
                { term: t('fields.email'), description: invitation.email },
                { term: t('fields.organization'), description: invitation.organizationName },
                { term: t('fields.network'), description: invitation.networkName },
                { term: t('fields.roles'), description: <RoleBadges roles={roleOptions(t, invitation.roles)} /> },
                {
                  term: t('acceptInvitation.expiresAt'),
                  description: formatTimestamp(invitation.expiresAt, i18n.language),
                },
              ]}
            />
            <AcceptForm token={token} existing={invitation.existingAccount} />
          </Stack>
        </Card>
      ) : null}
    </AuthPage>
  );
}

/** A new person names themselves and sets a password; someone with an account gives its password. */
function AcceptForm({ token, existing }: { token: string; existing: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { signIn } = useSessionActions();
  const [accept] = useMutation(AcceptInvitationDocument);
  const [challenge, setChallenge] = useState<PendingSecondFactor | null>(null);
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: acceptInvitationSchema(!existing),
    initialValues: { displayName: '', password: '', confirmation: '' },
    toInput: (values) => (existing ? { password: values.password } : values),
  });

  const save = onSubmit(async (_input, values) => {
    const result = await accept({
      variables: {
        input: existing
          ? { token, password: values.password }
          : { token, password: values.password, displayName: values.displayName.trim(), preferredLanguage: i18n.language },
      },
    });
    const auth = result.data?.acceptInvitation.auth;
    if (auth) {
      await signIn(auth);
      navigate('/organization/members', { replace: true });
    }
    // An existing account with a second factor: the invitation is accepted; the sign-in needs the second step.
    const secondFactor = result.data?.acceptInvitation.secondFactor;
    if (secondFactor) setChallenge(secondFactor);
  });

  if (challenge) {
    return (
      <SecondStepForms
        challenge={challenge}
        onSignedIn={async (payload) => {
          await signIn(payload);
          navigate('/', { replace: true });
        }}
        onRestart={() => navigate('/login', { replace: true })}
      />
    );
  }

  return (
    <AuthForm onSubmit={save} apiError={apiError} submitLabel={t('acceptInvitation.submit')} submitting={form.submitting}>
      {existing ? (
        <>
          <Text fz="sm">{t('acceptInvitation.existingAccount')}</Text>
          <PasswordInput label={t('fields.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
        </>
      ) : (
        <>
          <TextField
            label={t('fields.displayName')}
            description={t('acceptInvitation.displayNameHelp')}
            autoComplete="name"
            required
            form={form} name="displayName"
          />
          <NewPasswordFields label={t('fields.password')} password={form.getInputProps('password')} confirmation={form.getInputProps('confirmation')} />
        </>
      )}
    </AuthForm>
  );
}
