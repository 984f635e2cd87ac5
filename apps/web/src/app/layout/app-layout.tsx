// The application shell: header (product name, language switch, burger on small screens),
// navbar, and the routed page in <main>. On tablets and phones the navbar collapses behind
// the burger and closes again after a navigation.
import { Anchor, AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { AppNavigation } from './app-navigation';
import { LanguageSwitch } from './language-switch';

const mainId = 'main-content';

export function AppLayout() {
  const { t, i18n } = useTranslation();
  const [navbarOpened, { toggle, close }] = useDisclosure(false);

  useEffect(() => {
    document.title = t('app.documentTitle');
  }, [t, i18n.language]);

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'md', collapsed: { mobile: !navbarOpened } }}
      padding="md"
    >
      <Anchor href={`#${mainId}`} className="skip-link">
        {t('app.skipToContent')}
      </Anchor>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navbarOpened}
              onClick={toggle}
              hiddenFrom="md"
              size="sm"
              aria-label={navbarOpened ? t('header.closeNavigation') : t('header.openNavigation')}
              aria-expanded={navbarOpened}
              aria-controls="app-navbar"
            />
            <Anchor component={Link} to="/" underline="never" c="inherit">
              <Text component="span" fw={700} fz="xl">
                {t('app.name')}
              </Text>
            </Anchor>
          </Group>
          <LanguageSwitch />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar id="app-navbar" p="xs">
        <AppNavigation onNavigate={close} />
      </AppShell.Navbar>
      <AppShell.Main id={mainId} tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
