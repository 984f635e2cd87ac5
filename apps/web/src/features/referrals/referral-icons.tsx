// Small line icons for the referral badges, so urgency and status differ in shape as well as in
// colour and words (a triage list is scanned, often on a phone in daylight). Drawn here as plain
// SVG on a 24-unit grid, stroked in the badge's text colour: a dozen glyphs do not justify an icon
// package. Decorative only (aria-hidden): the badge's label is what is read out.
import type { ReactNode } from 'react';

function Glyph({ children }: { children: ReactNode }) {
  return (
    <svg
      width="0.95em"
      height="0.95em"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2.4}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block', flex: 'none' }}
    >
      {children}
    </svg>
  );
}

const circle = <circle cx="12" cy="12" r="9" />;

const glyphs: Record<string, ReactNode> = {
  // Urgency: a warning triangle, an upward arrow, a level line.
  URGENT: (
    <>
      <path d="M12 3 2.5 20h19L12 3z" />
      <path d="M12 10v4M12 17.5v.01" />
    </>
  ),
  HIGH: <path d="M12 19V5M6 11l6-6 6 6" />,
  NORMAL: <path d="M5 12h14" />,
  // Status.
  DRAFT: <path d="M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4" />,
  SENT: (
    <>
      {circle}
      <path d="M12 7v5l3 2" />
    </>
  ),
  ACCEPTED: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  IN_PROGRESS: (
    <>
      {circle}
      <path d="m10 8.5 5 3.5-5 3.5z" />
    </>
  ),
  COMPLETED: (
    <>
      {circle}
      <path d="m8 12.5 3 3 5-6" />
    </>
  ),
  DECLINED: <path d="M6 6l12 12M18 6 6 18" />,
  EXPIRED: <path d="M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9s8 4 8 9" />,
  CANCELLED: (
    <>
      {circle}
      <path d="m5.7 5.7 12.6 12.6" />
    </>
  ),
  CLOSED_UNRESOLVED: (
    <>
      {circle}
      <path d="M8 12h8" />
    </>
  ),
  FORWARDED: <path d="M4 12h15M13 6l6 6-6 6" />,
  OVERDUE: (
    <>
      {circle}
      <path d="M12 7v6M12 16.5v.01" />
    </>
  ),
};

/** The icon of an urgency or status code (or OVERDUE); none for a code without one. */
export function ReferralIcon({ code }: { code: string }) {
  const glyph = glyphs[code];
  return glyph ? <Glyph>{glyph}</Glyph> : null;
}
