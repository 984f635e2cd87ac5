// One card per category of a person's data: its values, or — when withheld — a clear
// "withheld, consent needed" badge with the reason. Special-care categories are marked.
import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { PERSONAL_DATA_CATEGORIES, type PersonalDataCategory } from '@tsunagu/domain';
import type { PersonDetailFragment } from '@tsunagu/graphql-client';
import { DescriptionList } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { labelIn } from '../../app/labels';
import { usePlaceName } from '../../app/place-names';
import { formatDate, useDirectoryLabels } from '../directory/vocabulary';
import { SpecialCareBadge, WithheldNotice } from './person-badges';
import { sectionOf, type FieldSpec } from './person-fields';
import { usePeopleLabels } from './vocabulary';

export function CategoryCards({ person }: { person: PersonDetailFragment }) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {PERSONAL_DATA_CATEGORIES.codes.map((category) => (
        <CategoryCard key={category} person={person} category={category} />
      ))}
    </SimpleGrid>
  );
}

function CategoryCard({ person, category }: { person: PersonDetailFragment; category: PersonalDataCategory }) {
  const { t } = useTranslation();
  const labels = usePeopleLabels();
  const directory = useDirectoryLabels();
  const placeName = usePlaceName();
  const spec = sectionOf(category);
  const section = person[spec.name];
  const specialCare = person.categories.find((state) => state.category === category)?.specialCare ?? false;
  const headingId = `category-${category}`;

  // A value reads as the form edits it: a select's code by its vocabulary, a date as a date.
  const format = (field: FieldSpec, value: unknown): string => {
    if (value === null || value === undefined || value === '') return t('people.notRecorded');
    if (typeof value === 'boolean') return value ? t('people.yes') : t('people.no');
    if (Array.isArray(value)) return value.length ? labels.list(value.map((code: string) => directory.category(code))) : t('people.notRecorded');
    if (field.options) return labelIn(field.options.labels, String(value), labels.language);
    if (field.kind === 'date') return formatDate(String(value), labels.language);
    if (field.kind === 'municipality') return placeName(String(value));
    return String(value);
  };

  const values = section.values as Record<string, unknown> | null | undefined;
  return (
    <Card
      withBorder
      padding="md"
      component="section"
      aria-labelledby={headingId}
      data-category={category}
      data-access={section.access}
      style={specialCare ? { borderColor: 'var(--mantine-color-grape-4)' } : undefined}
    >
      <Stack gap="sm">
        <Group gap="xs" justify="space-between">
          <Title order={3} fz="h5" id={headingId}>
            {labels.category(category)}
          </Title>
          <Group gap={4}>
            {specialCare ? <SpecialCareBadge /> : null}
            {section.access === 'DISCLOSED' && !person.ownedByMe ? (
              <Badge color="teal" variant="light" radius="sm" tt="none">
                {t('people.disclosed')}
              </Badge>
            ) : null}
          </Group>
        </Group>
        {section.access === 'WITHHELD' ? (
          <WithheldNotice reason={section.withheldReason} />
        ) : values ? (
          <DescriptionList
            label={labels.category(category)}
            items={spec.fields.map((field) => ({
              term: labels.field(category, field.name),
              description: format(field, values[field.name]),
            }))}
          />
        ) : (
          <Text c="dimmed" fz="sm">
            {t('people.nothingRecorded')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
