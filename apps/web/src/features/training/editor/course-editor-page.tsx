// The course editor: /training/manage/new creates a draft (modules and materials need a saved
// course), then /training/manage/:id edits its fields, modules, materials and quizzes, takes the
// life-cycle actions (publish, archive, unarchive) and assigns it. Only the owning
// organisation's trainers (course.mayEdit) get here; others see why not.
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import type { EditorCourseDetailFragment } from '@tsunagu/graphql-client';
import { EditorCourseDocument, EditorCreateCourseDocument, EditorUpdateCourseDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiErrorAlert } from '../../../app/api-error-alert';
import { readApiError, type ApiError } from '../../../app/api-errors';
import { RequireAbility } from '../../../app/auth/require-auth';
import { useSession } from '../../../app/auth/use-session';
import { AssignCourseButton } from './assign-course-dialog';
import { CourseActions } from './course-actions';
import { useForgetCourseLists } from './course-cache';
import { blankCourse, CourseForm, courseInputOf, valuesOfCourse, type CourseFormValues } from './course-form';
import { ModulesEditor } from './modules-editor';
import { statusColor, useTrainingEditorLabels } from './vocabulary';

export function NewCoursePage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forget = useForgetCourseLists();
  const [create, creating] = useMutation(EditorCreateCourseDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const [values, setValues] = useState<CourseFormValues>(blankCourse);

  const save = async () => {
    setError(null);
    try {
      const result = await create({ variables: { input: courseInputOf(values) } });
      forget();
      if (result.data) navigate(`/training/manage/${result.data.createCourse.id}?created=1`, { replace: true });
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <RequireAbility allowed={ability.can('create', 'Course')}>
      <PageHeader title={t('trainingEditor.course.newTitle')} description={t('trainingEditor.course.newDescription')} />
      <CourseForm
        values={values}
        onChange={setValues}
        submitLabel={t('trainingEditor.course.createDraft')}
        saving={creating.loading}
        error={error}
        onSubmit={() => void save()}
        onCancel={() => navigate('/training/manage')}
      />
    </RequireAbility>
  );
}

export function CourseEditorPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { ability } = useSession();
  const allowed = ability.can('create', 'Course');
  const { data, loading, error } = useQuery(EditorCourseDocument, { variables: { id }, skip: !allowed });
  if (!allowed) return <RequireAbility allowed={false}>{null}</RequireAbility>;
  if (loading && !data) return <LoadingState label={t('common.loading')} />;
  if (!data) {
    return (
      <>
        <PageHeader title={t('trainingEditor.course.editTitle')} />
        <ApiErrorAlert error={readApiError(error)} />
        <Anchor component={Link} to="/training/manage">
          {t('trainingEditor.course.backToMine')}
        </Anchor>
      </>
    );
  }
  return (
    <RequireAbility allowed={data.course.mayEdit}>
      <CourseEditor key={data.course.id} course={data.course} />
    </RequireAbility>
  );
}

function CourseEditor({ course }: { course: EditorCourseDetailFragment }) {
  const { t } = useTranslation();
  const labels = useTrainingEditorLabels();
  const navigate = useNavigate();
  const forget = useForgetCourseLists();
  const { ability } = useSession();
  const [update, updating] = useMutation(EditorUpdateCourseDocument);
  const [error, setError] = useState<ApiError | null>(null);
  const [values, setValues] = useState<CourseFormValues>(() => valuesOfCourse(course));
  const [savedNotice, setSavedNotice] = useState(() => new URLSearchParams(window.location.search).get('created') === '1');
  const editable = course.status !== 'ARCHIVED';

  const save = async () => {
    setError(null);
    setSavedNotice(false);
    try {
      await update({ variables: { id: course.id, input: courseInputOf(values) } });
      forget();
      setSavedNotice(true);
    } catch (caught) {
      setError(readApiError(caught));
    }
  };

  return (
    <>
      <PageHeader
        title={t('trainingEditor.course.editTitle')}
        description={course.title}
        actions={
          <Group gap="xs">
            {course.status === 'PUBLISHED' && ability.can('create', 'CourseAssignment') ? <AssignCourseButton course={course} /> : null}
            <Button component={Link} to={`/training/courses/${course.id}`} variant="default">
              {t('trainingEditor.course.viewPage')}
            </Button>
          </Group>
        }
      />
      <Stack gap="lg">
        <Group gap="sm" wrap="wrap">
          <Badge color={statusColor(course.status)} variant="light" size="lg">
            {labels.courseStatus(course.status)}
          </Badge>
          <CourseActions course={course} />
        </Group>
        {savedNotice ? (
          <Alert color="green" variant="light" role="status" withCloseButton onClose={() => setSavedNotice(false)}>
            {t('trainingEditor.course.saved')}
          </Alert>
        ) : null}
        {!editable ? (
          <Alert color="yellow" variant="light">
            {t('trainingEditor.course.archivedNote')}
          </Alert>
        ) : null}
        <section aria-labelledby="course-editor-details">
          <h2 id="course-editor-details" style={{ fontSize: 'var(--mantine-h3-font-size)', marginTop: 0 }}>
            {t('trainingEditor.course.detailsHeading')}
          </h2>
          <CourseForm
            values={values}
            onChange={setValues}
            submitLabel={t('trainingEditor.course.saveDetails')}
            saving={updating.loading}
            disabled={!editable}
            error={error}
            onSubmit={() => void save()}
            onCancel={() => navigate('/training/manage')}
          />
        </section>
        <ModulesEditor course={course} disabled={!editable} />
      </Stack>
    </>
  );
}
