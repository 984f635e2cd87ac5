// The tabs over the partnerships pages: the list, and the network map for those who may read the
// network's reports (network admins and liaisons).
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { useSession } from '../../app/auth/use-session';

export function PartnershipTabs() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const tabs = [
    { path: '/partnerships', label: t('partnerships.tabs.list') },
    ...(ability.can('read', 'NetworkReport') ? [{ path: '/network-map', label: t('partnerships.tabs.map') }] : []),
  ];
  if (tabs.length < 2) return null;
  const active = tabs.find((tab) => tab.path === pathname)?.path ?? null;
  return (
    <Tabs value={active} onChange={(value) => value && navigate(value)} mb="lg" keepMounted={false}>
      <Tabs.List aria-label={t('partnerships.tabs.label')}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.path} value={tab.path}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
