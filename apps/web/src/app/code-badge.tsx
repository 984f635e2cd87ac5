// A vocabulary code's badge (a person's status, a referral's urgency, a service's capacity…): its
// colour from the feature's table, grey for a code the table does not know, and always its label,
// so colour is never the only signal. One shape everywhere: small radius, the label as written.
// The label is never cut short: a badge is the one cue a list is scanned by (送信済み（返答待ち）,
// "Sent (awaiting reply)"), and a tooltip cannot be hovered on a phone, so a long label wraps
// onto a second line — between words and at Japanese punctuation, not inside a word — instead of
// ending in "…". An optional icon before it gives the code a shape as well as a colour and words.
import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';

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
  /** A small decorative icon before the label (aria-hidden: the label says it all). */
  readonly icon?: ReactNode;
}

/** Mantine's Badge is one line high and ends an overflowing label with "…"; these let it grow instead. */
export const WRAPPING_BADGE_STYLES = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', overflow: 'visible', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', wordBreak: 'keep-all', overflowWrap: 'break-word', lineHeight: 1.35 },
  section: { alignSelf: 'center' },
} as const;

export function CodeBadge({ code, label, colors, attribute, variant = 'light', size, testId, icon }: CodeBadgeProps) {
  const codeAttribute = attribute ? { [`data-${attribute}`]: code } : {};
  return (
    <Badge
      color={colors[code] ?? 'gray'}
      variant={variant}
      radius="sm"
      tt="none"
      size={size}
      data-testid={testId}
      leftSection={icon}
      styles={WRAPPING_BADGE_STYLES}
      {...codeAttribute}
    >
      {label}
    </Badge>
  );
}
