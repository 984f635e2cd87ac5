// Mantine theme: a calm teal, and system fonts that render Japanese well on every platform.
// Mantine's stock shades 6–9 are too light for text (white on teal-6 #12b886 is 2.55:1, teal-6 on
// white the same), so every palette's shades 6–9 are darkened, hue kept, until they pass WCAG 2.2
// AA in the roles Mantine gives them in a light scheme:
//   6: filled background under white text, outline/anchor/`c="…"` text (and gray-6 is "dimmed");
//   7: the filled hover;  9: text of the light and subtle variants on the 1/2 tints.
// Each shade is measured against gray-1, the darkest light surface the app puts text on, so it
// also holds on white and gray-0. theme.spec.ts checks every pair.
import { createTheme, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';
import { darkenToContrast } from './contrast';

const fontFamily =
  'system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif';

/** The lightest surface colour text sits on is white; the darkest is Mantine's gray-1. */
export const darkestLightSurface = DEFAULT_THEME.colors.gray[1];

/** Contrast each shade reaches against the darkest light surface: AA (4.5) for 6, a visible step up for hover and the darker shades. */
const shadeTargets: Record<6 | 7 | 8 | 9, number> = { 6: 4.5, 7: 5.5, 8: 6.5, 9: 7.5 };

function accessiblePalette(palette: MantineColorsTuple): MantineColorsTuple {
  const shades = [...palette];
  for (const shade of [6, 7, 8, 9] as const) {
    shades[shade] = darkenToContrast(palette[shade], darkestLightSurface, shadeTargets[shade]);
  }
  return shades as unknown as MantineColorsTuple;
}

export const accessibleColors = Object.fromEntries(
  Object.entries(DEFAULT_THEME.colors).map(([name, palette]) => [name, accessiblePalette(palette)]),
) as Record<keyof typeof DEFAULT_THEME.colors, MantineColorsTuple>;

export const theme = createTheme({
  primaryColor: 'teal',
  primaryShade: 6,
  colors: accessibleColors,
  fontFamily,
  headings: { fontFamily },
  defaultRadius: 'md',
});
