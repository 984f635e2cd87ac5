// A titled part of a detail page: a card named by its heading (an <h2>), with optional actions
// beside the heading and an optional line of help under it.
import { Card, Group, Text, Title, type MantineSpacing, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SectionCardProps {
  /** Id of the heading, which names the section. */
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  /** A dimmed line under the heading saying what the section is for. */
  description?: string;
  padding?: MantineSpacing;
  /** 2 for a part of the page; 3 for a part within such a part. */
  order?: TitleOrder;
  /** Space below the card, where it is not in a Stack. */
  mb?: MantineSpacing;
  testId?: string;
}

export function SectionCard({ id, title, children, actions, description, padding = 'lg', order = 2, mb, testId }: SectionCardProps) {
  const heading = (
    <Title order={order} fz="h4" mb={actions === undefined ? (description === undefined ? 'sm' : 'xs') : undefined} id={id}>
      {title}
    </Title>
  );
  return (
    <Card withBorder padding={padding} component="section" aria-labelledby={id} mb={mb} data-testid={testId}>
      {actions === undefined ? (
        heading
      ) : (
        <Group justify="space-between" align="flex-start" mb={description === undefined ? 'sm' : 'xs'} wrap="wrap" gap="xs">
          {heading}
          {actions}
        </Group>
      )}
      {description === undefined ? null : (
        <Text c="dimmed" fz="sm" mb="md">
          {description}
        </Text>
      )}
      {children}
    </Card>
  );
}
