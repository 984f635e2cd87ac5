// A labelled list of values (<dl>), so screen readers announce each value with its term.
import { SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DescriptionItem {
  term: string;
  description: ReactNode;
}

export interface DescriptionListProps {
  items: readonly DescriptionItem[];
  /** Accessible name of the list, e.g. the heading it sits under. */
  label?: string;
}

export function DescriptionList({ items, label }: DescriptionListProps) {
  return (
    <SimpleGrid
      component="dl"
      aria-label={label}
      cols={{ base: 1, sm: 2 }}
      spacing="md"
      verticalSpacing="md"
      m={0}
    >
      {items.map((item) => (
        <div key={item.term}>
          <Text component="dt" size="sm" c="dimmed" fw={500}>
            {item.term}
          </Text>
          <Text component="dd" m={0} mt={4} fw={500}>
            {item.description}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
