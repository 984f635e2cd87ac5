// My learning (/training/my): the courses I am enrolled in, in progress, completed or overdue
// (?filter= in the URL), with due dates (overdue ones in red), progress and a way back into the
// player or to the certificate.
import { Anchor, Group, Stack, Tabs, Text } from '@mantine/core';
import { MyEnrolmentsDocument, type EnrolmentFilter, type MyEnrolmentsQuery } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { ConnectionList, useConnectionQuery } from '../../../app/connection-list';
import { ResultCard } from '../../../app/result-card';
import { EnrolmentBadge, EnrolmentDates, EstimatedTime, ProgressLine } from './training-parts';
import { TrainingTabs } from './training-tabs';
import { useTrainingLabels } from './vocabulary';
import { formatInstantDate } from '../../../app/japan-time-format';

const pageSize = 20;
const FILTERS: readonly EnrolmentFilter[] = ['ACTIVE', 'COMPLETED', 'OVERDUE'];

type EnrolmentRow = MyEnrolmentsQuery['myEnrolments']['nodes'][number];

export function MyLearningPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filter = FILTERS.find((entry) => entry === params.get('filter')) ?? 'ACTIVE';
  const { query, connection: result } = useConnectionQuery(MyEnrolmentsDocument, { filter, first: pageSize }, (data) => data.myEnrolments);

  return (
    <>
      <PageHeader title={t('training.my.title')} description={t('training.my.description')} />
      <TrainingTabs />
      <Tabs value={filter} onChange={(value) => value && setParams(value === 'ACTIVE' ? {} : { filter: value })} mb="md">
        <Tabs.List aria-label={t('training.my.filterLabel')}>
          {FILTERS.map((entry) => (
            <Tabs.Tab key={entry} value={entry}>
              {t(`training.my.filters.${entry}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      <ConnectionList query={query} connection={result}
        empty={
          <Stack gap="xs" align="flex-start">
            <Text c="dimmed">{t(`training.my.empty.${filter}`)}</Text>
            <Anchor component={Link} to="/training" fz="sm">
              {t('training.my.browse')}
            </Anchor>
          </Stack>
        }
        renderItem={(enrolment) => <EnrolmentCard enrolment={enrolment} />}
      />
    </>
  );
}

function EnrolmentCard({ enrolment }: { enrolment: EnrolmentRow }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const headingId = `enrolment-${enrolment.id}`;
  return (
    <ResultCard
      headingId={headingId}
      title={enrolment.course.title}
      to={`/training/courses/${enrolment.course.id}`}
      subtitle={t('training.course.publisherLine', { organization: enrolment.course.publisher.name, network: enrolment.course.publisher.networkName })}
      aside={<EnrolmentBadge enrolment={enrolment} />}
      headingOrder={2}
    >
      <Group gap="lg" wrap="wrap">
        <EnrolmentDates enrolment={enrolment} />
        {enrolment.completedAt ? (
          <Text fz="sm">{t('training.enrolment.completedOn', { date: formatInstantDate(enrolment.completedAt, labels.language) })}</Text>
        ) : null}
        <EstimatedTime minutes={enrolment.course.estimatedMinutes} />
      </Group>
      {enrolment.completedAt ? (
        enrolment.certificate ? (
          <Anchor component={Link} to={`/training/courses/${enrolment.course.id}#course-certificate`} fz="sm">
            {t('training.my.certificate', { code: enrolment.certificate.code })}
          </Anchor>
        ) : null
      ) : (
        <ProgressLine percent={enrolment.progressPercent} label={t('training.progress.label')} />
      )}
    </ResultCard>
  );
}
