// /people/:id — one person as my membership may see them. Outside the owning organisation the
// read states its purpose (?purpose=, REFERRAL by default); the owner's staff need none. The
// owner's case workers edit the details (編集); its admins and coordinators also see consents,
// kept records and the data-subject requests.
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, SegmentedControl, Stack, Tabs, Text } from '@mantine/core';
import { CONSENT_PURPOSES } from '@tsunagu/domain';
import { PersonDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { useSession } from '../../app/auth/use-session';
import { CategoryCards } from './category-cards';
import { ConsentsPanel } from './consents-panel';
import { PersonStatusBadge } from './person-badges';
import { PersonRecordsPanel } from './person-records-panel';
import { readPurpose } from './shared-people-page';
import { StatisticsCard } from './statistics-card';
import { SubjectRequests } from './subject-requests';
import { personName, usePeopleLabels } from './vocabulary';
import { PersonReferralsSection } from '../referrals/person-referrals-section';

export function PersonPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { ability } = useSession();
  const labels = usePeopleLabels();
  const [params, setParams] = useSearchParams();
  const purpose = readPurpose(params.get('purpose'));
  const { data, loading, error } = useQuery(PersonDocument, {
    variables: { id, purpose },
    fetchPolicy: 'network-only',
  });
  const person = data?.person;

  if (error) return <ApiErrorAlert error={readApiError(error)} />;
  if (loading && !person) return <LoadingState label={t('common.loading')} />;
  if (!person) return null;

  const owner = { organizationId: person.ownerOrganizationId };
  const canConsents = person.ownedByMe && ability.can('read', { __typename: 'Consent', ...owner });
  const canRecords = person.ownedByMe && ability.can('read', { __typename: 'PersonRecords', ...owner });
  // 編集 is the everyday change; 訂正 (at the person's own request) stays with the requests below.
  const canEdit = person.ownedByMe && person.status === 'ACTIVE' && ability.can('update', { __typename: 'Person', ...owner });
  const name = personName(person.identity);

  return (
    <>
      <PageHeader
        title={name ? t('people.detail.titleWithName', { name, pseudonym: person.pseudonym }) : person.pseudonym}
        description={t('people.detail.owner', { organization: person.ownerOrganizationName })}
        actions={
          <Group gap="sm">
            <PersonStatusBadge status={person.status} />
            {canEdit ? (
              <Button component={Link} to={`/people/${person.id}/edit`}>
                {t('people.detail.edit')}
              </Button>
            ) : null}
          </Group>
        }
      />
      <Stack gap="lg">
        <Anchor component={Link} to={person.ownedByMe ? '/people' : `/people/shared?purpose=${purpose ?? 'REFERRAL'}`} fz="sm">
          {t('people.detail.back')}
        </Anchor>
        {person.ownedByMe ? null : (
          <Group gap="sm" align="center">
            <Text component="span" fz="sm" fw={500} id="person-purpose-label">
              {t('people.purpose')}
            </Text>
            <SegmentedControl
              aria-labelledby="person-purpose-label"
              value={purpose ?? ''}
              onChange={(value) => setParams({ purpose: value })}
              data={labels.options(CONSENT_PURPOSES)}
            />
          </Group>
        )}
        {person.ownedByMe ? <SubjectRequests person={person} /> : null}
        <Tabs defaultValue="data" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="data">{t('people.detail.data')}</Tabs.Tab>
            {canConsents ? <Tabs.Tab value="consents">{t('people.consents.title')}</Tabs.Tab> : null}
            {canRecords ? <Tabs.Tab value="records">{t('people.records.title')}</Tabs.Tab> : null}
          </Tabs.List>
          <Tabs.Panel value="data" pt="md">
            <Stack gap="md">
              {person.statistics ? <StatisticsCard statistics={person.statistics} /> : null}
              <CategoryCards person={person} />
            </Stack>
          </Tabs.Panel>
          {canConsents ? (
            <Tabs.Panel value="consents" pt="md">
              <ConsentsPanel person={person} />
            </Tabs.Panel>
          ) : null}
          {canRecords ? (
            <Tabs.Panel value="records" pt="md">
              <PersonRecordsPanel personId={person.id} />
            </Tabs.Panel>
          ) : null}
        </Tabs>
        {person.ownedByMe ? <PersonReferralsSection personId={person.id} canRefer={person.status === 'ACTIVE'} /> : null}
      </Stack>
    </>
  );
}
