// Tabs that are links between sibling pages (/grants, /grants/bookmarks …): the tab of the
// current path is selected, choosing another navigates to its path.
import { Tabs } from '@mantine/core';
import { useLocation, useNavigate } from 'react-router-dom';

export interface RouteTab {
  path: string;
  label: string;
}

export function RouteTabs({ tabs, label }: { tabs: readonly RouteTab[]; label: string }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const active = tabs.find((tab) => tab.path === pathname)?.path ?? null;
  return (
    <Tabs value={active} onChange={(value) => value && navigate(value)} mb="lg" keepMounted={false}>
      <Tabs.List aria-label={label}>
        {tabs.map((tab) => (
          <Tabs.Tab key={tab.path} value={tab.path}>
            {tab.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}
