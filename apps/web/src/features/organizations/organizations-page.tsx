// Network admins: the organisations of the network (by name, "load more"), admitting a new
// one, editing one, and a link to each organisation's members.
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, Table, Text } from '@mantine/core';
import type { OrganizationRowFragment } from '@tsunagu/graphql-client';
import { OrganizationsDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { organizationKindLabel } from '../../app/labels';
import { OrganizationFormModal } from './organization-form-modal';

const pageSize = 25;

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
  const { data, loading, error, fetchMore } = useQuery(OrganizationsDocument, { variables: { first: pageSize } });
  const [editing, setEditing] = useState<OrganizationRowFragment | 'new' | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const connection = data?.organizations;

  const loadMore = async () => {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({ variables: { after: connection.pageInfo.endCursor } });
    } finally {
      setLoadingMore(false);
    }
  };

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.description')}
        actions={<Button onClick={() => setEditing('new')}>{t('organizations.create')}</Button>}
      />
      <Card withBorder padding="lg">
        {loading && !connection ? <LoadingState label={t('common.loading')} /> : null}
        {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
        {connection ? (
          <>
            <Table.ScrollContainer minWidth={760}>
              <Table striped aria-label={t('organizations.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('organizations.fields.name')}</Table.Th>
                    <Table.Th>{t('organizations.fields.kind')}</Table.Th>
                    <Table.Th>{t('organizations.fields.corporateNumber')}</Table.Th>
                    <Table.Th>{t('organizations.fields.municipalityCode')}</Table.Th>
                    <Table.Th>{t('common.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {connection.nodes.map((organization) => (
                    <Table.Tr key={organization.id}>
                      <Table.Td>
                        <Text fw={500}>{organization.name}</Text>
                        {organization.nameKana ? (
                          <Text fz="xs" c="dimmed">
                            {organization.nameKana}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{organizationKindLabel(t, organization.kind)}</Table.Td>
                      <Table.Td>{organization.corporateNumber ?? '—'}</Table.Td>
                      <Table.Td>{organization.municipalityCode ?? '—'}</Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => setEditing(organization)}
                            aria-label={t('organizations.editOf', { name: organization.name })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Anchor
                            component={Link}
                            to={`/organization/profile?organization=${encodeURIComponent(organization.id)}`}
                            fz="sm"
                            aria-label={t('organizations.profileOf', { name: organization.name })}
                          >
                            {t('nav.profile')}
                          </Anchor>
                          <Anchor
                            component={Link}
                            to={`/organization/members?organization=${encodeURIComponent(organization.id)}`}
                            fz="sm"
                            aria-label={t('organizations.membersOf', { name: organization.name })}
                          >
                            {t('nav.members')}
                          </Anchor>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {connection.nodes.length === 0 ? <Text c="dimmed">{t('organizations.empty')}</Text> : null}
            {connection.pageInfo.hasNextPage ? (
              <Button variant="default" mt="md" onClick={() => void loadMore()} loading={loadingMore}>
                {t('common.loadMore')}
              </Button>
            ) : null}
          </>
        ) : null}
      </Card>
      <OrganizationFormModal organization={editing} onClose={() => setEditing(null)} />
    </>
  );
}
