// The tabs over the partnerships pages: the list, and the network map for those who may read the
// network's reports (network admins and liaisons).
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth/use-session';
import { RouteTabs } from '../../app/route-tabs';

export function PartnershipTabs() {
  const { t } = useTranslation();
  const { ability } = useSession();
  const tabs = [
    { path: '/partnerships', label: t('partnerships.tabs.list') },
    ...(ability.can('read', 'NetworkReport') ? [{ path: '/network-map', label: t('partnerships.tabs.map') }] : []),
  ];
  if (tabs.length < 2) return null;
  return <RouteTabs tabs={tabs} label={t('partnerships.tabs.label')} />;
}
