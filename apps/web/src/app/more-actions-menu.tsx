// "その他の操作" / "More": a menu for a page's actions that few of its users need (machine-readable
// exports such as HSDS or a disclosure as JSON), so they stay at hand without standing beside
// the page's everyday actions as buttons of the same weight.
import { Button, Menu, type ButtonProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export interface MoreAction {
  readonly key: string;
  readonly label: string;
  readonly onClick: () => void;
}

export function MoreActionsMenu({ actions, busy = false, size }: { actions: readonly MoreAction[]; busy?: boolean; size?: ButtonProps['size'] }) {
  const { t } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size={size} loading={busy} rightSection={<span aria-hidden="true">{'▾'}</span>}>
          {t('common.more')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.map((action) => (
          <Menu.Item key={action.key} onClick={action.onClick}>
            {action.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
