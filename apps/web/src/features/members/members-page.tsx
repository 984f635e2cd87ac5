// Members of an organisation: the active one, or — for network admins — any organisation of
// the network (?organization=<id>, chosen in a picker). What the ability forbids is hidden:
// people who may not invite see no invitation form, and so on.
import { useQuery } from '@apollo/client/react';
import { Select, Stack } from '@mantine/core';
import { OrganizationDocument, OrganizationsDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { InviteMemberForm } from './invite-member-form';
import { MembersTable } from './members-table';
import { PendingInvitations } from './pending-invitations';

function OrganizationPicker({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  // A picker, not a list: the first 200 by name cover a network; the admin list pages further.
  const { data } = useQuery(OrganizationsDocument, { variables: { first: 200 } });
  const options = (data?.organizations.nodes ?? []).map((organization) => ({
    value: organization.id,
    label: organization.name,
  }));
  return (
    <Select
      label={t('members.organizationPicker')}
      data={options}
      value={value}
      onChange={(id) => id && onChange(id)}
      searchable
      allowDeselect={false}
      maw={420}
      nothingFoundMessage={t('common.nothingFound')}
    />
  );
}

export function MembersPage() {
  const { t } = useTranslation();
  const { me, ability } = useSession();
  const [params, setParams] = useSearchParams();
  const ownOrganizationId = me?.activeMembership.organization.id ?? '';
  const organizationId = params.get('organization') ?? ownOrganizationId;
  const isOwn = organizationId === ownOrganizationId;
  const { data } = useQuery(OrganizationDocument, { variables: { id: organizationId }, skip: isOwn });
  const organizationName = isOwn ? me?.activeMembership.organization.name : data?.organization.name;
  // Which roles may be offered depends on the organisation's kind.
  const organizationKind = isOwn ? me?.activeMembership.organization.kind : data?.organization.kind;

  const canRead = ability.can('read', {
    __typename: 'Membership',
    organizationId,
    userId: '',
    roles: [],
  });
  const canInvite = ability.can('create', { __typename: 'Invitation', organizationId });
  const canSeeInvitations = ability.can('read', { __typename: 'Invitation', organizationId });
  // May this membership read the members of organisations other than its own (network admins)?
  const canPickOrganization = ability.can('read', {
    __typename: 'Membership',
    organizationId: `not-${ownOrganizationId}`,
    userId: '',
    roles: [],
  });

  return (
    <>
      <PageHeader
        title={t('members.title')}
        description={organizationName ? t('members.description', { organization: organizationName }) : undefined}
      />
      <Stack gap="lg">
        {canPickOrganization ? (
          <OrganizationPicker
            value={organizationId}
            onChange={(id) => setParams(id === ownOrganizationId ? {} : { organization: id })}
          />
        ) : null}
        <RequireAbility allowed={canRead}>
          <MembersTable key={organizationId} organizationId={organizationId} organizationKind={organizationKind} />
          {canInvite ? <InviteMemberForm organizationId={organizationId} organizationKind={organizationKind} /> : null}
          {canSeeInvitations ? <PendingInvitations organizationId={organizationId} /> : null}
        </RequireAbility>
      </Stack>
    </>
  );
}
