// Invitations not yet accepted, with who was invited, as what, and until when; each can be
// revoked (after a confirmation) by those the ability allows.
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Text, Title } from '@mantine/core';
import type { InvitationRowFragment } from '@tsunagu/graphql-client';
import { InvitationsDocument, RevokeInvitationDocument } from '@tsunagu/graphql-client';
import { ConfirmDialog, DataTable, LoadingState, RoleBadges } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { roleOptions } from '../../app/labels';
import { formatTokyoTime } from '../status/format-tokyo-time';

export function PendingInvitations({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const { data, loading, error } = useQuery(InvitationsDocument, { variables: { organizationId } });
  const [revokeInvitation, revoking] = useMutation(RevokeInvitationDocument, {
    refetchQueries: [{ query: InvitationsDocument, variables: { organizationId } }],
    awaitRefetchQueries: true,
  });
  const [confirming, setConfirming] = useState<InvitationRowFragment | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);
  const canRevoke = ability.can('delete', { __typename: 'Invitation', organizationId });

  const revoke = async () => {
    if (!confirming) return;
    setRevokeError(null);
    try {
      await revokeInvitation({ variables: { id: confirming.id } });
      setConfirming(null);
    } catch (caught) {
      setRevokeError(readApiError(caught));
    }
  };

  const invitations = data?.invitations ?? [];
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="invitations-heading">
      <Title order={2} fz="h4" mb="md" id="invitations-heading">
        {t('members.invitations.heading')}
      </Title>
      {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      {data && invitations.length === 0 ? <Text c="dimmed">{t('members.invitations.empty')}</Text> : null}
      {invitations.length > 0 ? (
        <DataTable
          minWidth={640}
          labelledBy="invitations-heading"
          rows={invitations}
          rowKey={(invitation) => invitation.id}
          columns={[
            {
              key: 'email',
              header: t('fields.email'),
              cell: (invitation) => invitation.email,
              cellStyle: { wordBreak: 'break-all' },
            },
            {
              key: 'roles',
              header: t('fields.roles'),
              cell: (invitation) => <RoleBadges roles={roleOptions(t, invitation.roles)} />,
            },
            {
              key: 'expiresAt',
              header: t('members.invitations.expiresAt'),
              cell: (invitation) => formatTokyoTime(invitation.expiresAt, i18n.language),
            },
            {
              key: 'actions',
              header: t('common.actions'),
              cell: (invitation) =>
                canRevoke ? (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    onClick={() => setConfirming(invitation)}
                    aria-label={t('members.invitations.revokeOf', { email: invitation.email })}
                  >
                    {t('members.invitations.revoke')}
                  </Button>
                ) : null,
            },
          ]}
        />
      ) : null}
      <ConfirmDialog
        opened={confirming !== null}
        title={t('members.invitations.revokeDialog.title')}
        confirmLabel={t('members.invitations.revoke')}
        cancelLabel={t('common.cancel')}
        danger
        loading={revoking.loading}
        error={<ApiErrorAlert error={revokeError} />}
        onConfirm={() => void revoke()}
        onCancel={() => {
          setConfirming(null);
          setRevokeError(null);
        }}
      >
        {t('members.invitations.revokeDialog.body', { email: confirming?.email ?? '' })}
      </ConfirmDialog>
    </Card>
  );
}
