// Whether the page is laid out for a phone: narrower than Mantine's `sm` breakpoint (48em, 768 px
// at the default font size), where tables become cards and filters fold behind one button — the
// same edge as Mantine's `hiddenFrom="sm"` / `visibleFrom="sm"`. Read on the first render (not
// after an effect), so a phone never flashes the laptop layout; without a window (static
// rendering in unit tests) it is the laptop layout.
import { useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';

export function usePhoneLayout(): boolean {
  const theme = useMantineTheme();
  // Mantine's breakpoints are in em; just under `sm`, as its own max-width queries are written.
  const justUnder = `${parseFloat(theme.breakpoints.sm) - 0.01}em`;
  return useMediaQuery(`(max-width: ${justUnder})`, undefined, { getInitialValueInEffect: false });
}
