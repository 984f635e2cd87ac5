// Small pieces shared by the directory list, the service page and the public portal:
// capacity badge, contact channels as links, and opening hours as a weekday table (Japan time).
import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { WEEKDAYS, type CapacityState, type Weekday } from '@tsunagu/domain';
import { useTranslation } from 'react-i18next';
import { CodeBadge } from '../../app/code-badge';
import { channelHref, useDirectoryLabels } from './vocabulary';

const capacityColors: Record<CapacityState, string> = {
  ACCEPTING: 'teal',
  WAITLIST: 'yellow',
  NOT_ACCEPTING: 'gray',
};

export function CapacityBadge({ capacity }: { capacity: CapacityState }) {
  const { t } = useTranslation();
  return <CodeBadge code={capacity} label={t(`directory.capacity.${capacity}`)} colors={capacityColors} attribute="capacity" />;
}

export function CategoryBadges({ categories }: { categories: readonly string[] }) {
  const labels = useDirectoryLabels();
  return (
    <Group gap={4} wrap="wrap">
      {categories.map((code) => (
        <Badge key={code} variant="outline" color="teal" tt="none" radius="sm">
          {labels.category(code)}
        </Badge>
      ))}
    </Group>
  );
}

export interface ChannelView {
  readonly kind: string;
  readonly value: string;
  readonly note?: string | null;
  readonly public: boolean;
}

/** Each channel: its kind, the value as a tel:/mailto:/https link where possible, and the note. */
export function ChannelList({ channels, showVisibility = false }: { channels: readonly ChannelView[]; showVisibility?: boolean }) {
  const { t } = useTranslation();
  const labels = useDirectoryLabels();
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {channels.map((channel, index) => {
        const href = channelHref(channel.kind, channel.value);
        const external = href?.startsWith('http');
        return (
          <li key={`${channel.kind}-${index}`}>
            <Group gap="xs" wrap="wrap" align="baseline">
              <Text component="span" fz="sm" c="dimmed" miw={90}>
                {labels.channel(channel.kind)}
              </Text>
              {href ? (
                <Anchor
                  href={href}
                  fw={600}
                  {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
                  style={{ wordBreak: 'break-all' }}
                >
                  {channel.value}
                </Anchor>
              ) : (
                <Text component="span" fw={600}>
                  {channel.value}
                </Text>
              )}
              {channel.note ? (
                <Text component="span" fz="sm" c="dimmed">
                  {channel.note}
                </Text>
              ) : null}
              {showVisibility && !channel.public ? (
                <Badge size="sm" color="gray" variant="light" tt="none">
                  {t('directory.channelMembersOnly')}
                </Badge>
              ) : null}
            </Group>
          </li>
        );
      })}
    </Stack>
  );
}

export interface PeriodView {
  readonly day: string;
  readonly opens: string;
  readonly closes: string;
}

/** One row per weekday (Monday first) with its periods; days without any say "closed". */
export function OpeningHoursTable({ periods, caption }: { periods: readonly PeriodView[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <Table aria-label={caption} withRowBorders verticalSpacing={4} maw={420}>
      <Table.Tbody>
        {WEEKDAYS.map((day: Weekday) => {
          const today = periods
            .filter((period) => period.day === day)
            .sort((a, b) => a.opens.localeCompare(b.opens));
          return (
            <Table.Tr key={day}>
              <Table.Th scope="row" fw={500} w={120}>
                {t(`directory.weekday.${day}`)}
              </Table.Th>
              <Table.Td>
                {today.length
                  ? today.map((period) => t('directory.period', { opens: period.opens, closes: period.closes })).join('、')
                  : t('directory.closed')}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

/** "月〜金 09:00–17:00 / 土 10:00–12:00" in one line, for cards: consecutive days with equal hours are joined. */
export function useHoursSummary(): (periods: readonly PeriodView[], open24h: boolean) => string {
  const { t } = useTranslation();
  return (periods, open24h) => {
    if (open24h) return t('directory.open24hBadge');
    if (!periods.length) return t('directory.hoursUnknown');
    const days = WEEKDAYS.map((day) => ({
      day,
      hours: periods
        .filter((period) => period.day === day)
        .sort((a, b) => a.opens.localeCompare(b.opens))
        .map((period) => t('directory.period', { opens: period.opens, closes: period.closes }))
        .join(', '),
    }));
    const runs: Array<{ first: Weekday; last: Weekday; hours: string }> = [];
    for (const { day, hours } of days) {
      const previous = runs[runs.length - 1];
      const follows = previous && WEEKDAYS.indexOf(previous.last) === WEEKDAYS.indexOf(day) - 1;
      if (hours && previous && follows && previous.hours === hours) previous.last = day;
      else if (hours) runs.push({ first: day, last: day, hours });
    }
    return runs
      .map((run) => {
        const first = t(`directory.weekdayShort.${run.first}`);
        const span = run.first === run.last ? first : t('directory.dayRange', { first, last: t(`directory.weekdayShort.${run.last}`) });
        return `${span} ${run.hours}`;
      })
      .join(' / ');
  };
}
