// What a read for STATISTICS shows instead of the categories' values: the non-identifying
// projection the API returns (age band, gender, municipality by name, living situation, needs),
// never a name, birth date or contact. A field whose source category was not disclosed for
// statistics is shown as withheld, not as blank.
import { PERSON_STATISTICS_FIELD_LABELS, STATISTICS_FIELDS } from '@tsunagu/domain';
import type { PersonDetailFragment } from '@tsunagu/graphql-client';
import { DescriptionList } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { usePlaceName } from '../../app/place-names';
import { SectionCard } from '../../app/section-card';
import { useDirectoryLabels } from '../directory/vocabulary';
import { usePeopleLabels } from './vocabulary';

type Statistics = NonNullable<PersonDetailFragment['statistics']>;
type StatisticsField = keyof typeof PERSON_STATISTICS_FIELD_LABELS;

export function StatisticsCard({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const directory = useDirectoryLabels();
  const placeName = usePlaceName();

  const describe = (field: StatisticsField): string => {
    if (!(statistics.sourceCategories as string[]).includes(STATISTICS_FIELDS[field])) return t('people.statistics.notDisclosed');
    const value = statistics[field];
    if (value === null || value === undefined) return t('people.notRecorded');
    if (Array.isArray(value)) return value.length ? value.map((code) => directory.category(code)).join(t('people.listSeparator')) : t('people.notRecorded');
    if (field === 'ageBand') return labels.ageBand(value);
    if (field === 'gender') return labels.gender(value);
    if (field === 'livingSituation') return labels.livingSituation(value);
    if (field === 'municipalityCode') return placeName(value);
    return value;
  };

  const fields = Object.keys(PERSON_STATISTICS_FIELD_LABELS) as StatisticsField[];
  return (
    <SectionCard id="person-statistics" title={t('people.statistics.title')} description={t('people.statistics.help')} order={3} padding="md" testId="person-statistics">
      <DescriptionList
        label={t('people.statistics.title')}
        items={fields.map((field) => ({ term: labels.statisticsField(field), description: describe(field) }))}
      />
    </SectionCard>
  );
}
