// The course editor: /training/manage/new creates a draft (modules and materials need a saved
// course), then /training/manage/:id edits its fields, modules, materials and quizzes, takes the
// life-cycle actions (publish, archive, unarchive) and assigns it. Only the owning
// organisation's trainers (course.mayEdit) get here; others see why not.
import { Badge } from '@mantine/core';
import type { EditorCourseDetailFragment } from '@tsunagu/graphql-client';
import { EditorCourseDocument, EditorCreateCourseDocument, EditorUpdateCourseDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useSession } from '../../../app/auth/use-session';
import { EditRecordRoute, NewRecordPage, RecordEditorLayout, useCreateRecord, useUpdateRecord } from '../../../app/editor-page';
import { AssignCourseButton } from './assign-course-dialog';
import { CourseActions } from './course-actions';
import { useForgetCourseLists } from './course-cache';
import { blankCourse, CourseForm, courseInputOf, useCourseForm, valuesOfCourse } from './course-form';
import { ModulesEditor } from './modules-editor';
import { statusColor, useTrainingEditorLabels } from './vocabulary';

export function NewCoursePage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const navigate = useNavigate();
  const forget = useForgetCourseLists();
  const { create, saving } = useCreateRecord(EditorCreateCourseDocument, { forget, editorPath: (data) => `/training/manage/${data.createCourse.id}` });
  const courseForm = useCourseForm(blankCourse());

  const submit = courseForm.onSubmit((_checked, values) => create(courseInputOf(values)));

  return (
    <NewRecordPage allowed={ability.can('create', 'Course')} title={t('trainingEditor.course.newTitle')} description={t('trainingEditor.course.newDescription')}>
      <CourseForm
        courseForm={courseForm}
        submitLabel={t('trainingEditor.course.createDraft')}
        saving={saving}
        onSubmit={submit}
        onCancel={() => navigate('/training/manage')}
      />
    </NewRecordPage>
  );
}

export function CourseEditorPage() {
  const { t } = useTranslation();
  return (
    <EditRecordRoute
      query={EditorCourseDocument}
      pick={(data) => data.course}
      requires={['create', 'Course']}
      title={t('trainingEditor.course.editTitle')}
      back={{ to: '/training/manage', label: t('trainingEditor.course.backToMine') }}
      mayEdit={(course) => course.mayEdit}
    >
      {(course) => <CourseEditor key={course.id} course={course} />}
    </EditRecordRoute>
  );
}

function CourseEditor({ course }: { course: EditorCourseDetailFragment }) {
  const { t } = useTranslation();
  const labels = useTrainingEditorLabels();
  const navigate = useNavigate();
  const forget = useForgetCourseLists();
  const { ability } = useSession();
  const { save, saving, notice } = useUpdateRecord(EditorUpdateCourseDocument, course.id, { forget });
  const courseForm = useCourseForm(valuesOfCourse(course));
  const editable = course.status !== 'ARCHIVED';

  const submit = courseForm.onSubmit((_checked, values) => save(courseInputOf(values)));

  return (
    <RecordEditorLayout
      title={t('trainingEditor.course.editTitle')}
      description={course.title}
      headerActions={course.status === 'PUBLISHED' && ability.can('create', 'CourseAssignment') ? <AssignCourseButton course={course} /> : null}
      viewPage={{ to: `/training/courses/${course.id}`, label: t('trainingEditor.course.viewPage') }}
      status={
        <>
          <Badge color={statusColor(course.status)} variant="light" size="lg">
            {labels.courseStatus(course.status)}
          </Badge>
          <CourseActions course={course} />
        </>
      }
      notice={notice}
      savedMessage={t('trainingEditor.course.saved')}
      lockedNote={editable ? null : t('trainingEditor.course.archivedNote')}
      gap="lg"
    >
      <section aria-labelledby="course-editor-details">
        <h2 id="course-editor-details" style={{ fontSize: 'var(--mantine-h3-font-size)', marginTop: 0 }}>
          {t('trainingEditor.course.detailsHeading')}
        </h2>
        <CourseForm
          courseForm={courseForm}
          submitLabel={t('trainingEditor.course.saveDetails')}
          saving={saving}
          disabled={!editable}
          onSubmit={submit}
          onCancel={() => navigate('/training/manage')}
        />
      </section>
      <ModulesEditor course={course} disabled={!editable} />
    </RecordEditorLayout>
  );
}
