// /notifications — the notification centre: my notifications newest first (all, or unread only),
// each linking to its referral, mark one or all read, "load more", and a link to the mail settings.
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, Stack, Switch } from '@mantine/core';
import { MarkAllNotificationsReadDocument, NotificationsDocument } from '@tsunagu/graphql-client';
import { PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ConnectionList } from '../../app/connection-list';
import { NotificationItem, notificationQueries } from './notification-item';

export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const query = useQuery(NotificationsDocument, {
    variables: { first: 30, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const [markAll, marking] = useMutation(MarkAllNotificationsReadDocument, { refetchQueries: notificationQueries, awaitRefetchQueries: true });
  const connection = query.data?.notifications;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.description')}
        actions={
          <Button variant="default" onClick={() => void markAll().catch(() => undefined)} loading={marking.loading}>
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Stack gap="md" maw={900}>
        <Group justify="space-between" wrap="wrap">
          <Switch label={t('notifications.unreadOnly')} checked={unreadOnly} onChange={(event) => setUnreadOnly(event.currentTarget.checked)} />
          <Anchor component={Link} to="/account#notification-settings" fz="sm">
            {t('notifications.settings')}
          </Anchor>
        </Group>
        <ConnectionList query={query} connection={connection}
          gap="xs"
          label={t('notifications.title')}
          empty={unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
          renderItem={(notification) => (
            <Card withBorder padding="sm">
              <NotificationItem notification={notification} />
            </Card>
          )}
        />
      </Stack>
    </>
  );
}
