// The audit log, newest first: when (Japan time), who, what and which fields changed (names
// only, never values). Network admins see the whole network and may narrow it to one
// organisation; organisation admins see their own organisation.
import { useQuery } from '@apollo/client/react';
import { Badge, Card, Group, Select, Text } from '@mantine/core';
import { AuditLogDocument, OrganizationsDocument } from '@tsunagu/graphql-client';
import { ORGANIZATION_KINDS, type OrganizationKind } from '@tsunagu/domain';
import type { ParseKeys, TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AbilityPage } from '../../app/ability-page';
import { useSession } from '../../app/auth/use-session';
import { ConnectionTable } from '../../app/connection-list';
import { organizationKindLabel } from '../../app/labels';
import { formatTimestamp } from '../../app/japan-time-format';

const pageSize = 50;
const allOrganizations = 'all';

const entityLabels: Partial<Record<string, ParseKeys>> = {
  Invitation: 'audit.entity.Invitation',
  Membership: 'audit.entity.Membership',
  Organization: 'audit.entity.Organization',
  Service: 'audit.entity.Service',
  User: 'audit.entity.User',
};

const actionLabels: Partial<Record<string, ParseKeys>> = {
  CREATED: 'audit.action.CREATED',
  UPDATED: 'audit.action.UPDATED',
  REVOKED: 'audit.action.REVOKED',
  CREATED_BY_INVITATION: 'audit.action.CREATED_BY_INVITATION',
  ROLES_CHANGED: 'audit.action.ROLES_CHANGED',
  DISABLED: 'audit.action.DISABLED',
  ENABLED: 'audit.action.ENABLED',
  PASSWORD_CHANGED: 'audit.action.PASSWORD_CHANGED',
  IMPORTED: 'audit.action.IMPORTED',
  ROLES_REMOVED_BY_KIND_RULE: 'audit.action.ROLES_REMOVED_BY_KIND_RULE',
};

/** An organisation's kind change is recorded as KIND_CHANGED:<from>:<to> (kinds are no personal data). */
function actionLabel(t: TFunction, action: string): string {
  const [verb, from, to] = action.split(':');
  if (verb === 'KIND_CHANGED' && isOrganizationKind(from) && isOrganizationKind(to)) {
    return t('audit.action.KIND_CHANGED', { from: organizationKindLabel(t, from), to: organizationKindLabel(t, to) });
  }
  return labelOf(t, actionLabels, action);
}

function isOrganizationKind(value: string | undefined): value is OrganizationKind {
  return (ORGANIZATION_KINDS as readonly string[]).includes(value ?? '');
}

/** A known value's label; an unknown one (from a newer API) is shown as recorded. */
function labelOf(t: TFunction, labels: Partial<Record<string, ParseKeys>>, value: string): string {
  const key = labels[value];
  return key ? t(key) : value;
}

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
            { key: 'actor', header: t('audit.actor'), cell: (entry) => entry.actorName ?? t('audit.system') },
            {
              key: 'entity',
              header: t('audit.entityColumn'),
              cell: (entry) => labelOf(t, entityLabels, entry.entity),
            },
            {
              key: 'action',
              header: t('audit.actionColumn'),
              cell: (entry) => actionLabel(t, entry.action),
            },
            {
              key: 'changedFields',
              header: t('audit.changedFields'),
              cell: (entry) => (
                <Group gap={4}>
                  {entry.changedFields.map((field) => (
                    <Badge key={field} variant="outline" color="gray" tt="none" radius="sm">
                      {field}
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
