// Training sessions (研修会): /training/sessions/new and /training/sessions/:id/edit.
import { PageHeader } from '@tsunagu/ui';
import { useTranslation } from 'react-i18next';
import { RequireAbility } from '../../../app/auth/require-auth';
import { useSession } from '../../../app/auth/use-session';

export function NewSessionPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <RequireAbility allowed={ability.can('create', 'TrainingSession')}>
      <PageHeader title={t('trainingEditor.session.newTitle')} />
    </RequireAbility>
  );
}

export function SessionEditorPage() {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <RequireAbility allowed={ability.can('create', 'TrainingSession')}>
      <PageHeader title={t('trainingEditor.session.editTitle')} />
    </RequireAbility>
  );
}
