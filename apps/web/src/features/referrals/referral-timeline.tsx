// The referral's timeline: every step with who (person and organisation, or the system for
// deadline jobs), when, what happened (the status it moved to) and the reason or outcome given.
import { Anchor, Group, Text, Timeline } from '@mantine/core';
import type { ReferralEventRowFragment } from '@tsunagu/graphql-client';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePeopleLabels } from '../people/vocabulary';
import { formatDateTime } from '../../app/japan-time-format';
import { ReferralStatusBadge } from './referral-badges';
import { useReferralLabels } from './vocabulary';
import { WithheldText } from './withheld-text';

const eventActions = [
  'CREATE',
  'ESCALATE',
  'SEND',
  'CANCEL',
  'ACCEPT',
  'DECLINE',
  'START',
  'COMPLETE',
  'CLOSE_UNRESOLVED',
  'FORWARD',
  'EXPIRE',
  'REQUEST_CATEGORIES',
  'SHARE_CATEGORIES',
] as const;
type EventAction = (typeof eventActions)[number];

function isEventAction(action: string): action is EventAction {
  return (eventActions as readonly string[]).includes(action);
}

export function ReferralTimeline({ events }: { events: readonly ReferralEventRowFragment[] }) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const people = usePeopleLabels();
  if (events.length === 0) return <Text c="dimmed">{t('referrals.detail.noEvents')}</Text>;
  return (
    <Timeline active={events.length - 1} bulletSize={14} lineWidth={2} data-testid="referral-timeline">
      {events.map((event) => (
        <Timeline.Item
          key={event.id}
          data-action={event.action}
          title={
            <Group gap="xs" wrap="wrap">
              <Text component="span" fw={600} fz="sm">
                {isEventAction(event.action) ? t(`referrals.events.${event.action}`) : labels.action(event.action)}
              </Text>
              {event.toStatus ? <ReferralStatusBadge status={event.toStatus} size="sm" /> : null}
            </Group>
          }
        >
          <Text fz="xs" c="dimmed">
            {t('referrals.detail.eventBy', {
              when: formatDateTime(event.at, labels.language),
              who: event.actorName
                ? event.actorOrganization
                  ? t('referrals.detail.actorAt', { name: event.actorName, organization: event.actorOrganization.name })
                  : event.actorName
                : t('referrals.detail.system'),
            })}
          </Text>
          {event.categories.length > 0 ? (
            <Text fz="sm" mt={4} data-testid="event-categories">
              {t('referrals.detail.eventCategories', { categories: event.categories.map(people.category).join(t('people.listSeparator')) })}
            </Text>
          ) : null}
          {event.note ? (
            <Text fz="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }} data-testid="event-note">
              {event.note}
            </Text>
          ) : event.textWithheldReason ? (
            <Text fz="sm" mt={4} data-testid="event-note-withheld">
              <WithheldText reason={event.textWithheldReason} />
            </Text>
          ) : null}
          {event.relatedReferralId ? (
            <Anchor component={Link} to={`/referrals/${event.relatedReferralId}`} fz="sm">
              {t('referrals.detail.relatedReferral')}
            </Anchor>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
