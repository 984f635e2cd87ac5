// Where I am signed in: each browser or device, this one marked, the others can be signed out.
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Card, Table, Text, Title } from '@mantine/core';
import { MySessionsDocument, RevokeSessionDocument } from '@tsunagu/graphql-client';
import { LoadingState } from '@tsunagu/ui';
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
        <Table.ScrollContainer minWidth={640}>
          <Table striped aria-labelledby="sessions-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account.sessions.device')}</Table.Th>
                <Table.Th>{t('account.sessions.signedInAt')}</Table.Th>
                <Table.Th>{t('account.sessions.lastUsedAt')}</Table.Th>
                <Table.Th>{t('common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sessions.map((session) => (
                <Table.Tr key={session.id}>
                  <Table.Td>
                    {describeUserAgent(session.userAgent) ?? t('account.sessions.unknownDevice')}{' '}
                    {session.current ? (
                      <Badge color="teal" variant="light" tt="none" ml={4}>
                        {t('account.sessions.thisDevice')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{formatTokyoTime(session.createdAt, i18n.language)}</Table.Td>
                  <Table.Td>{formatTokyoTime(session.lastUsedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {session.current ? null : (
                      <Button
                        size="xs"
                        variant="light"
                        color="red"
                        loading={revoking === session.id}
                        onClick={() => void revoke(session.id)}
                      >
                        {t('account.sessions.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Card>
  );
}
