// The columns every table of people starts with: the pseudonym, linking to the person's page
// (kept on one line, and a phone card's title), and the name (or "withheld" where the name is not
// disclosed).
import { Anchor } from '@mantine/core';
import type { PersonSummaryFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ResponsiveColumn } from '../../app/responsive-table';
import { ShortCode } from '../../app/short-code';
import { personName } from './vocabulary';

export function usePersonColumns(pageOf: (person: PersonSummaryFragment) => string): ResponsiveColumn<PersonSummaryFragment>[] {
  const { t } = useTranslation();
  return [
    {
      key: 'pseudonym',
      header: t('people.fields.pseudonym'),
      card: 'title',
      cell: (person) => (
        <Anchor component={Link} to={pageOf(person)}>
          <ShortCode fz="inherit">{person.pseudonym}</ShortCode>
        </Anchor>
      ),
    },
    { key: 'name', header: t('people.fields.name'), cell: (person) => personName(person.identity) ?? t('people.withheld') },
  ];
}
