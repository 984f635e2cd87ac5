// The members of one organisation, oldest first, 25 at a time ("load more", keyset cursor).
// Each row offers what the ability allows on that membership: change roles, disable/enable.
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Text } from '@mantine/core';
import type { OrganizationKind } from '@tsunagu/domain';
import type { MemberRowFragment } from '@tsunagu/graphql-client';
import { MembersDocument } from '@tsunagu/graphql-client';
import { RoleBadges } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/use-session';
import { ConnectionTable } from '../../app/connection-list';
import { roleOptions } from '../../app/labels';
import { SectionCard } from '../../app/section-card';
import { DisableMemberDialog } from './disable-member-dialog';
import { MemberRolesModal } from './member-roles-modal';

const pageSize = 25;

export function MembersTable({ organizationId, organizationKind }: { organizationId: string; organizationKind: OrganizationKind | undefined }) {
  const { t } = useTranslation();
  const { me, ability } = useSession();
  const query = useQuery(MembersDocument, {
    variables: { organizationId, first: pageSize },
    notifyOnNetworkStatusChange: true,
  });
  const [editingRoles, setEditingRoles] = useState<MemberRowFragment | null>(null);
  const [togglingDisabled, setTogglingDisabled] = useState<MemberRowFragment | null>(null);

  const connection = query.data?.members;

  return (
    <SectionCard id="members-heading" title={t('members.listHeading')}>
      <ConnectionTable
        query={query}
        connection={connection}
        minWidth={720}
        labelledBy="members-heading"
        columns={[
          { key: 'displayName', header: t('fields.displayName'), cell: (member) => member.user.displayName },
          {
            key: 'email',
            header: t('fields.email'),
            cell: (member) => (
              <Text fz="sm" style={{ wordBreak: 'break-all' }}>
                {member.user.email}
              </Text>
            ),
          },
          {
            key: 'roles',
            header: t('fields.roles'),
            cell: (member) => <RoleBadges roles={roleOptions(t, member.roles)} />,
          },
          {
            key: 'status',
            header: t('members.status'),
            cell: (member) => (
              <Badge color={member.disabled ? 'gray' : 'teal'} variant={member.disabled ? 'outline' : 'light'} tt="none">
                {member.disabled ? t('members.disabled') : t('members.active')}
              </Badge>
            ),
          },
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (member) => {
              const subject = {
                __typename: 'Membership' as const,
                organizationId,
                userId: member.user.id,
                roles: member.roles,
              };
              // Nobody edits or disables themselves here: locking oneself out is too easy.
              const canUpdate = ability.can('update', subject) && member.user.id !== me?.id;
              return canUpdate ? (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setEditingRoles(member)}
                    aria-label={t('members.changeRolesOf', { name: member.user.displayName })}
                  >
                    {t('members.changeRoles')}
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    color={member.disabled ? 'teal' : 'red'}
                    onClick={() => setTogglingDisabled(member)}
                    aria-label={t(member.disabled ? 'members.enableOf' : 'members.disableOf', {
                      name: member.user.displayName,
                    })}
                  >
                    {member.disabled ? t('members.enable') : t('members.disable')}
                  </Button>
                </Group>
              ) : null;
            },
          },
        ]}
        emptyLabel={t('members.empty')}
      />
      <MemberRolesModal member={editingRoles} organizationKind={organizationKind} onClose={() => setEditingRoles(null)} />
      <DisableMemberDialog member={togglingDisabled} onClose={() => setTogglingDisabled(null)} />
    </SectionCard>
  );
}
