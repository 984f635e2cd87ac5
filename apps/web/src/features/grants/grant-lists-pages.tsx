// The grant pages that list: my organisation's listings (/grants/mine, publishers), my
// bookmarks (/grants/bookmarks), my saved searches (/grants/saved, mailed daily with new
// matches) and my organisation's applications (/grants/applications), where network admins
// also see the totals over the network's grants.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { APPLICATION_STATUSES } from '@tsunagu/domain';
import {
  DeleteSavedGrantSearchDocument,
  GrantApplicationTotalsDocument,
  MyGrantApplicationsDocument,
  MyGrantBookmarksDocument,
  MyGrantsDocument,
  MySavedGrantSearchesDocument,
  type GrantSearchCriteriaFieldsFragment,
} from '@tsunagu/graphql-client';
import { DataTable, LoadingState, PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { AbilityPage } from '../../app/ability-page';
import { useSession } from '../../app/auth/use-session';
import { usePlaceName } from '../../app/place-names';
import { ConfirmActionDialog, useConfirmation } from '../../app/confirm-action';
import { ConnectionList, LoadMoreButton, useConnectionQuery } from '../../app/connection-list';
import { organizationKindLabel } from '../../app/labels';
import { SectionCard } from '../../app/section-card';
import { useLoadMore } from '../../app/use-load-more';
import { GrantCard, GrantsTabs, StatusBadge } from './grant-parts';
import { filtersOfCriteria, writeFilters } from './search-params';
import { formatYen, useGrantLabels } from './vocabulary';
import { formatDateTime } from '../../app/japan-time-format';

const pageSize = 20;

export function MyGrantsPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const allowed = ability.can('create', 'Grant');
  const { query, connection: result } = useConnectionQuery(MyGrantsDocument, { first: pageSize }, (data) => data.myGrants, { skip: !allowed });
  return (
    <AbilityPage
      allowed={allowed}
      title={t('grants.mine.title')}
      description={t('grants.mine.description')}
      actions={
        <Button component={Link} to="/grants/new">
          {t('grants.editor.new')}
        </Button>
      }
    >
      <GrantsTabs />
      <ConnectionList query={query} connection={result}
        empty={t('grants.mine.empty')}
        renderItem={(grant) => (
          <GrantCard
            grant={grant}
            showStatus
            action={
              grant.status !== 'ARCHIVED' ? (
                <Button size="xs" variant="default" component={Link} to={`/grants/${grant.id}/edit`}>
                  {t('common.edit')}
                </Button>
              ) : (
                <span />
              )
            }
          />
        )}
      />
    </AbilityPage>
  );
}

export function GrantBookmarksPage() {
  const { t } = useTranslation();
  const query = useQuery(MyGrantBookmarksDocument, {
    variables: { first: pageSize },
    fetchPolicy: 'cache-and-network',
  });
  const result = query.data?.myBookmarks;
  return (
    <>
      <PageHeader title={t('grants.bookmarks.title')} description={t('grants.bookmarks.description')} />
      <GrantsTabs />
      <ConnectionList query={query} connection={result}
        empty={t('grants.bookmarks.empty')}
        renderItem={(grant) => <GrantCard grant={grant} />}
      />
    </>
  );
}

/** A saved search's criteria in words, e.g. 「キーワード: 居場所 ／ 受付中のみ」. */
function useCriteriaSummary() {
  const { t } = useTranslation();
  const labels = useGrantLabels();
  const placeName = usePlaceName();
  return (criteria: GrantSearchCriteriaFieldsFragment): string => {
    const separator = t('grants.listSeparator');
    const parts: string[] = [];
    if (criteria.keywords) parts.push(t('grants.saved.criteria.keywords', { value: criteria.keywords }));
    if (criteria.openNow) parts.push(t('grants.openNow'));
    if (criteria.closingWithinDays) parts.push(t('grants.closingDays', { count: criteria.closingWithinDays }));
    if (criteria.themes?.length) parts.push(criteria.themes.map(labels.theme).join(separator));
    if (criteria.municipalityCode) parts.push(t('grants.saved.criteria.region', { value: placeName(criteria.municipalityCode) }));
    if (criteria.organizationKinds?.length) parts.push(criteria.organizationKinds.map((kind) => organizationKindLabel(t, kind)).join(separator));
    if (criteria.legalForms?.length) parts.push(criteria.legalForms.map(labels.legalForm).join(separator));
    if (criteria.funderKinds?.length) parts.push(criteria.funderKinds.map(labels.funderKind).join(separator));
    if (criteria.grantTypes?.length) parts.push(criteria.grantTypes.map(labels.grantType).join(separator));
    if (criteria.amountFrom != null || criteria.amountTo != null) {
      parts.push(t('grants.saved.criteria.amount', { from: criteria.amountFrom ?? '', to: criteria.amountTo ?? '' }));
    }
    return parts.length ? parts.join(t('grants.saved.criteria.separator')) : t('grants.saved.criteria.all');
  };
}

export function SavedGrantSearchesPage() {
  const { t, i18n } = useTranslation();
  const client = useApolloClient();
  const summary = useCriteriaSummary();
  const query = useQuery(MySavedGrantSearchesDocument, {
    variables: { first: pageSize },
    fetchPolicy: 'cache-and-network',
  });
  const result = query.data?.mySavedSearches;
  const [remove] = useMutation(DeleteSavedGrantSearchDocument);
  const deletion = useConfirmation(async (search: { id: string; name: string }) => {
    await remove({ variables: { id: search.id } });
    client.cache.evict({ id: client.cache.identify({ __typename: 'GrantSavedSearch', id: search.id }) });
    client.cache.gc();
  });

  return (
    <>
      <PageHeader title={t('grants.saved.title')} description={t('grants.saved.description')} />
      <GrantsTabs />
      <Alert color="blue" variant="light" mb="md">
        {t('grants.saved.dailyMail')}
      </Alert>
      <ConnectionList query={query} connection={result}
        empty={
          <Text c="dimmed">
            {t('grants.saved.empty')}{' '}
            <Anchor component={Link} to="/grants">
              {t('grants.tabs.search')}
            </Anchor>
          </Text>
        }
        renderItem={(search) => (
          <Card withBorder padding="md" component="article" aria-labelledby={`saved-${search.id}`}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Stack gap={2} style={{ flex: '1 1 16rem' }}>
                <Title order={3} fz="h5" id={`saved-${search.id}`}>
                  <Anchor component={Link} to={`/grants?${writeFilters(filtersOfCriteria(search.criteria)).toString()}`}>
                    {search.name}
                  </Anchor>
                </Title>
                <Text fz="sm">{summary(search.criteria)}</Text>
                <Text fz="xs" c="dimmed">
                  {t('grants.saved.createdAt', { date: formatDateTime(search.createdAt, i18n.language) })}
                </Text>
              </Stack>
              <Button
                size="xs"
                color="red"
                variant="light"
                aria-label={t('grants.saved.deleteNamed', { name: search.name })}
                onClick={() => deletion.ask({ id: search.id, name: search.name })}
              >
                {t('grants.saved.delete')}
              </Button>
            </Group>
          </Card>
        )}
      />
      <ConfirmActionDialog
        confirmation={deletion}
        title={t('grants.saved.deleteTitle')}
        confirmLabel={t('grants.saved.delete')}
        danger
      >
        {(search) => t('grants.saved.deleteBody', { name: search.name })}
      </ConfirmActionDialog>
    </>
  );
}

function ApplicationTotals() {
  const { t, i18n } = useTranslation();
  const labels = useGrantLabels();
  const { data, loading, error } = useQuery(GrantApplicationTotalsDocument, { fetchPolicy: 'cache-and-network' });
  const totals = data?.grantApplicationTotals;
  return (
    <SectionCard id="grant-totals-heading" title={t('grants.totals.title')} description={t('grants.totals.help')} mb="lg">
      <Stack gap="sm">
        {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
        {loading && !totals ? <LoadingState label={t('common.loading')} /> : null}
        {totals ? (
          <>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Text>{t('grants.totals.grantsWithApplications', { count: totals.grantsWithApplications })}</Text>
              <Text>{t('grants.totals.awardedAmount', { amount: formatYen(totals.awardedAmount, i18n.language) })}</Text>
            </SimpleGrid>
            <Group gap="xs">
              {APPLICATION_STATUSES.codes.map((status) => (
                <Badge key={status} variant="light" tt="none" size="lg" radius="sm">
                  {t('grants.totals.statusCount', {
                    status: labels.applicationStatus(status),
                    count: totals.byStatus.find((entry) => entry.status === status)?.count ?? 0,
                  })}
                </Badge>
              ))}
            </Group>
          </>
        ) : null}
      </Stack>
    </SectionCard>
  );
}

export function GrantApplicationsPage() {
  const { t, i18n } = useTranslation();
  const labels = useGrantLabels();
  const { ability } = useSession();
  const networkAdmin = ability.can('read', 'GrantApplicationTotals');
  const recorder = ability.can('read', 'GrantApplication');
  const { data, loading, error, fetchMore } = useQuery(MyGrantApplicationsDocument, {
    variables: { first: pageSize },
    fetchPolicy: 'cache-and-network',
    skip: !recorder,
  });
  const result = data?.myApplications;
  const { loadingMore, loadMore } = useLoadMore(fetchMore, result?.pageInfo.endCursor);
  const yenOrNotSet = (amount: number | null | undefined) => (amount != null ? formatYen(amount, i18n.language) : t('grants.notSet'));
  return (
    <AbilityPage allowed={recorder || networkAdmin} title={t('grants.applications.title')} description={t('grants.applications.description')}>
      <GrantsTabs />
      {networkAdmin ? <ApplicationTotals /> : null}
      {recorder ? (
        <section aria-labelledby="grant-applications-heading">
          <Title order={2} fz="h4" mb="sm" id="grant-applications-heading">
            {t('grants.applications.listTitle')}
          </Title>
          {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
          {loading && !result ? <LoadingState label={t('common.loading')} /> : null}
          {result && result.nodes.length === 0 ? <Text c="dimmed">{t('grants.applications.empty')}</Text> : null}
          {result && result.nodes.length > 0 ? (
            <DataTable
              labelledBy="grant-applications-heading"
              minWidth={640}
              rows={result.nodes}
              rowKey={(application) => application.id}
              columns={[
                {
                  key: 'title', header: t('grants.fields.title'),
                  cell: (application) =>
                    application.grant ? (
                      <Stack gap={2}>
                        <Anchor component={Link} to={`/grants/${application.grant.id}`}>
                          {application.grant.title}
                        </Anchor>
                        <Group gap={4}>
                          <Text fz="xs" c="dimmed">
                            {application.grant.funderName}
                          </Text>
                          <StatusBadge status={application.grant.status} />
                        </Group>
                      </Stack>
                    ) : (
                      <Text c="dimmed">{t('grants.applications.grantGone')}</Text>
                    ),
                },
                { key: 'status', header: t('grants.applications.status'), cell: (application) => labels.applicationStatus(application.status) },
                { key: 'amountRequested', header: t('grants.applications.amountRequested'), cell: (application) => yenOrNotSet(application.amountRequested) },
                { key: 'amountAwarded', header: t('grants.applications.amountAwarded'), cell: (application) => yenOrNotSet(application.amountAwarded) },
                { key: 'updatedAt', header: t('grants.applications.updatedAt'), cell: (application) => formatDateTime(application.updatedAt, i18n.language) },
              ]}
            />
          ) : null}
          <LoadMoreButton hasMore={result?.pageInfo.hasNextPage} loading={loadingMore} onClick={() => void loadMore()} />
        </section>
      ) : null}
    </AbilityPage>
  );
}
