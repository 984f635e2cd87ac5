// One grant listing (/grants/:id): everything about it, its files, the bookmark, my
// organisation's application (for those who may record one: ORG_ADMIN, COORDINATOR,
// GRANT_EDITOR), and for the publishing organisation the applications per status, editing and
// the life-cycle actions.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { APPLICATION_STATUSES, grantApplicationInputSchema } from '@tsunagu/domain';
import type { GrantApplicationStatus, GrantDetailFragment } from '@tsunagu/graphql-client';
import { GrantDocument, RecordGrantApplicationDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { useSession } from '../../app/auth/use-session';
import { useForgetQueries } from '../../app/cache';
import { LongTextField, YenField } from '../../app/form-fields';
import { useSchemaForm } from '../../app/forms';
import { BackLink, RecordPage, type RecordTexts } from '../../app/record-page';
import { SectionCard } from '../../app/section-card';
import { GrantActions } from './grant-actions';
import { BookmarkButton, GrantDetailView, SanitisedDetails } from './grant-parts';
import { formatYen, useGrantLabels } from './vocabulary';
import { formatDateTime } from '../../app/japan-time-format';

export function GrantPage() {
  const { id = '' } = useParams();
  const texts: RecordTexts = { title: 'grants.title', notFound: 'grants.notFound', back: 'grants.back' };
  return <RecordPage query={useQuery(GrantDocument, { variables: { id } })} texts={texts} backTo="/grants">{(data) => <GrantView grant={data.grant} />}</RecordPage>;
}

function GrantView({ grant }: { grant: GrantDetailFragment }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  const publisher = grant.mine && ability.can('update', 'Grant');
  const recorder = ability.can('create', 'GrantApplication') && grant.status !== 'DRAFT';
  return (
    <>
      <PageHeader
        title={grant.title}
        description={grant.funderName}
        actions={
          <>
            {grant.status !== 'DRAFT' ? <BookmarkButton grant={grant} /> : null}
            {publisher && grant.status !== 'ARCHIVED' ? (
              <Button component={Link} to={`/grants/${grant.id}/edit`} variant="default">
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      <Stack gap="lg">
        <BackLink to="/grants">{t('grants.back')}</BackLink>
        {publisher ? <GrantActions grant={grant} /> : null}
        <GrantDetailView grant={grant} details={<SanitisedDetails html={grant.detailsHtml} />} />
        {grant.applicationCounts ? <ApplicationCounts counts={grant.applicationCounts} /> : null}
        {recorder ? <ApplicationSection grant={grant} /> : null}
      </Stack>
    </>
  );
}

function ApplicationCounts({ counts }: { counts: NonNullable<GrantDetailFragment['applicationCounts']> }) {
  const { t } = useTranslation();
  const labels = useGrantLabels();
  const countOf = (status: string) => counts.find((entry) => entry.status === status)?.count ?? 0;
  return (
    <SectionCard id="grant-application-counts" title={t('grants.applications.countsTitle')}>
      <Stack gap="xs">
        <Text fz="sm" c="dimmed">
          {t('grants.applications.countsHelp')}
        </Text>
        <Table.ScrollContainer minWidth={320}>
          <Table aria-labelledby="grant-application-counts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grants.applications.status')}</Table.Th>
                <Table.Th>{t('grants.applications.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {APPLICATION_STATUSES.codes.map((status) => (
                <Table.Tr key={status}>
                  <Table.Td>{labels.applicationStatus(status)}</Table.Td>
                  <Table.Td data-testid={`count-${status}`}>{countOf(status)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </SectionCard>
  );
}

// A type, not an interface: the form layer wants values indexable by field name.
type ApplicationValues = {
  status: GrantApplicationStatus;
  amountRequested: number | string;
  amountAwarded: number | string;
  notes: string;
};

const applicationListFields = ['myApplications', 'grantApplicationTotals'];

function ApplicationSection({ grant }: { grant: GrantDetailFragment }) {
  const { t, i18n } = useTranslation();
  const labels = useGrantLabels();
  const forget = useForgetQueries(applicationListFields);
  const existing = grant.myApplication;
  const [saved, setSaved] = useState(false);
  const [record, recording] = useMutation(RecordGrantApplicationDocument, {
    refetchQueries: [{ query: GrantDocument, variables: { id: grant.id } }],
    awaitRefetchQueries: true,
  });
  const { form, apiError, onSubmit } = useSchemaForm({
    schema: grantApplicationInputSchema,
    initialValues: {
      status: existing?.status ?? 'PLANNING',
      amountRequested: existing?.amountRequested ?? '',
      amountAwarded: existing?.amountAwarded ?? '',
      notes: existing?.notes ?? '',
    } as ApplicationValues,
    // An awarded amount is sent only with the AWARDED status (the box is hidden otherwise).
    toInput: (values: ApplicationValues) => ({
      grantId: grant.id,
      status: values.status,
      amountRequested: typeof values.amountRequested === 'number' ? values.amountRequested : null,
      amountAwarded: values.status === 'AWARDED' && typeof values.amountAwarded === 'number' ? values.amountAwarded : null,
      notes: values.notes,
    }),
  });
  const status = form.values.status;

  const submit = onSubmit(async (input) => {
    setSaved(false);
    await record({ variables: { input } });
    forget();
    setSaved(true);
  });

  return (
    <SectionCard id="grant-my-application" title={t('grants.applications.mineTitle')}>
      <form onSubmit={submit} noValidate aria-labelledby="grant-my-application">
        <Stack gap="sm">
          <Text fz="sm" c="dimmed">
            {t('grants.applications.private')}
          </Text>
          {existing ? (
            <Text fz="sm" data-testid="my-application-status">
              {t('grants.applications.current', {
                status: labels.applicationStatus(existing.status),
                date: formatDateTime(existing.updatedAt, i18n.language),
              })}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('grants.applications.status')}
              data={labels.options(APPLICATION_STATUSES)}
              allowDeselect={false}
              {...form.getInputProps('status')}
            />
            <YenField
              label={t('grants.applications.amountRequested')}
              form={form} name="amountRequested"
            />
            {status === 'AWARDED' ? (
              <YenField
                label={t('grants.applications.amountAwarded')}
                form={form} name="amountAwarded"
              />
            ) : null}
          </SimpleGrid>
          <LongTextField
            label={t('grants.applications.notes')}
            rows={2}
            form={form} name="notes"
          />
          <ApiErrorAlert error={apiError} />
          {saved ? (
            <Alert color="green" variant="light" role="status">
              {t('grants.applications.saved')}
            </Alert>
          ) : null}
          {existing?.amountAwarded != null ? (
            <Text fz="sm">{t('grants.applications.awardedLine', { amount: formatYen(existing.amountAwarded, i18n.language) })}</Text>
          ) : null}
          <Group>
            <Button type="submit" loading={recording.loading}>
              {t('grants.applications.record')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
