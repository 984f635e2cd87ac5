// Accept an invitation from the mailed link (/invitations/accept?token=…). A new person sets
// their name and a password; someone who already has an account confirms with its password.
// Either way they are signed in and land on their organisation's members.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Stack, Text, TextInput } from '@mantine/core';
import { AcceptInvitationDocument, InvitationPreviewDocument } from '@tsunagu/graphql-client';
import { DescriptionList, LoadingState, PageHeader, RoleBadges } from '@tsunagu/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { PasswordInput } from '../../app/password-input';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSessionActions } from '../../app/auth/use-session';
import { roleOptions } from '../../app/labels';
import { formatTokyoTime } from '../status/format-tokyo-time';
import { NewPasswordFields, newPasswordProblem, type NewPasswordValue } from './new-password-fields';

export function AcceptInvitationPage() {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { signIn } = useSessionActions();
  const preview = useQuery(InvitationPreviewDocument, { variables: { token }, skip: !token, fetchPolicy: 'network-only' });
  const [accept, { loading }] = useMutation(AcceptInvitationDocument);
  const [displayName, setDisplayName] = useState('');
  const [newPassword, setNewPassword] = useState<NewPasswordValue>({ password: '', confirmation: '' });
  const [currentPassword, setCurrentPassword] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const invitation = preview.data?.invitationPreview;
  const existing = invitation?.existingAccount ?? false;
  const nameMissing = attempted && !existing && !displayName.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setError(null);
    if (!existing && (!displayName.trim() || newPasswordProblem(newPassword))) return;
    if (existing && !currentPassword) return;
    try {
      const result = await accept({
        variables: {
          input: existing
            ? { token, password: currentPassword }
            : {
                token,
                password: newPassword.password,
                displayName: displayName.trim(),
                preferredLanguage: i18n.language,
              },
        },
      });
      if (result.data) {
        await signIn(result.data.acceptInvitation);
        navigate('/organization/members', { replace: true });
      }
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Stack maw={520} mx="auto" mt="xl">
      <PageHeader title={t('acceptInvitation.title')} />
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
                  description: formatTokyoTime(invitation.expiresAt, i18n.language),
                },
              ]}
            />
            <form onSubmit={(event) => void submit(event)} noValidate>
              <Stack gap="md">
                <ApiErrorAlert error={error} />
                {existing ? (
                  <>
                    <Text fz="sm">{t('acceptInvitation.existingAccount')}</Text>
                    <PasswordInput
                      label={t('fields.password')}
                      autoComplete="current-password"
                      required
                      value={currentPassword}
                      onChange={(event) => setCurrentPassword(event.currentTarget.value)}
                      error={error?.fields['password'] ?? (attempted && !currentPassword ? t('validation.required') : undefined)}
                    />
                  </>
                ) : (
                  <>
                    <TextInput
                      label={t('fields.displayName')}
                      description={t('acceptInvitation.displayNameHelp')}
                      autoComplete="name"
                      required
                      value={displayName}
                      onChange={(event) => setDisplayName(event.currentTarget.value)}
                      error={nameMissing ? t('validation.required') : error?.fields['displayName']}
                    />
                    <NewPasswordFields
                      label={t('fields.password')}
                      value={newPassword}
                      onChange={setNewPassword}
                      showProblems={attempted}
                      apiError={error?.fields['password']}
                    />
                  </>
                )}
                <Button type="submit" loading={loading}>
                  {t('acceptInvitation.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
