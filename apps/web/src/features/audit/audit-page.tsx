// The audit log, newest first: when (Japan time), who, what and which fields changed (names
// only, never values), each in the user's language (audit-labels.ts). Network admins see the
// whole network and may narrow it to one organisation; organisation admins see their own.
import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, Select, Text } from '@mantine/core';
import { AuditLogDocument, OrganizationsDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AbilityPage } from '../../app/ability-page';
import { useSession } from '../../app/auth/use-session';
import { ConnectionTable } from '../../app/connection-list';
import { formatTimestamp } from '../../app/japan-time-format';
import { auditActionLabel, auditEntityLabel, auditFieldLabel } from './audit-labels';

const pageSize = 50;
const allOrganizations = 'all';

export function AuditPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <AbilityPage allowed={ability.can('read', 'AuditEntry')} title={t('audit.title')} description={t('audit.description')}>
      <AuditLog />
    </AbilityPage>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const { actor, ability } = useSession();
  const networkWide = ability.can('read', { __typename: 'AuditEntry', organizationId: null });
  const [organization, setOrganization] = useState<string>(allOrganizations);
  const organizationId = networkWide
    ? organization === allOrganizations
      ? null
      : organization
    : (actor?.organizationId ?? null);
  const organizations = useQuery(OrganizationsDocument, { variables: { first: 200 }, skip: !networkWide });
  const query = useQuery(AuditLogDocument, {
    variables: { organizationId, first: pageSize },
    fetchPolicy: 'cache-and-network',
  });
  const connection = query.data?.auditLog;

  return (
    <>
      {networkWide ? (
        <Select
          label={t('audit.organizationFilter')}
          mb="md"
          maw={420}
          searchable
          allowDeselect={false}
          value={organization}
          onChange={(value) => setOrganization(value ?? allOrganizations)}
          data={[
            { value: allOrganizations, label: t('audit.allOrganizations') },
            ...(organizations.data?.organizations.nodes ?? []).map((node) => ({ value: node.id, label: node.name })),
          ]}
          nothingFoundMessage={t('common.nothingFound')}
        />
      ) : null}
      <Card withBorder padding="lg">
        <ConnectionTable
          query={query}
          connection={connection}
          minWidth={760}
          label={t('audit.title')}
          columns={[
            {
              key: 'time',
              header: t('audit.time'),
              cell: (entry) => (
                <time dateTime={entry.createdAt}>{formatTimestamp(entry.createdAt, i18n.language)}</time>
              ),
            },
            {
              key: 'actor',
              header: t('audit.actor'),
              // A name is read whole: it wraps between family and given name, never one character a
              // line (CJK text may otherwise break anywhere when the badges squeeze the column).
              cell: (entry) => (
                <Text span inherit style={{ display: 'inline-block', minWidth: '6em', wordBreak: 'keep-all' }}>
                  {entry.actorName ?? t('audit.system')}
                </Text>
              ),
            },
            {
              key: 'entity',
              header: t('audit.entityColumn'),
              cell: (entry) => auditEntityLabel(i18n, entry.entity),
            },
            {
              key: 'action',
              header: t('audit.actionColumn'),
              cell: (entry) => auditActionLabel(i18n, entry.entity, entry.action),
            },
            {
              key: 'changedFields',
              header: t('audit.changedFields'),
              cell: (entry) => (
                <Group gap={4}>
                  {entry.changedFields.map((field) => (
                    <Badge key={field} variant="outline" color="gray" tt="none" radius="sm" title={field}>
                      {auditFieldLabel(i18n, entry.entity, field)}
                    </Badge>
                  ))}
                </Group>
              ),
            },
          ]}
          emptyLabel={t('audit.empty')}
        />
      </Card>
      <Text fz="xs" c="dimmed" mt="sm">
        {t('audit.timeZoneNote')}
      </Text>
    </>
  );
}
