// What is kept about one person (owning organisation admins and coordinators): reads by other
// organisations, third-party provision records and corrections.
import { useQuery } from '@apollo/client/react';
import { Stack, Title } from '@mantine/core';
import { PersonAccessLogDocument, PersonCorrectionsDocument, ProvisionRecordsDocument } from '@tsunagu/graphql-client';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConnectionTable, QueryTable } from '../../app/connection-list';
import { usePeopleLabels } from './vocabulary';
import { formatDateTime } from '../../app/japan-time-format';
import { ShortCode } from '../../app/short-code';

export function PersonRecordsPanel({ personId }: { personId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xl">
      <RecordsSection id="person-access-heading" title={t('people.records.access')}>
        <AccessLog personId={personId} />
      </RecordsSection>
      <RecordsSection id="person-provision-heading" title={t('people.records.provision')}>
        <ProvisionRecordsTable personId={personId} labelledBy="person-provision-heading" />
      </RecordsSection>
      <RecordsSection id="person-corrections-heading" title={t('people.records.corrections')}>
        <Corrections personId={personId} />
      </RecordsSection>
    </Stack>
  );
}

function RecordsSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} fz="h4" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function AccessLog({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const query = useQuery(PersonAccessLogDocument, { variables: { personId, first: 20 }, fetchPolicy: 'network-only' });
  return (
    <ConnectionTable
      query={query}
      connection={query.data?.personAccessLog}
      labelledBy="person-access-heading"
      minWidth={640}
      cardsOnPhone
      emptyLabel={t('people.records.accessEmpty')}
      columns={[
        { key: 'at', header: t('people.records.at'), cell: (row) => formatDateTime(row.accessedAt, labels.language) },
        { key: 'organization', header: t('people.records.organization'), cell: (row) => row.organization.name },
        { key: 'user', header: t('people.records.user'), cell: (row) => row.userName ?? '' },
        { key: 'purpose', header: t('people.purpose'), cell: (row) => (row.purpose ? labels.purpose(row.purpose) : '') },
        {
          key: 'categories',
          header: t('people.fields.disclosed'),
          cell: (row) => (row.categories.length ? labels.list(row.categories.map(labels.category)) : t('people.nothingDisclosed')),
        },
      ]}
    />
  );
}

/** Provision records, for one person or (without personId) for the given filter. */
export function ProvisionRecordsTable({
  personId,
  filter,
  skip = false,
  labelledBy,
}: {
  personId?: string;
  filter?: { side: 'PROVIDED' | 'RECEIVED'; from?: string | null; to?: string | null };
  /** True while the filter cannot match anything (a reversed range): no query, no rows. */
  skip?: boolean;
  labelledBy: string;
}) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const query = useQuery(ProvisionRecordsDocument, {
    variables: { filter: { side: 'PROVIDED', ...filter, ...(personId ? { personId } : {}) }, first: 30 },
    skip,
    fetchPolicy: 'network-only',
  });
  return (
    <ConnectionTable
      query={query}
      connection={query.data?.provisionRecords}
      labelledBy={labelledBy}
      minWidth={720}
      cardsOnPhone
      emptyLabel={t('people.records.provisionEmpty')}
      columns={[
        { key: 'at', header: t('people.records.at'), cell: (row) => formatDateTime(row.providedAt, labels.language) },
        { key: 'person', header: t('people.fields.pseudonym'), cell: (row) => <ShortCode>{row.personPseudonym}</ShortCode> },
        { key: 'provider', header: t('people.records.provider'), cell: (row) => row.provider.name },
        { key: 'recipient', header: t('people.records.recipient'), cell: (row) => row.recipient.name },
        { key: 'purpose', header: t('people.purpose'), cell: (row) => labels.purpose(row.purpose) },
        { key: 'categories', header: t('people.consents.categories'), cell: (row) => labels.list(row.categories.map(labels.category)) },
      ]}
    />
  );
}

function Corrections({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const query = useQuery(PersonCorrectionsDocument, { variables: { personId }, fetchPolicy: 'network-only' });
  return (
    <QueryTable
      query={query}
      rows={query.data?.personCorrections}
      labelledBy="person-corrections-heading"
      minWidth={560}
      cardsOnPhone
      emptyLabel={t('people.records.correctionsEmpty')}
      columns={[
        { key: 'at', header: t('people.records.at'), cell: (row) => formatDateTime(row.correctedAt, labels.language) },
        { key: 'by', header: t('people.records.user'), cell: (row) => row.correctedByName ?? '' },
        { key: 'fields', header: t('people.records.fields'), cell: (row) => labels.list(row.fields) },
        { key: 'reason', header: t('people.records.reason'), cell: (row) => row.reason ?? '' },
      ]}
    />
  );
}
