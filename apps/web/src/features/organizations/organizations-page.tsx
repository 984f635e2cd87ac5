// Network admins: the organisations of the network (by name, "load more"), admitting a new
// one, editing one, changing its kind (after a preview of the effect), and links to each
// organisation's profile and members.
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, Text } from '@mantine/core';
import type { OrganizationRowFragment } from '@tsunagu/graphql-client';
import { OrganizationsDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { ConnectionTable } from '../../app/connection-list';
import { organizationKindLabel } from '../../app/labels';
import { usePlaceName } from '../../app/place-names';
import { OrganizationFormModal } from './organization-form-modal';
import { OrganizationKindDialog } from './organization-kind-dialog';

const pageSize = 25;

/** An organisation's own pages a network admin opens from its row (they take ?organization=). */
const organizationPages = [
  { path: '/organization/profile', label: 'nav.profile', labelOf: 'organizations.profileOf' },
  { path: '/organization/members', label: 'nav.members', labelOf: 'organizations.membersOf' },
] as const;

export function OrganizationsPage() {
  const { ability } = useSession();
  const canCreate = ability.can('create', 'Organization');
  return (
    <RequireAbility allowed={canCreate}>
      <OrganizationsList />
    </RequireAbility>
  );
}

function OrganizationsList() {
  const { t } = useTranslation();
  const placeName = usePlaceName();
  const query = useQuery(OrganizationsDocument, { variables: { first: pageSize } });
  const [editing, setEditing] = useState<OrganizationRowFragment | 'new' | null>(null);
  const [changingKind, setChangingKind] = useState<OrganizationRowFragment | null>(null);
  const connection = query.data?.organizations;

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={<Button onClick={() => setEditing('new')}>{t('organizations.create')}</Button>}
      />
      <Card withBorder padding="lg">
        <ConnectionTable
          query={query}
          connection={connection}
          minWidth={760}
          label={t('organizations.title')}
          columns={[
            {
              key: 'name',
              header: t('organizations.fields.name'),
              cell: (organization) => (
                <>
                  <Text fw={500}>{organization.name}</Text>
                  {organization.nameKana ? (
                    <Text fz="xs" c="dimmed">
                      {organization.nameKana}
                    </Text>
                  ) : null}
                </>
              ),
            },
            {
              key: 'kind',
              header: t('organizations.fields.kind'),
              cell: (organization) => organizationKindLabel(t, organization.kind),
            },
            {
              key: 'corporateNumber',
              header: t('organizations.fields.corporateNumber'),
              cell: (organization) => organization.corporateNumber ?? '—',
            },
            {
              key: 'municipalityCode',
              header: t('organizations.fields.municipalityCode'),
              cell: (organization) => (organization.municipalityCode ? placeName(organization.municipalityCode) : '—'),
            },
            {
              key: 'actions',
              header: t('common.actions'),
              cell: (organization) => (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    onClick={() => setEditing(organization)}
                    aria-label={t('organizations.editOf', { name: organization.name })}
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setChangingKind(organization)}
                    aria-label={t('organizations.changeKindOf', { name: organization.name })}
                  >
                    {t('organizations.changeKind')}
                  </Button>
                  {organizationPages.map((page) => (
                    <Anchor
                      key={page.path}
                      component={Link}
                      to={`${page.path}?organization=${encodeURIComponent(organization.id)}`}
                      fz="sm"
                      aria-label={t(page.labelOf, { name: organization.name })}
                    >
                      {t(page.label)}
                    </Anchor>
                  ))}
                </Group>
              ),
            },
          ]}
          emptyLabel={t('organizations.empty')}
        />
      </Card>
      <OrganizationFormModal organization={editing} onClose={() => setEditing(null)} />
      <OrganizationKindDialog organization={changingKind} onClose={() => setChangingKind(null)} />
    </>
  );
}
