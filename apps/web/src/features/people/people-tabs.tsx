// The frame of the two people lists, my organisation's people and the people shared with my
// organisation: the header, the gate for those who may not read people, and the tabs between them.
import { Stack } from '@mantine/core';
import { PageHeader } from '@tsunagu/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireAbility } from '../../app/auth/require-auth';
import { useSession } from '../../app/auth/use-session';
import { RouteTabs } from '../../app/route-tabs';

export function PeopleListFrame({ description, actions, children }: { description: string; actions?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  const { ability } = useSession();
  return (
    <>
      <PageHeader title={t('people.title')} description={description} actions={actions} />
      <RequireAbility allowed={ability.can('read', 'Person')}>
        <PeopleTabs />
        <Stack gap="md">{children}</Stack>
      </RequireAbility>
    </>
  );
}

function PeopleTabs() {
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
