// A titled part of a detail page: a card named by its heading (an <h2>), with optional actions
// beside the heading.
import { Card, Group, Title, type MantineSpacing, type TitleOrder } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SectionCardProps {
  /** Id of the heading, which names the section. */
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  padding?: MantineSpacing;
  /** 2 for a part of the page; 3 for a part within such a part. */
  order?: TitleOrder;
}

export function SectionCard({ id, title, children, actions, padding = 'lg', order = 2 }: SectionCardProps) {
  const heading = (
    <Title order={order} fz="h4" mb={actions === undefined ? 'sm' : undefined} id={id}>
      {title}
    </Title>
  );
  return (
    <Card withBorder padding={padding} component="section" aria-labelledby={id}>
      {actions === undefined ? (
        heading
      ) : (
        <Group justify="space-between" align="flex-start" mb="sm" wrap="wrap" gap="xs">
          {heading}
          {actions}
        </Group>
      )}
      {children}
    </Card>
  );
}
