// The course's life-cycle actions: publish (DRAFT), archive (DRAFT, PUBLISHED) and unarchive
// (ARCHIVED, back to a draft); each asks first and shows the API's reason for refusing, e.g.
// publishing a course without modules.
import { COURSE_TRANSITIONS } from '@tsunagu/domain';
import { EditorArchiveCourseDocument, EditorPublishCourseDocument, EditorUnarchiveCourseDocument } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { actionsFrom, LifecycleActions } from '../../../app/lifecycle-actions';
import { useForgetCourseLists } from './course-cache';

type Action = keyof typeof COURSE_TRANSITIONS;
const actionOrder: readonly Action[] = ['PUBLISH', 'UNARCHIVE', 'ARCHIVE'];
const mutations = { PUBLISH: EditorPublishCourseDocument, ARCHIVE: EditorArchiveCourseDocument, UNARCHIVE: EditorUnarchiveCourseDocument };

export function CourseActions({ course }: { course: { id: string; title: string; status: string } }) {
  const { t } = useTranslation();
  const forget = useForgetCourseLists();

  return (
    <LifecycleActions
      actions={actionsFrom(COURSE_TRANSITIONS, actionOrder, course.status)}
      label={t('trainingEditor.actions.label')}
      buttonLabel={(action) => t(`trainingEditor.actions.${action}`)}
      confirmLabel={(action) => t(`trainingEditor.actions.confirmButton.${action}`)}
      confirmBody={(action) => t(`trainingEditor.actions.confirm.${action}`, { title: course.title })}
      dangerous={['ARCHIVE']}
      mutations={mutations}
      recordId={course.id}
      onDone={forget}
    />
  );
}
