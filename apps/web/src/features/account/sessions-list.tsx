// Where I am signed in: each browser or device with its address, how it signed in and when it was
// last used; this one marked. Another one can be signed out, or all of them but this one, each
// after a confirmation; the list (and the history below it) then reloads.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Text } from '@mantine/core';
import {
  EndOtherSessionsDocument,
  MySecurityEventsDocument,
  MySessionsDocument,
  RevokeSessionDocument,
  type MySessionsQuery,
} from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActionDialog, useConfirmation } from '../../app/confirm-action';
import { QueryTable } from '../../app/connection-list';
import { formatTimestamp } from '../../app/japan-time-format';
import { SectionCard } from '../../app/section-card';
import { deviceKindLabel, deviceLabel } from './device-label';

type Session = MySessionsQuery['mySessions'][number];

/** After a session ends: the list without it, and the history with the ending on top. */
const afterEnding = () => ({ refetchQueries: [MySessionsDocument, MySecurityEventsDocument], awaitRefetchQueries: true });

export function SessionsList() {
  const { t, i18n } = useTranslation();
  const query = useQuery(MySessionsDocument, { fetchPolicy: 'cache-and-network' });
  const [revokeSession] = useMutation(RevokeSessionDocument, afterEnding());
  const [endOtherSessions] = useMutation(EndOtherSessionsDocument, afterEnding());
  const [endedOthers, setEndedOthers] = useState<number | null>(null);
  const revoking = useConfirmation((session: Session) => revokeSession({ variables: { id: session.id } }));
  const endingOthers = useConfirmation(async () => {
    const result = await endOtherSessions();
    setEndedOthers(result.data?.endOtherSessions ?? 0);
  });
  const sessions = query.data?.mySessions;
  const hasOthers = !!sessions?.some((session) => !session.current);

  return (
    <SectionCard id="sessions-heading" title={t('security.sessions.heading')} description={t('security.sessions.description')}>
      {endedOthers !== null ? (
        <Alert color="teal" mb="sm" withCloseButton onClose={() => setEndedOthers(null)}>
          {endedOthers > 0 ? t('security.sessions.endOthersDone', { count: endedOthers }) : t('security.sessions.endOthersNone')}
        </Alert>
      ) : null}
      <QueryTable
        query={query}
        rows={sessions}
        minWidth={760}
        labelledBy="sessions-heading"
        columns={[
          {
            key: 'device',
            header: t('security.sessions.device'),
            cell: (session) => (
              <>
                <Text span inherit>
                  {deviceLabel(t, session.device)}
                </Text>
                {session.current ? (
                  <Badge color="teal" variant="light" tt="none" ml={4}>
                    {t('security.sessions.thisDevice')}
                  </Badge>
                ) : null}
                {session.device ? (
                  <Text fz="xs" c="dimmed">
                    {deviceKindLabel(t, session.device)}
                  </Text>
                ) : null}
              </>
            ),
          },
          { key: 'address', header: t('security.sessions.address'), cell: (session) => session.ipAddress ?? '—' },
          {
            key: 'method',
            header: t('security.sessions.method'),
            cell: (session) => (session.authenticatedWith ? t(`security.sessionMethod.${session.authenticatedWith}`) : '—'),
          },
          {
            key: 'signedInAt',
            header: t('security.sessions.signedInAt'),
            cell: (session) => formatTimestamp(session.createdAt, i18n.language),
          },
          {
            key: 'lastUsedAt',
            header: t('security.sessions.lastUsedAt'),
            cell: (session) => formatTimestamp(session.lastUsedAt, i18n.language),
          },
          {
            key: 'actions',
            header: t('common.actions'),
            cell: (session) =>
              session.current ? null : (
                <Button size="xs" variant="light" color="red" onClick={() => revoking.ask(session)}>
                  {t('security.sessions.revoke')}
                </Button>
              ),
          },
        ]}
      />
      {hasOthers ? (
        <Group mt="md">
          <Button variant="light" color="red" onClick={() => endingOthers.ask(true)}>
            {t('security.sessions.endOthers')}
          </Button>
        </Group>
      ) : null}
      <ConfirmActionDialog
        confirmation={revoking}
        title={t('security.sessions.revokeTitle')}
        confirmLabel={t('security.sessions.revoke')}
        danger
      >
        {(session) => (
          <Text>
            {t('security.sessions.revokeBody', {
              device: deviceLabel(t, session.device),
              lastUsedAt: formatTimestamp(session.lastUsedAt, i18n.language),
            })}
          </Text>
        )}
      </ConfirmActionDialog>
      <ConfirmActionDialog
        confirmation={endingOthers}
        title={t('security.sessions.endOthersTitle')}
        confirmLabel={t('security.sessions.endOthers')}
        danger
      >
        {() => <Text>{t('security.sessions.endOthersBody')}</Text>}
      </ConfirmActionDialog>
    </SectionCard>
  );
}
