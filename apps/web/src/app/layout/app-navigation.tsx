// The navbar: the capabilities (built ones are router links; the rest are visibly disabled
// with a "coming soon" badge, so people see what is planned without dead links), then the
// settings and administration pages the signed-in membership may use.
import { Badge, Divider, NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router-dom';
import { useSession } from '../auth/use-session';
import { navigationItems, settingsItems, type NavigationItem } from './navigation';

function NavigationList({ items, onNavigate }: { items: readonly NavigationItem[]; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  return (
    <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {items.map((item) => (
        <li key={item.labelKey}>
          {item.path ? (
            <NavLink
              component={RouterNavLink}
              to={item.path}
              end={item.path === '/'}
              label={t(item.labelKey)}
              active={
                item.path === '/'
                  ? pathname === '/' || pathname === '/status'
                  : pathname === item.path || pathname.startsWith(`${item.path}/`)
              }
              onClick={onNavigate}
            />
          ) : (
            <NavLink
              component="div"
              aria-disabled="true"
              disabled
              label={t(item.labelKey)}
              rightSection={
                <Badge size="xs" variant="light" color="gray" tt="none">
                  {t('nav.comingSoon')}
                </Badge>
              }
            />
          )}
        </li>
      ))}
    </ul>
  );
}

export function AppNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { ability, actor } = useSession();
  const visible = (item: NavigationItem) => !item.visible || item.visible(ability, actor);
  const capabilities = navigationItems.filter(visible);
  const settings = settingsItems.filter(visible);

  return (
    <nav aria-label={t('nav.label')}>
      <NavigationList items={capabilities} onNavigate={onNavigate} />
      <Divider my="xs" label={t('nav.settings')} labelPosition="left" />
      <NavigationList items={settings} onNavigate={onNavigate} />
    </nav>
  );
}
