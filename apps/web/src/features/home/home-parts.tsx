// The pieces every home card is made of: the counts that open the filtered list, and the short
// list of the nearest items with an empty state in plain words. One column on a phone, the
// counts wrapping under each other rather than shrinking.
import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { SectionCard } from '../../app/section-card';

export interface HomeCount {
  readonly label: string;
  readonly count: number;
  /** The list this count is of, filtered (URL query parameters of that list). */
  readonly to: string;
  /** A count that calls for action now (past a deadline) is drawn in red when above zero. */
  readonly alarm?: boolean;
  readonly testId?: string;
}

/** The section's figures, each a link to the list it counts. */
export function HomeCounts({ counts }: { counts: readonly HomeCount[] }) {
  const { t } = useTranslation();
  return (
    <Group gap="md" mb="md" align="stretch" wrap="wrap">
      {counts.map(({ label, count, to, alarm, testId }) => (
        <Anchor
          key={label}
          component={Link}
          to={to}
          underline="hover"
          data-testid={testId}
          style={{ flex: '1 1 8rem', minWidth: '8rem' }}
          c={alarm && count > 0 ? 'red.8' : undefined}
        >
          <Stack gap={0}>
            <Text component="span" fz={28} fw={700} lh={1.2}>
              {t('home.count', { count })}
            </Text>
            <Text component="span" fz="sm">
              {label}
            </Text>
          </Stack>
        </Anchor>
      ))}
    </Group>
  );
}

/** One section of the home: its heading and what it covers, its counts, then its items. */
export function HomeCard({ id, title, description, counts, children }: { id: string; title: string; description: string; counts: readonly HomeCount[]; children: ReactNode }) {
  return (
    <SectionCard id={id} title={title} description={description} testId={id}>
      <HomeCounts counts={counts} />
      {children}
    </SectionCard>
  );
}

/** The nearest few items of a section, or the empty state when there are none. */
export function HomeItems({ label, empty, children, count }: { label: string; empty: string; count: number; children: ReactNode }) {
  if (count === 0) {
    return (
      <Text c="dimmed" fz="sm">
        {empty}
      </Text>
    );
  }
  return (
    <Stack component="ul" aria-label={label} gap="sm" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {children}
    </Stack>
  );
}

/** One item: its link (the record's own page), what stands beside it, and a line of details (the parts given, joined). */
export function HomeItem({
  title,
  to,
  details,
  badges,
  testId,
}: {
  title: string;
  to: string;
  details: ReadonlyArray<string | null>;
  badges?: ReactNode;
  testId?: string;
}) {
  const detail = details.filter(Boolean).join(' · ');
  return (
    <li data-testid={testId}>
      <Group gap="xs" wrap="wrap" align="baseline">
        <Anchor component={Link} to={to} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Anchor>
        {badges}
      </Group>
      {detail ? (
        <Text fz="sm" c="dimmed">
          {detail}
        </Text>
      ) : null}
    </li>
  );
}

/** A badge saying an item is past its date (colour is never the only signal). */
export function PastDueBadge({ label }: { label: string }) {
  return (
    <Badge color="red" variant="filled" radius="sm" tt="none">
      {label}
    </Badge>
  );
}
