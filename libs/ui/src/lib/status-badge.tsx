// Shows whether a service is up or down. Colour is never the only signal: the badge always
// carries the (already translated) label, and a dot shape differs between the two states.
import { Badge } from '@mantine/core';

export type ServiceState = 'UP' | 'DOWN';

export interface StatusBadgeProps {
  status: ServiceState;
  /** Translated text for the state, e.g. 「正常」 or "Up". */
  label: string;
}

export function StatusBadge({ status, label }: StatusBadgeProps) {
  const up = status === 'UP';
  return (
    <Badge
      color={up ? 'teal' : 'red'}
      variant={up ? 'light' : 'filled'}
      size="lg"
      radius="sm"
      tt="none"
      data-status={status}
      leftSection={
        <span
          aria-hidden="true"
          style={{
            display: 'inline-block',
            width: 8,
            height: 8,
            borderRadius: up ? '50%' : 0,
            background: 'currentColor',
          }}
        />
      }
    >
      {label}
    </Badge>
  );
}
