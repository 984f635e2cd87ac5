// Small line icons for the referral badges, so urgency and status differ in shape as well as in
// colour and words (a triage list is scanned, often on a phone in daylight). Drawn here as plain
// SVG on a 24-unit grid, stroked in the badge's text colour: a dozen glyphs do not justify an icon
// package. Decorative only (aria-hidden): the badge's label is what is read out.

/** A glyph: its strokes, inside a circle or not. */
interface Glyph {
  readonly paths: readonly string[];
  readonly circled?: boolean;
}

const glyphs: Readonly<Record<string, Glyph>> = {
  // Urgency: a warning triangle, an upward arrow, a level line.
  URGENT: { paths: ['M12 3 2.5 20h19L12 3z', 'M12 10v4M12 17.5v.01'] },
  HIGH: { paths: ['M12 19V5M6 11l6-6 6 6'] },
  NORMAL: { paths: ['M5 12h14'] },
  // Status: a pencil, a clock (awaiting), a tick, play, a ticked circle, a cross, an hourglass,
  // a struck circle, a circle with a bar, an arrow onward; overdue: a circle with "!".
  DRAFT: { paths: ['M4 20h4L19 9l-4-4L4 16v4zM13.5 6.5l4 4'] },
  SENT: { paths: ['M12 7v5l3 2'], circled: true },
  ACCEPTED: { paths: ['m5 12.5 4.5 4.5L19 7.5'] },
  IN_PROGRESS: { paths: ['m10 8.5 5 3.5-5 3.5z'], circled: true },
  COMPLETED: { paths: ['m8 12.5 3 3 5-6'], circled: true },
  DECLINED: { paths: ['M6 6l12 12M18 6 6 18'] },
  EXPIRED: { paths: ['M7 3h10M7 21h10M8 3c0 5 8 5 8 9s-8 4-8 9M16 3c0 5-8 5-8 9s8 4 8 9'] },
  CANCELLED: { paths: ['m5.7 5.7 12.6 12.6'], circled: true },
  CLOSED_UNRESOLVED: { paths: ['M8 12h8'], circled: true },
  FORWARDED: { paths: ['M4 12h15M13 6l6 6-6 6'] },
  OVERDUE: { paths: ['M12 7v6M12 16.5v.01'], circled: true },
};

/** The icon of an urgency or status code (or OVERDUE); none for a code without one. */
export function ReferralIcon({ code }: { code: string }) {
  const glyph = glyphs[code];
  if (!glyph) return null;
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
      {glyph.circled ? <circle cx="12" cy="12" r="9" /> : null}
      {glyph.paths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
