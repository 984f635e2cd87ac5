// The bell in the header: my unread notification count (polled every 30 s, skipped while the tab
// is hidden), and a popover with the latest notifications, "mark all read" and a link to the
// notification centre.
import { useMutation, useQuery } from '@apollo/client/react';
import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { MarkAllNotificationsReadDocument, NotificationsDocument, UnreadNotificationCountDocument } from '@tsunagu/graphql-client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { visiblePolling } from '../referrals/use-visible-polling';
import { NotificationItem, notificationQueries } from './notification-item';

function BellIcon() {
  return (
    <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const { data } = useQuery(UnreadNotificationCountDocument, { ...visiblePolling(30_000) });
  const count = data?.unreadNotificationCount ?? 0;

  return (
    // The popover's target is the button itself: Popover.Target puts aria-expanded and
    // aria-haspopup on its child, which a plain <div> (the indicator) may not carry.
    <Indicator label={count > 99 ? '99+' : count} size={18} color="red" disabled={count === 0} offset={4} data-testid="notification-count">
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={340} withinPortal shadow="md">
        <Popover.Target>
          <ActionIcon variant="subtle" color="dark" size="lg" aria-label={t('notifications.bell', { count })} onClick={() => setOpened((value) => !value)}>
            <BellIcon />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs">{opened ? <RecentNotifications onClose={() => setOpened(false)} /> : null}</Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

function RecentNotifications({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { data, loading } = useQuery(NotificationsDocument, { variables: { first: 8, unreadOnly: false }, fetchPolicy: 'network-only' });
  const [markAll, marking] = useMutation(MarkAllNotificationsReadDocument, { refetchQueries: notificationQueries });
  const nodes = data?.notifications.nodes ?? [];
  return (
    <Stack gap="xs" role="region" aria-label={t('notifications.recent')}>
      <Group justify="space-between">
        <Text fw={600} fz="sm">
          {t('notifications.recent')}
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => void markAll().catch(() => undefined)} loading={marking.loading} disabled={!nodes.some((node) => !node.readAt)}>
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <Divider />
      {!loading && nodes.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('notifications.empty')}
        </Text>
      ) : null}
      <ScrollArea.Autosize mah={360}>
        <Stack gap="sm">
          {nodes.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onOpen={onClose} compact />
          ))}
        </Stack>
      </ScrollArea.Autosize>
      <Divider />
      <Button component={Link} to="/notifications" variant="subtle" size="xs" onClick={onClose}>
        {t('notifications.viewAll')}
      </Button>
    </Stack>
  );
}
