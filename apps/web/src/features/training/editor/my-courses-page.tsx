// My organisation's courses in every status (trainers), with a way to start a new one.
import { Button } from '@mantine/core';
import { PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { RequireAbility } from '../../../app/auth/require-auth';
import { useSession } from '../../../app/auth/use-session';

export function MyCoursesPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <RequireAbility allowed={ability.can('create', 'Course')}>
      <PageHeader
        title={t('trainingEditor.mine.title')}
        description={t('trainingEditor.mine.description')}
        actions={
          <Button component={Link} to="/training/manage/new">
            {t('trainingEditor.mine.newCourse')}
          </Button>
        }
      />
    </RequireAbility>
  );
}
