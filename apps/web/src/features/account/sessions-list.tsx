// Where I am signed in: each browser or device, this one marked, the others can be signed out.
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Text, Title } from '@mantine/core';
import { MySessionsDocument, RevokeSessionDocument } from '@tsunagu/graphql-client';
import { DataTable, LoadingState } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { formatTokyoTime } from '../status/format-tokyo-time';
import { describeUserAgent } from './describe-user-agent';

export function SessionsList() {
  const { t, i18n } = useTranslation();
  const { data, loading, error } = useQuery(MySessionsDocument, { fetchPolicy: 'cache-and-network' });
  const [revokeSession] = useMutation(RevokeSessionDocument, { refetchQueries: [MySessionsDocument] });
  const [revoking, setRevoking] = useState<string | null>(null);
  const [revokeError, setRevokeError] = useState<ApiError | null>(null);

  const revoke = async (id: string) => {
    setRevoking(id);
    setRevokeError(null);
    try {
      await revokeSession({ variables: { id } });
    } catch (caught) {
      setRevokeError(readApiError(caught));
    } finally {
      setRevoking(null);
    }
  };

  const sessions = data?.mySessions ?? [];

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="sessions-heading">
      <Title order={2} fz="h4" mb="xs" id="sessions-heading">
        {t('account.sessions.heading')}
      </Title>
      <Text c="dimmed" fz="sm" mb="md">
        {t('account.sessions.description')}
      </Text>
      {loading && !data ? <LoadingState label={t('common.loading')} /> : null}
      {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
      <ApiErrorAlert error={revokeError} />
      {sessions.length > 0 ? (
        <DataTable
          minWidth={640}
          labelledBy="sessions-heading"
          rows={sessions}
          rowKey={(session) => session.id}
          columns={[
            {
              key: 'device',
              header: t('account.sessions.device'),
              cell: (session) => (
                <>
                  {describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice')}{' '}
                  {session.current ? (
                    <Badge color="teal" variant="light" tt="none" ml={4}>
                      {t('account.sessions.thisDevice')}
                    </Badge>
                  ) : null}
                </>
              ),
            },
            {
              key: 'signedInAt',
              header: t('account.sessions.signedInAt'),
              cell: (session) => formatTokyoTime(session.createdAt, i18n.language),
            },
            {
              key: 'lastUsedAt',
              header: t('account.sessions.lastUsedAt'),
              cell: (session) => formatTokyoTime(session.lastUsedAt, i18n.language),
            },
            {
              key: 'actions',
              header: t('common.actions'),
              cell: (session) =>
                session.current ? null : (
                  <Button
                    size="xs"
                    variant="light"
                    color="red"
                    loading={revoking === session.id}
                    onClick={() => void revoke(session.id)}
                  >
                    {t('account.sessions.revoke')}
                  </Button>
                ),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
