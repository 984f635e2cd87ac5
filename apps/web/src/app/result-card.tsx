// One result in a list page: an <article> named by its linked title, with the line under the
// title (who offers it), what stands beside it (a badge or a button) and the details below.
import { Anchor, Card, Group, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

export interface ResultCardProps {
  /** Id of the heading, which names the article. */
  readonly headingId: string;
  readonly title: string;
  /** The record's own page. */
  readonly to: string;
  readonly subtitle?: ReactNode;
  readonly aside?: ReactNode;
  /** 3 under a list page's results heading, 2 when the list is the page's content. */
  readonly headingOrder?: TitleOrder;
  readonly testId?: string;
  readonly children?: ReactNode;
}

export function ResultCard({ headingId, title, to, subtitle, aside, headingOrder = 3, testId, children }: ResultCardProps) {
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId} data-testid={testId}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ flex: '1 1 16rem' }}>
            <Title order={headingOrder} fz="h5" id={headingId}>
              <Anchor component={Link} to={to}>
                {title}
              </Anchor>
            </Title>
            {subtitle ? (
              <Text fz="sm" c="dimmed">
                {subtitle}
              </Text>
            ) : null}
          </Stack>
          {aside}
        </Group>
        {children}
      </Stack>
    </Card>
  );
}
