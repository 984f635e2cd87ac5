// The tabs across the training pages: the catalogue, my learning and sessions for everyone;
// the trainer's own courses for those who may author (ability create Course) and the reports
// for trainers and organisation admins (ability read TrainingReport).
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../app/auth/use-session';
import { RouteTabs } from '../../../app/route-tabs';

export function TrainingTabs() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const tabs = [
    { path: '/training', label: t('training.tabs.catalogue') },
    { path: '/training/my', label: t('training.tabs.my') },
    { path: '/training/sessions', label: t('training.tabs.sessions') },
    ...(ability.can('create', 'Course') ? [{ path: '/training/manage', label: t('training.tabs.manage') }] : []),
    ...(ability.can('read', 'TrainingReport') ? [{ path: '/training/reports', label: t('training.tabs.reports') }] : []),
  ];
  return <RouteTabs tabs={tabs} label={t('training.tabs.label')} />;
}
