// A spinner with a visible, translated message, announced politely by screen readers.
import { Group, Loader, Text } from '@mantine/core';

export interface LoadingStateProps {
  label: string;
}

export function LoadingState({ label }: LoadingStateProps) {
  return (
    <Group role="status" aria-live="polite" gap="sm" py="md">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label}</Text>
    </Group>
  );
}
