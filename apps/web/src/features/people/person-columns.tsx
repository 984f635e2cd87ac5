// The columns every table of people starts with: the pseudonym, linking to the person's page,
// and the name (or "withheld" where the name is not disclosed).
import { Anchor } from '@mantine/core';
import type { PersonSummaryFragment } from '@tsunagu/graphql-client';
import type { DataTableColumn } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { personName } from './vocabulary';

export function usePersonColumns(pageOf: (person: PersonSummaryFragment) => string): DataTableColumn<PersonSummaryFragment>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'pseudonym',
      header: t('people.fields.pseudonym'),
      cell: (person) => (
        <Anchor component={Link} to={pageOf(person)} ff="monospace">
          {person.pseudonym}
        </Anchor>
      ),
    },
    { key: 'name', header: t('people.fields.name'), cell: (person) => personName(person.identity) ?? t('people.withheld') },
  ];
}
