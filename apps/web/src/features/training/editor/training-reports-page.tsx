// Training reports for trainers (their courses) and org admins (their members).
import { PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { RequireAbility } from '../../../app/auth/require-auth';
import { useSession } from '../../../app/auth/use-session';

export function TrainingReportsPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <RequireAbility allowed={ability.can('read', 'TrainingReport')}>
      <PageHeader title={t('trainingEditor.reports.title')} description={t('trainingEditor.reports.description')} />
    </RequireAbility>
  );
}
