// A vocabulary code's badge (a person's status, a referral's urgency, a service's capacity…): its
// colour from the feature's table, grey for a code the table does not know, and always its label,
// so colour is never the only signal. One shape everywhere: small radius, the label as written.
import { Badge, type BadgeProps } from '@mantine/core';

export interface CodeBadgeProps {
  readonly code: string;
  /** The code's translated label. */
  readonly label: string;
  readonly colors: Readonly<Record<string, string>>;
  /** The data attribute that carries the code for tests, e.g. "status" gives data-status. */
  readonly attribute?: string;
  readonly variant?: BadgeProps['variant'];
  readonly size?: BadgeProps['size'];
  readonly testId?: string;
}

export function CodeBadge({ code, label, colors, attribute, variant = 'light', size, testId }: CodeBadgeProps) {
  const codeAttribute = attribute ? { [`data-${attribute}`]: code } : {};
  return (
    <Badge color={colors[code] ?? 'gray'} variant={variant} radius="sm" tt="none" size={size} data-testid={testId} {...codeAttribute}>
      {label}
    </Badge>
  );
}
