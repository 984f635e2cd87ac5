// Where I am signed in: each browser or device, this one marked, the others can be signed out.
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button } from '@mantine/core';
import { MySessionsDocument, RevokeSessionDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError, type ApiError } from '../../app/api-errors';
import { QueryTable } from '../../app/connection-list';
import { SectionCard } from '../../app/section-card';
import { formatTimestamp } from '../../app/japan-time-format';
import { describeUserAgent } from './describe-user-agent';

export function SessionsList() {
  const { t, i18n } = useTranslation();
  const query = useQuery(MySessionsDocument, { fetchPolicy: 'cache-and-network' });
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

  return (
    <SectionCard id="sessions-heading" title={t('account.sessions.heading')} description={t('account.sessions.description')}>
      <ApiErrorAlert error={revokeError} />
      <QueryTable
        query={query}
        rows={query.data?.mySessions}
        minWidth={640}
        labelledBy="sessions-heading"
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
            cell: (session) => formatTimestamp(session.createdAt, i18n.language),
          },
          {
            key: 'lastUsedAt',
            header: t('account.sessions.lastUsedAt'),
            cell: (session) => formatTimestamp(session.lastUsedAt, i18n.language),
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
    </SectionCard>
  );
}
