// The course catalogue (/training): the courses I may see, newest published first, found by
// Japanese or English words (?q= in the URL, so a search can be shared or bookmarked), with
// what each needs (time, formats) and whether I am enrolled or have completed it.
import { Button, Group, Stack, Text } from '@mantine/core';
import { TrainingCatalogueDocument, type CourseCardFragment } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useSession } from '../../../app/auth/use-session';
import { ConnectionList, useConnectionQuery } from '../../../app/connection-list';
import { ResultCard } from '../../../app/result-card';
import { ResultsSection, SearchBar, useUrlDraft } from '../../../app/search-page';
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
  const { query, connection: result } = useConnectionQuery(TrainingCatalogueDocument, { input, first: pageSize }, (data) => data.courses);

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
        <ResultsSection
          headingId="course-results-heading"
          title={keyword ? t('training.catalogue.resultsFor', { keyword }) : t('training.catalogue.results')}
        >
          <ConnectionList query={query} connection={result}
            loadingLabel={t('training.catalogue.searching')}
            empty={keyword ? t('training.catalogue.noResults') : t('training.catalogue.empty')}
            renderItem={(course) => <CourseCard course={course} />}
          />
        </ResultsSection>
      </Stack>
    </>
  );
}

function SearchForm({ keyword, onSearch }: { keyword: string; onSearch: (keyword: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useUrlDraft(keyword);
  return (
    <SearchBar
      label={t('training.catalogue.searchLabel')}
      keywords={value}
      onKeywordsChange={setValue}
      keywordsLabel={t('training.catalogue.keyword')}
      keywordsHelp={t('training.catalogue.keywordHelp')}
      submitLabel={t('training.catalogue.search')}
      onSubmit={() => onSearch(value.trim())}
    />
  );
}

function CourseCard({ course }: { course: CourseCardFragment }) {
  const { t } = useTranslation();
  const headingId = `course-${course.id}`;
  const enrolment = course.myEnrolment;
  return (
    <ResultCard
      headingId={headingId}
      title={course.title}
      to={`/training/courses/${course.id}`}
      subtitle={t('training.course.publisherLine', { organization: course.publisher.name, network: course.publisher.networkName })}
      aside={<EnrolmentBadge enrolment={enrolment} />}
    >
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
    </ResultCard>
  );
}
