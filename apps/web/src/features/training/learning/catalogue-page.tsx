// The course catalogue (/training): the courses I may see, newest published first, found by
// Japanese or English words (?q= in the URL, so a search can be shared or bookmarked), with
// what each needs (time, formats) and whether I am enrolled or have completed it.
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { TrainingCatalogueDocument, type CourseCardFragment } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../../app/auth/use-session';
import { ConnectionList } from '../../../app/connection-list';
import { EnrolmentBadge, EstimatedTime, FormatBadges, ProgressLine } from './training-parts';
import { TrainingTabs } from './training-tabs';
import { formatsOf } from './vocabulary';

const pageSize = 20;

export function CataloguePage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const [params, setParams] = useSearchParams();
  const keyword = params.get('q')?.trim() ?? '';
  const input = useMemo(() => (keyword ? { keyword } : {}), [keyword]);
  const query = useQuery(TrainingCatalogueDocument, {
    variables: { input, first: pageSize },
    fetchPolicy: 'cache-and-network',
  });
  const result = query.data?.courses ?? query.previousData?.courses;

  return (
    <>
      <PageHeader
        title={t('training.title')}
        description={t('training.description')}
        actions={
          ability.can('create', 'Course') ? (
            <Button component={Link} to="/training/manage" variant="default">
              {t('training.catalogue.manage')}
            </Button>
          ) : null
        }
      />
      <TrainingTabs />
      <Stack gap="lg">
        <SearchForm keyword={keyword} onSearch={(next) => setParams(next ? { q: next } : {})} />
        <section aria-labelledby="course-results-heading">
          <Title order={2} fz="h4" mb="sm" id="course-results-heading">
            {keyword ? t('training.catalogue.resultsFor', { keyword }) : t('training.catalogue.results')}
          </Title>
          <ConnectionList query={query} connection={result}
            loadingLabel={t('training.catalogue.searching')}
            empty={keyword ? t('training.catalogue.noResults') : t('training.catalogue.empty')}
            renderItem={(course) => <CourseCard course={course} />}
          />
        </section>
      </Stack>
    </>
  );
}

function SearchForm({ keyword, onSearch }: { keyword: string; onSearch: (keyword: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(keyword);
  // Back/forward and shared links change the URL: the box follows it.
  useEffect(() => setValue(keyword), [keyword]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form role="search" aria-label={t('training.catalogue.searchLabel')} onSubmit={submit}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          label={t('training.catalogue.keyword')}
          description={t('training.catalogue.keywordHelp')}
          type="search"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          style={{ flex: '1 1 18rem' }}
        />
        <Button type="submit">{t('training.catalogue.search')}</Button>
      </Group>
    </form>
  );
}

function CourseCard({ course }: { course: CourseCardFragment }) {
  const { t } = useTranslation();
  const headingId = `course-${course.id}`;
  const enrolment = course.myEnrolment;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 16rem' }}>
            <Title order={3} fz="h5" id={headingId}>
              <Anchor component={Link} to={`/training/courses/${course.id}`}>
                {course.title}
              </Anchor>
            </Title>
            <Text fz="sm" c="dimmed">
              {t('training.course.publisherLine', { organization: course.publisher.name, network: course.publisher.networkName })}
            </Text>
          </Stack>
          <EnrolmentBadge enrolment={enrolment} />
        </Group>
        {course.summary ? (
          <Text fz="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
            {course.summary}
          </Text>
        ) : null}
        <Group gap="lg" wrap="wrap">
          <EstimatedTime minutes={course.estimatedMinutes} />
          <Text fz="sm">{t('training.course.moduleCount', { count: course.moduleCount })}</Text>
          <FormatBadges formats={formatsOf(course.modules)} />
        </Group>
        {enrolment && !enrolment.completedAt ? <ProgressLine percent={enrolment.progressPercent} label={t('training.progress.label')} /> : null}
      </Stack>
    </Card>
  );
}
