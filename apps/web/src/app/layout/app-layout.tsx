// The application shell: header (product name, language switch, the signed-in person's menu,
// burger on small screens, the notification bell), navbar for signed-in people, and the routed page in <main>.
// Public pages (login, invitation, password reset, status) share the header without a navbar.
// On tablets and phones the navbar collapses behind the burger and closes after a navigation.
import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { NotificationBell } from '../../features/notifications/notification-bell';
import { useSession } from '../auth/use-session';
import { AppNavigation } from './app-navigation';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

const mainId = 'main-content';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const [navbarOpened, { toggle, close }] = useDisclosure(false);
  const { status, me } = useSession();
  const signedIn = status === 'signedIn';

  useEffect(() => {
    document.title = t('app.documentTitle');
  }, [t, i18n.language]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={signedIn ? { width: 280, breakpoint: 'md', collapsed: { mobile: !navbarOpened } } : undefined}
      padding="md"
    >
      <Anchor href={`#${mainId}`} className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          {/* On a 390 px phone the right-hand group gives way (the person's name truncates);
              the product name never wraps or shrinks. */}
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            {signedIn ? (
              <Burger
                opened={navbarOpened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={navbarOpened ? t('header.closeNavigation') : t('header.openNavigation')}
                aria-expanded={navbarOpened}
                aria-controls="app-navbar"
              />
            ) : null}
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text component="span" fw={700} fz="xl" style={{ whiteSpace: 'nowrap' }}>
                {t('app.name')}
              </Text>
            </Anchor>
          </Group>
          <Group gap="xs" wrap="nowrap" miw={0} justify="flex-end">
            <LanguageSwitch />
            {signedIn ? <NotificationBell /> : null}
            {signedIn ? <UserMenu /> : null}
          </Group>
        </Group>
      </AppShell.Header>
      {signedIn ? (
        // Scrolls on its own when a network admin's menu is taller than a laptop's screen.
        <AppShell.Navbar id="app-navbar" p="xs" style={{ overflowY: 'auto' }}>
          <AppNavigation onNavigate={close} />
        </AppShell.Navbar>
      ) : null}
      <AppShell.Main id={mainId} tabIndex={-1}>
        {/* A new membership is a new identity: pages start afresh rather than show the old one's data. */}
        <Outlet key={me?.activeMembership.id ?? 'signed-out'} />
      </AppShell.Main>
    </AppShell>
  );
}
