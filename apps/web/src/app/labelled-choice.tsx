// One choice out of a few, as a segmented control named by a visible label (Mantine's
// SegmentedControl has no label of its own), with an optional help line and error under it.
import { SegmentedControl, Stack, Text, type SegmentedControlItem } from '@mantine/core';
import type { ReactNode } from 'react';
import { useId } from 'react';

export interface LabelledChoiceProps<Value extends string> {
  label: string;
  value: Value;
  onChange: (value: Value) => void;
  data: readonly SegmentedControlItem[];
  help?: string;
  error?: ReactNode;
}

export function LabelledChoice<Value extends string>({ label, value, onChange, data, help, error }: LabelledChoiceProps<Value>) {
  const labelId = useId();
  return (
    <Stack gap={4}>
      <Text component="span" fz="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={labelId}
        value={value}
        onChange={(chosen) => onChange(chosen as Value)}
        data={[...data]}
        style={{ alignSelf: 'flex-start', maxWidth: '100%' }}
      />
      {help ? (
        <Text fz="xs" c="dimmed">
          {help}
        </Text>
      ) : null}
      {error ? (
        <Text fz="sm" c="red" role="alert">
          {error}
        </Text>
      ) : null}
    </Stack>
  );
}
