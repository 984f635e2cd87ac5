// Switches between my organisation's people and the people shared with my organisation.
import { Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';

export function PeopleTabs({ active }: { active: 'own' | 'shared' }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(value) => navigate(value === 'shared' ? '/people/shared' : '/people')}
      mb="md"
      keepMounted={false}
    >
      <Tabs.List>
        <Tabs.Tab value="own">{t('people.tabs.own')}</Tabs.Tab>
        <Tabs.Tab value="shared">{t('people.tabs.shared')}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
