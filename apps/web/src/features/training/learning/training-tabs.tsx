// The tabs across the training pages: the catalogue, my learning and sessions for everyone;
// the trainer's own courses for those who may author (ability create Course) and the reports
// for trainers and organisation admins (ability read TrainingReport).
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../../app/auth/use-session';

export function TrainingTabs() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tabs = [
    { path: '/training', label: t('training.tabs.catalogue') },
    { path: '/training/my', label: t('training.tabs.my') },
    { path: '/training/sessions', label: t('training.tabs.sessions') },
    ...(ability.can('create', 'Course') ? [{ path: '/training/manage', label: t('training.tabs.manage') }] : []),
    ...(ability.can('read', 'TrainingReport') ? [{ path: '/training/reports', label: t('training.tabs.reports') }] : []),
  ];
  const active = tabs.find((tab) => tab.path === pathname)?.path ?? null;
  return (
    <Tabs value={active} onChange={(value) => value && navigate(value)} mb="lg" keepMounted={false}>
      <Tabs.List aria-label={t('training.tabs.label')}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.path} value={tab.path}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
