// The navbar's list of capabilities. Built ones are router links; the rest are visibly
// disabled with a "coming soon" badge so people see what is planned without dead links.
import { Badge, NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router-dom';
import { navigationItems } from './navigation';

export function AppNavigation({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();

  return (
    <nav aria-label={t('nav.label')}>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {navigationItems.map((item) => (
          <li key={item.labelKey}>
            {item.path ? (
              <NavLink
                component={RouterNavLink}
                to={item.path}
                end
                label={t(item.labelKey)}
                active={pathname === item.path || (item.path === '/' && pathname === '/status')}
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
    </nav>
  );
}
