// /notifications — the notification centre: my notifications newest first (all, or unread only),
// each linking to its referral, mark one or all read, "load more", and a link to the mail settings.
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import { MarkAllNotificationsReadDocument, NotificationsDocument } from '@tsunagu/graphql-client';
import { LoadingState, PageHeader } from '@tsunagu/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiErrorAlert } from '../../app/api-error-alert';
import { readApiError } from '../../app/api-errors';
import { useLoadMore } from '../../app/use-load-more';
import { NotificationItem, notificationQueries } from './notification-item';

export function NotificationsPage() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, loading, error, fetchMore } = useQuery(NotificationsDocument, {
    variables: { first: 30, unreadOnly },
    fetchPolicy: 'cache-and-network',
  });
  const [markAll, marking] = useMutation(MarkAllNotificationsReadDocument, { refetchQueries: notificationQueries, awaitRefetchQueries: true });
  const connection = data?.notifications;
  const { loadingMore, loadMore } = useLoadMore(fetchMore, connection?.pageInfo.endCursor);

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
        {error ? <ApiErrorAlert error={readApiError(error)} /> : null}
        {loading && !connection ? <LoadingState label={t('common.loading')} /> : null}
        {connection && connection.nodes.length === 0 ? <Text c="dimmed">{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Text> : null}
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('notifications.title')}>
          {connection?.nodes.map((notification) => (
            <li key={notification.id}>
              <Card withBorder padding="sm">
                <NotificationItem notification={notification} />
              </Card>
            </li>
          ))}
        </Stack>
        {connection?.pageInfo.hasNextPage ? (
          <Button variant="default" onClick={() => void loadMore()} loading={loadingMore} style={{ alignSelf: 'flex-start' }}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Stack>
    </>
  );
}
