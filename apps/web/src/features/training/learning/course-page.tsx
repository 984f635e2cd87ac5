// One course (/training/courses/:id) and its player: what it is and who publishes it, my
// enrolment (enrol when I am in its audience; progress, due date), then each module in order
// with its materials (open or download, play video and audio inline, mark done) and its quiz;
// on completion the certificate. Module sections carry ids (#module-<id>) so a link can open
// the player at a module.
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { EnrolInCourseDocument, TrainingCourseDocument, type CourseDetailFragment } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { BackLink, RecordPage, type RecordTexts } from '../../../app/record-page';
import { SectionCard } from '../../../app/section-card';
import { CertificateCard } from './certificate-card';
import { ModuleSection } from './module-section';
import { EnrolmentBadge, EnrolmentDates, EstimatedTime, FormatBadges, ProgressLine } from './training-parts';
import { formatsOf, useTrainingLabels } from './vocabulary';
import { CourseLeft } from './what-is-left';
import { formatInstantDate } from '../../../app/japan-time-format';

export function CoursePage() {
  const { id = '' } = useParams();
  const texts: RecordTexts = { title: 'training.title', notFound: 'training.course.notFound', notFoundHelp: 'training.course.notFoundHelp', back: 'training.back' };
  return <RecordPage query={useQuery(TrainingCourseDocument, { variables: { id } })} texts={texts} backTo="/training">{(data) => <CourseView course={data.course} />}</RecordPage>;
}

function CourseView({ course }: { course: CourseDetailFragment }) {
  const { t } = useTranslation();
  const { hash } = useLocation();
  const enrolment = course.myEnrolment;
  // A link to #module-<id> scrolls there once the modules are on the page.
  useEffect(() => {
    if (hash.startsWith('#module-')) document.getElementById(hash.slice(1))?.scrollIntoView();
  }, [hash]);

  return (
    <>
      <PageHeader
        title={course.title}
        description={t('training.course.publisherLine', { organization: course.publisher.name, network: course.publisher.networkName })}
        actions={
          course.mayEdit ? (
            <Button component={Link} to={`/training/manage/${course.id}`} variant="default">
              {t('training.course.edit')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <BackLink to="/training">{t('training.back')}</BackLink>
        <Group gap="sm" wrap="wrap">
          <EnrolmentBadge enrolment={enrolment} />
          {course.status !== 'PUBLISHED' ? (
            <Badge color="yellow" variant="outline" tt="none" radius="sm">
              {t(`training.course.status.${course.status}`)}
            </Badge>
          ) : null}
          <EstimatedTime minutes={course.estimatedMinutes} />
          <Text fz="sm">{t('training.course.moduleCount', { count: course.moduleCount })}</Text>
          <FormatBadges formats={formatsOf(course.modules)} />
        </Group>
        {course.summary ? <Text style={{ whiteSpace: 'pre-wrap' }}>{course.summary}</Text> : null}
        <EnrolmentPanel course={course} />
        {enrolment?.certificate ? <CertificateCard certificate={enrolment.certificate} /> : null}
        <section aria-labelledby="course-modules-heading">
          <Title order={2} fz="h3" mb="sm" id="course-modules-heading">
            {t('training.course.modules')}
          </Title>
          {course.modules.length === 0 ? <Text c="dimmed">{t('training.course.noModules')}</Text> : null}
          <Stack gap="md">
            {course.modules.map((module, index) => (
              <ModuleSection key={module.id} module={module} number={index + 1} enrolment={enrolment ?? null} />
            ))}
          </Stack>
        </section>
      </Stack>
    </>
  );
}

function EnrolmentPanel({ course }: { course: CourseDetailFragment }) {
  const { t } = useTranslation();
  const labels = useTrainingLabels();
  const client = useApolloClient();
  const [enrol, enrolling] = useMutation(EnrolInCourseDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const enrolment = course.myEnrolment;

  const start = async () => {
    setError(null);
    try {
      await enrol({ variables: { courseId: course.id } });
      // My learning and the catalogue's badges change with a new enrolment.
      client.cache.evict({ fieldName: 'myEnrolments' });
      client.cache.gc();
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  if (!enrolment) {
    return (
      <SectionCard id="course-enrolment" title={t('training.enrolment.title')}>
        <Stack gap="sm">
          {course.inAudience ? (
            <>
              <Text fz="sm">{t('training.enrolment.invite')}</Text>
              <Group>
                <Button onClick={() => void start()} loading={enrolling.loading}>
                  {t('training.enrolment.enrol')}
                </Button>
              </Group>
            </>
          ) : (
            <Text fz="sm" c="dimmed">
              {course.status === 'PUBLISHED' ? t('training.enrolment.notInAudience') : t('training.enrolment.notPublished')}
            </Text>
          )}
          <ApiErrorAlert error={error} />
        </Stack>
      </SectionCard>
    );
  }

  return (
    <SectionCard id="course-enrolment" title={t('training.enrolment.title')}>
      <Stack gap="sm">
        <ProgressLine percent={enrolment.progressPercent} label={t('training.progress.label')} />
        <Group gap="lg" wrap="wrap">
          <EnrolmentDates enrolment={enrolment} />
        </Group>
        <CourseLeft modules={course.modules} enrolment={enrolment} />
        {enrolment.completedAt ? (
          <Alert color="green" variant="light" role="status" title={t('training.enrolment.completedTitle')}>
            {t('training.enrolment.completedOn', { date: formatInstantDate(enrolment.completedAt, labels.language) })}
          </Alert>
        ) : null}
      </Stack>
    </SectionCard>
  );
}
