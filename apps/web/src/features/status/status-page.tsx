// The status page: the API's health read through GraphQL (Query.health), with a refresh button.
// A failure shows a translated explanation, never the raw error. Public at /status (for
// operations and signed-out visitors); network admins find it at /admin/status in the settings
// navigation, since the home page is the member's work (issue 16).
import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Title } from '@mantine/core';
import { HealthDocument } from '@tsunagu/graphql-client';
import { DescriptionList, LoadingState, PageHeader, StatusBadge } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { formatTimestamp } from '../../app/japan-time-format';

export function StatusPage() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(HealthDocument, {
    fetchPolicy: 'network-only',
    notifyOnNetworkStatusChange: true,
  });

  const refresh = () => {
    // The outcome (data or error) is rendered from the hook's state; nothing to do here.
    refetch().catch(() => undefined);
  };

  const health = data?.health;

  return (
    <>
      <PageHeader
        title={t('status.title')}
        description={t('status.description')}
        actions={
          <Button onClick={refresh} loading={loading} variant="light">
            {t('status.refresh')}
          </Button>
        }
      />
      {loading && !health ? <LoadingState label={t('status.loading')} /> : null}
      {error && !loading ? (
        <Alert role="alert" color="red" variant="light" title={t('status.error.title')} mb="md">
          {t('status.error.body')}
        </Alert>
      ) : null}
      {health && !error ? (
        <Card withBorder padding="lg" component="section" aria-labelledby="status-summary-heading">
          <Title order={2} fz="h4" mb="md" id="status-summary-heading">
            {t('status.summaryHeading')}
          </Title>
          <DescriptionList
            items={[
              {
                term: t('status.overall'),
                description: (
                  <StatusBadge status={health.status} label={t(`status.value.${health.status}`)} />
                ),
              },
              {
                term: t('status.database'),
                description: (
                  <StatusBadge status={health.database} label={t(`status.value.${health.database}`)} />
                ),
              },
              { term: t('status.version'), description: health.version },
              { term: t('status.environment'), description: health.environment },
              {
                term: t('status.checkedAt'),
                description: (
                  <time dateTime={health.checkedAt}>
                    {t('status.checkedAtZone', {
                      dateTime: formatTimestamp(health.checkedAt, i18n.language),
                    })}
                  </time>
                ),
              },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}

/** /admin/status: the same page inside the admin settings, for the network's admins. */
export function AdminStatusPage() {
  const { me, ability } = useSession();
  const network = me?.activeMembership.network;
  return (
    <RequireAbility allowed={!!network && ability.can('update', { __typename: 'Network', id: network.id })}>
      <StatusPage />
    </RequireAbility>
  );
}
