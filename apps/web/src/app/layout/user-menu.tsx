// The signed-in person in the header: their name and the organisation / network they act
// for, and a menu to switch to another membership, open the account page or sign out.
import { Button, Menu, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useSession, useSessionActions } from '../auth/use-session';

export function UserMenu() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { switchMembership, logout } = useSessionActions();
  const navigate = useNavigate();
  const [switchFailed, setSwitchFailed] = useState(false);
  if (!me) return null;
  const active = me.activeMembership;
  const others = me.memberships.filter((membership) => membership.id !== active.id);

  const switchTo = async (membershipId: string) => {
    setSwitchFailed(false);
    try {
      await switchMembership(membershipId);
      navigate('/');
    } catch {
      setSwitchFailed(true);
    }
  };

  const signOut = async () => {
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Menu position="bottom-end" width={300} withinPortal>
      <Menu.Target>
        {/* Named by its visible text (plus a hidden "menu" hint after the name), never by an
            aria-label that differs from what a speech-input user reads on screen. */}
        <Button variant="subtle" color="dark" px="xs" h="auto" py={4} miw={0} styles={{ label: { minWidth: 0 } }}>
          <Stack gap={0} align="flex-end" miw={0}>
            <Text component="span" fw={600} fz="sm" truncate="end" maw="100%" data-testid="header-user-name">
              {me.displayName}
            </Text>
            <VisuallyHidden>{t('userMenu.menuHint')}</VisuallyHidden>
            <Text component="span" fz="xs" c="dimmed" visibleFrom="sm" data-testid="header-organization">
              {t('userMenu.actingAs', { organization: active.organization.name, network: active.network.name })}
            </Text>
          </Stack>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('userMenu.current')}</Menu.Label>
        <Text px="sm" pb="xs" fz="sm">
          {t('userMenu.actingAs', { organization: active.organization.name, network: active.network.name })}
        </Text>
        {switchFailed ? (
          <Text px="sm" pb="xs" fz="sm" c="red" role="alert">
            {t('userMenu.switchFailed')}
          </Text>
        ) : null}
        {others.length > 0 ? (
          <>
            <Menu.Divider />
            <Menu.Label>{t('userMenu.switchTo')}</Menu.Label>
            {others.map((membership) => (
              <Menu.Item key={membership.id} onClick={() => void switchTo(membership.id)}>
                {t('userMenu.actingAs', {
                  organization: membership.organization.name,
                  network: membership.network.name,
                })}
              </Menu.Item>
            ))}
          </>
        ) : null}
        <Menu.Divider />
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item color="red" onClick={() => void signOut()}>
          {t('userMenu.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
