// A short code shown as written — a person's pseudonym (P-7QK2M), a verification code, a
// municipality code — in monospace, never broken across lines: a squeezed table column or a
// phone's narrow card would otherwise stack it one character per line. The code is short, so
// keeping it whole costs at most a little horizontal room (tables scroll, cards wrap around it).
import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

export function ShortCode({ children, ...text }: Omit<TextProps, 'ff' | 'style'> & { children: ReactNode }) {
  return (
    <Text component="span" ff="monospace" fz="sm" {...text} style={{ whiteSpace: 'nowrap' }} data-short-code>
      {children}
    </Text>
  );
}
