// Switches between my organisation's people and the people shared with my organisation.
import { useTranslation } from 'react-i18next';
import { RouteTabs } from '../../app/route-tabs';

export function PeopleTabs() {
  const { t } = useTranslation();
  return (
    <RouteTabs
      label={t('people.title')}
      tabs={[
        { path: '/people', label: t('people.tabs.own') },
        { path: '/people/shared', label: t('people.tabs.shared') },
      ]}
    />
  );
}
