// People of other organisations shared with mine: for the chosen purpose (in the URL as
// ?purpose=, REFERRAL by default), who owns each record and which categories I may see.
import { useQuery } from '@apollo/client/react';
import { Badge, Group, Text } from '@mantine/core';
import { CONSENT_PURPOSES, type ConsentPurpose } from '@tsunagu/domain';
import { SharedPeopleDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ConnectionTable } from '../../app/connection-list';
import { LabelledChoice } from '../../app/labelled-choice';
import { PeopleListFrame } from './people-tabs';
import { usePersonColumns } from './person-columns';
import { usePeopleLabels } from './vocabulary';

const pageSize = 30;

export function readPurpose(value: string | null): ConsentPurpose | null {
  return (CONSENT_PURPOSES.codes as readonly string[]).includes(value ?? '') ? (value as ConsentPurpose) : null;
}

export function SharedPeoplePage() {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const [params, setParams] = useSearchParams();
  const purpose = readPurpose(params.get('purpose')) ?? 'REFERRAL';

  return (
    <PeopleListFrame description={t('people.sharedDescription')}>
      <LabelledChoice
        label={t('people.purpose')}
        value={purpose}
        onChange={(value) => setParams({ purpose: value })}
        data={labels.options(CONSENT_PURPOSES)}
      />
      <SharedTable purpose={purpose} />
    </PeopleListFrame>
  );
}

function SharedTable({ purpose }: { purpose: ConsentPurpose }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const query = useQuery(SharedPeopleDocument, {
    variables: { purpose, first: pageSize },
    fetchPolicy: 'network-only',
  });
  const connection = query.data?.sharedPeople;
  const personColumns = usePersonColumns((person) => `/people/${person.id}?purpose=${purpose}`);
  return (
    <ConnectionTable
      query={query}
      connection={connection}
      label={t('people.sharedListLabel')}
      minWidth={680}
      cardsOnPhone
      emptyLabel={t('people.sharedEmpty')}
      columns={[
        ...personColumns,
        { key: 'owner', header: t('people.fields.owner'), cell: (person) => person.ownerOrganizationName },
        {
          key: 'categories',
          header: t('people.fields.disclosed'),
          cell: (person) => {
            const disclosed = person.categories.filter((state) => state.access === 'DISCLOSED');
            return disclosed.length ? (
              <Group gap={4}>
                {disclosed.map((state) => (
                  <Badge key={state.category} variant="light" radius="sm" tt="none">
                    {labels.category(state.category)}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text fz="sm">{t('people.nothingDisclosed')}</Text>
            );
          },
        },
      ]}
    />
  );
}
