// The course editor: /training/manage/new creates a draft, /training/manage/:id edits it.
import { PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { RequireAbility } from '../../../app/auth/require-auth';
import { useSession } from '../../../app/auth/use-session';

export function NewCoursePage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <RequireAbility allowed={ability.can('create', 'Course')}>
      <PageHeader title={t('trainingEditor.course.newTitle')} />
    </RequireAbility>
  );
}

export function CourseEditorPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <RequireAbility allowed={ability.can('create', 'Course')}>
      <PageHeader title={t('trainingEditor.course.editTitle')} />
    </RequireAbility>
  );
}
