// One notification: what happened (its kind), about which referral (service and the other
// organisation) or which course or training session, when, whether it is unread, and a link that
// opens the referral, the course or the session and marks it read.
import { useMutation } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { MarkNotificationsReadDocument, type NotificationRowFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../app/japan-time-format';
import { useReferralLabels } from '../referrals/vocabulary';

export const notificationQueries = ['UnreadNotificationCount', 'Notifications'];

export function NotificationItem({ notification, onOpen, compact = false }: { notification: NotificationRowFragment; onOpen?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const [markRead, { loading }] = useMutation(MarkNotificationsReadDocument, { refetchQueries: notificationQueries });
  const unread = !notification.readAt;
  const read = () => {
    if (unread) void markRead({ variables: { ids: [notification.id] } }).catch(() => undefined);
  };
  const about =
    notification.serviceName || notification.counterpartName
      ? t('notifications.about', { service: notification.serviceName ?? '', counterpart: notification.counterpartName ?? '' })
      : (notification.courseTitle ?? notification.trainingSessionTitle ?? null);
  const target = targetOf(notification);

  return (
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm" data-notification-kind={notification.kind} data-unread={unread ? 'true' : 'false'}>
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          {unread ? (
            <Badge size="xs" color="blue" variant="filled" tt="none">
              {t('notifications.unread')}
            </Badge>
          ) : null}
          {target ? (
            <Anchor
              component={Link}
              to={target}
              fz="sm"
              fw={unread ? 700 : 400}
              onClick={() => {
                read();
                onOpen?.();
              }}
            >
              {labels.notificationKind(notification.kind)}
            </Anchor>
          ) : (
            <Text fz="sm" fw={unread ? 700 : 400}>
              {labels.notificationKind(notification.kind)}
            </Text>
          )}
        </Group>
        {about ? (
          <Text fz="xs" c="dimmed" truncate={compact ? 'end' : undefined}>
            {about}
          </Text>
        ) : null}
        <Text fz="xs" c="dimmed">
          {formatDateTime(notification.createdAt, labels.language)}
        </Text>
      </Stack>
      {unread && !compact ? (
        <Button size="compact-xs" variant="subtle" onClick={read} loading={loading}>
          {t('notifications.markRead')}
        </Button>
      ) : null}
    </Group>
  );
}

/** Where a notification leads: its referral, the assigned course, or the session I got a place in. */
function targetOf(notification: NotificationRowFragment): string | null {
  if (notification.referralId) return `/referrals/${notification.referralId}`;
  if (notification.courseId) return `/training/courses/${notification.courseId}`;
  if (notification.trainingSessionId) return `/training/sessions/${notification.trainingSessionId}`;
  return null;
}
