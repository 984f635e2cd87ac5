// The network's security log (network admins): its members' sign-ins, failures, second steps,
// password and factor changes and ended sessions, newest first, in this network or of the account
// itself; never what a member did in another network. Choosing a name shows only that member.
import { Alert, Anchor, Button, Card, Group, Text } from '@mantine/core';
import { NetworkSecurityEventsDocument, type NetworkSecurityEventsQuery } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AbilityPage } from '../../app/ability-page';
import { useSession } from '../../app/auth/use-session';
import { ConnectionTable, useConnectionQuery } from '../../app/connection-list';
import type { ResponsiveColumn } from '../../app/responsive-table';
import { securityEventColumns } from './security-event-columns';

type NetworkEvent = NetworkSecurityEventsQuery['networkSecurityEvents']['nodes'][number];

const pageSize = 50;

export function SecurityLogPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <AbilityPage allowed={ability.can('read', 'SecurityLog')} title={t('security.log.title')} description={t('security.log.description')}>
      <SecurityLog />
    </AbilityPage>
  );
}

function SecurityLog() {
  const { t, i18n } = useTranslation();
  const [member, setMember] = useState<{ id: string; name: string } | null>(null);
  const { query, connection } = useConnectionQuery(
    NetworkSecurityEventsDocument,
    { userId: member?.id ?? null, first: pageSize },
    (data) => data.networkSecurityEvents,
  );
  const memberColumn: ResponsiveColumn<NetworkEvent> = {
    key: 'member',
    header: t('security.log.member'),
    card: 'title',
    cell: (event) =>
      member ? (
        <Text span inherit style={{ wordBreak: 'keep-all' }}>
          {event.userDisplayName}
        </Text>
      ) : (
        <Anchor
          component="button"
          type="button"
          inherit
          style={{ wordBreak: 'keep-all' }}
          title={t('security.log.showOnly', { name: event.userDisplayName })}
          onClick={() => setMember({ id: event.userId, name: event.userDisplayName })}
        >
          {event.userDisplayName}
        </Anchor>
      ),
  };
  const [time, ...rest] = securityEventColumns<NetworkEvent>(t, i18n);

  return (
    <>
      {member ? (
        <Alert mb="md" color="blue">
          <Group justify="space-between">
            <Text>{t('security.log.filteredBy', { name: member.name })}</Text>
            <Button size="xs" variant="default" onClick={() => setMember(null)}>
              {t('security.log.clearFilter')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Text c="dimmed" fz="sm" mb="sm">
          {t('security.log.filterHint')}
        </Text>
      )}
      <Card withBorder padding="lg">
        <ConnectionTable
          query={query}
          connection={connection}
          minWidth={900}
          label={t('security.log.title')}
          cardsOnPhone
          columns={[{ ...time, card: 'line' }, memberColumn, ...rest]}
          emptyLabel={t('security.log.empty')}
        />
      </Card>
      <Text fz="xs" c="dimmed" mt="sm">
        {t('security.history.timeZoneNote')}
      </Text>
    </>
  );
}
