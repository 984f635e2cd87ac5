// One headline figure of a report: what it counts, and the figure large beneath it.
import { Card, Text, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';

export function FigureCard({ label, value, padding = 'md' }: { label: string; value: ReactNode; padding?: MantineSpacing }) {
  return (
    <Card withBorder padding={padding}>
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
    </Card>
  );
}
