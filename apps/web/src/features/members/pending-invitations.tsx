// Invitations not yet accepted, with who was invited, as what, and until when; each can be
// revoked (after a confirmation) by those the ability allows.
import { useMutation, useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import type { InvitationRowFragment } from '@tsunagu/graphql-client';
import { InvitationsDocument, RevokeInvitationDocument } from '@tsunagu/graphql-client';
import { RoleBadges } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/use-session';
import { ConfirmActionDialog, useConfirmation } from '../../app/confirm-action';
import { QueryTable } from '../../app/connection-list';
import { roleOptions } from '../../app/labels';
import { SectionCard } from '../../app/section-card';
import { formatTimestamp } from '../../app/japan-time-format';

export function PendingInvitations({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation();
  const { ability } = useSession();
  const query = useQuery(InvitationsDocument, { variables: { organizationId } });
  const [revokeInvitation] = useMutation(RevokeInvitationDocument, {
    refetchQueries: [{ query: InvitationsDocument, variables: { organizationId } }],
    awaitRefetchQueries: true,
  });
  const revoking = useConfirmation((invitation: InvitationRowFragment) => revokeInvitation({ variables: { id: invitation.id } }));
  const canRevoke = ability.can('delete', { __typename: 'Invitation', organizationId });

  return (
    <SectionCard id="invitations-heading" title={t('members.invitations.heading')}>
      <QueryTable
        query={query}
        rows={query.data?.invitations}
        minWidth={640}
        labelledBy="invitations-heading"
        emptyLabel={t('members.invitations.empty')}
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
            cell: (invitation) => formatTimestamp(invitation.expiresAt, i18n.language),
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
                  onClick={() => revoking.ask(invitation)}
                  aria-label={t('members.invitations.revokeOf', { email: invitation.email })}
                >
                  {t('members.invitations.revoke')}
                </Button>
              ) : null,
          },
        ]}
      />
      <ConfirmActionDialog confirmation={revoking} title={t('members.invitations.revokeDialog.title')} confirmLabel={t('members.invitations.revoke')} danger>
        {(invitation) => t('members.invitations.revokeDialog.body', { email: invitation.email })}
      </ConfirmActionDialog>
    </SectionCard>
  );
}
