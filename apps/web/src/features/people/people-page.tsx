// My organisation's people supported (当事者): search by name or kana (kept in the URL as ?q=),
// newest first, with "load more". Names show only where the identity is disclosed to me.
import { useQuery } from '@apollo/client/react';
import { Button } from '@mantine/core';
import { PeopleDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../app/auth/use-session';
import { ConnectionTable } from '../../app/connection-list';
import { PersonStatusBadge } from './person-badges';
import { PersonSearchBox } from './person-search-box';
import { PeopleListFrame } from './people-tabs';
import { usePersonColumns } from './person-columns';
import { personKana, usePeopleLabels } from './vocabulary';
import { formatInstantDate } from '../../app/japan-time-format';
import { formatDate } from '../directory/vocabulary';

const pageSize = 30;

export function PeoplePage() {
  const { t } = useTranslation();
  const { actor, ability } = useSession();
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const canCreate = ability.can('create', { __typename: 'Person', organizationId: actor?.organizationId ?? '' });
  const canSeeRecords = ability.can('read', { __typename: 'PersonRecords', organizationId: actor?.organizationId ?? '' });

  return (
    <PeopleListFrame
      description={t('people.description')}
      actions={
        <>
          {canSeeRecords ? (
            <Button component={Link} to="/records/provision" variant="default">
              {t('records.title')}
            </Button>
          ) : null}
          {canCreate ? (
            <Button component={Link} to="/people/new">
              {t('people.register')}
            </Button>
          ) : null}
        </>
      }
    >
      <PersonSearchBox label={t('people.searchLabel')} value={search} onSearch={(value) => setParams(value ? { q: value } : {})} />
      <PeopleTable search={search} />
    </PeopleListFrame>
  );
}

function PeopleTable({ search }: { search: string }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const query = useQuery(PeopleDocument, {
    variables: { search: search || undefined, first: pageSize },
    fetchPolicy: 'cache-and-network',
  });
  const connection = query.data?.people;
  const personColumns = usePersonColumns((person) => `/people/${person.id}`);
  return (
    <ConnectionTable
      query={query}
      connection={connection}
      label={t('people.listLabel')}
      minWidth={680}
      cardsOnPhone
      emptyLabel={search ? t('people.noResults') : t('people.empty')}
      columns={[
        ...personColumns,
        { key: 'kana', header: t('people.fields.kana'), cell: (person) => personKana(person.identity) ?? '' },
        {
          key: 'birthDate',
          header: t('people.fields.birthDate'),
          cell: (person) =>
            person.identity.values?.birthDate ? formatDate(person.identity.values.birthDate, labels.language) : '',
        },
        { key: 'status', header: t('people.fields.status'), card: 'badge', cell: (person) => <PersonStatusBadge status={person.status} /> },
        {
          key: 'createdAt',
          header: t('people.fields.registeredAt'),
          cell: (person) => formatInstantDate(person.createdAt, labels.language),
        },
      ]}
    />
  );
}
