// Invite someone by email with the roles they will hold; the link is mailed in the chosen
// language and lasts 7 days. Only roles the actor may grant and the organisation's kind allows
// are offered.
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Card, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { isPlausibleEmail, type OrganizationKind, type Role } from '@tsunagu/domain';
import { InvitationsDocument, InviteMemberDocument } from '@tsunagu/graphql-client';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { supportedLanguages } from '../../app/i18n/resources';
import { offeredRoles, RoleCheckboxes, RolesHiddenByKind } from './role-checkboxes';

export function InviteMemberForm({ organizationId, organizationKind }: { organizationId: string; organizationKind: OrganizationKind | undefined }) {
  const { t, i18n } = useTranslation();
  const { actor } = useSession();
  const { offered: grantable, hidden } = offeredRoles(actor?.roles ?? [], organizationKind);
  const [inviteMember, { loading }] = useMutation(InviteMemberDocument, {
    refetchQueries: [{ query: InvitationsDocument, variables: { organizationId } }],
    awaitRefetchQueries: true,
  });
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(['STAFF']);
  const [language, setLanguage] = useState<string>(i18n.language === 'en' ? 'en' : 'ja');
  const [attempted, setAttempted] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  const emailInvalid = attempted && !isPlausibleEmail(email.trim());
  const rolesMissing = attempted && roles.length === 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAttempted(true);
    setSentTo(null);
    setError(null);
    const address = email.trim();
    if (!isPlausibleEmail(address) || roles.length === 0) return;
    try {
      await inviteMember({ variables: { input: { organizationId, email: address, roles, language } } });
      setSentTo(address);
      setEmail('');
      setRoles(['STAFF']);
      setAttempted(false);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invite-heading">
      <Title order={2} fz="h4" mb="xs" id="invite-heading">
        {t('members.invite.heading')}
      </Title>
      <Text c="dimmed" fz="sm" mb="md">
        {t('members.invite.description')}
      </Text>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md" maw={520}>
          <ApiErrorAlert error={error} />
          {sentTo ? (
            <Alert color="teal" variant="light" role="status">
              {t('members.invite.sent', { email: sentTo })}
            </Alert>
          ) : null}
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="off"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={emailInvalid ? t('validation.email') : error?.fields['email']}
          />
          <RoleCheckboxes
            label={t('fields.roles')}
            grantable={grantable}
            value={roles}
            onChange={setRoles}
            error={rolesMissing ? t('validation.roles') : error?.fields['roles']}
          />
          <RolesHiddenByKind hidden={hidden} kind={organizationKind} />
          <Stack gap={4}>
            <Text component="span" fz="sm" fw={500} id="invite-language-label">
              {t('members.invite.language')}
            </Text>
            <SegmentedControl
              aria-labelledby="invite-language-label"
              value={language}
              onChange={setLanguage}
              data={supportedLanguages.map((value) => ({ value, label: t(`language.${value}`) }))}
              style={{ alignSelf: 'flex-start' }}
            />
            {error?.fields['language'] ? (
              <Text fz="sm" c="red">
                {error.fields['language']}
              </Text>
            ) : null}
          </Stack>
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            {t('members.invite.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
