// Mantine theme: a calm teal, and system fonts that render Japanese well on every platform.
// Mantine's stock shades 6–9 are too light for text (white on teal-6 #12b886 is 2.55:1, teal-6 on
// white the same), so every palette's shades 6–9 are darkened, hue kept, until they pass WCAG 2.2
// AA in the roles Mantine gives them in a light scheme:
//   6: filled background under white text, outline/anchor/`c="…"` text (and gray-6 is "dimmed");
//   7: the filled hover;  9: text of the light and subtle variants on the 1/2 tints.
// Each shade is measured against the darker of gray-1 (the darkest neutral surface the app puts
// text on) and the palette's own tints 0 and 1 (an outline badge inside a light alert), so it holds
// on every lighter surface too. Placeholder text, gray-5 in Mantine (2.07:1), uses gray-6 instead.
// theme.spec.ts checks every pair.
import { Anchor, createTheme, DEFAULT_THEME, TableScrollContainer, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';
import { darkenToContrast, relativeLuminance } from './contrast';

const fontFamily =
  'system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif';

/** The darkest neutral surface text sits on (the lightest is white). */
export const darkestNeutralSurface = DEFAULT_THEME.colors.gray[1];

/** Contrast each shade reaches against the darkest surface: AA (4.5) for 6, a visible step up for hover and the darker shades. */
const shadeTargets: Record<6 | 7 | 8 | 9, number> = { 6: 4.5, 7: 5.5, 8: 6.5, 9: 7.5 };

function accessiblePalette(palette: MantineColorsTuple): MantineColorsTuple {
  const surfaces = [darkestNeutralSurface, palette[0], palette[1]];
  const darkest = surfaces.reduce((a, b) => (relativeLuminance(b) < relativeLuminance(a) ? b : a));
  const shades = [...palette];
  for (const shade of [6, 7, 8, 9] as const) {
    shades[shade] = darkenToContrast(palette[shade], darkest, shadeTargets[shade]);
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
  components: {
    // Links are underlined: colour alone does not tell a link in a sentence from the text around it (WCAG 1.4.1).
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // A table wider than a phone scrolls sideways; its viewport takes focus so a keyboard can scroll it too (WCAG 2.1.1).
    TableScrollContainer: TableScrollContainer.extend({ defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } }),
  },
});

/** CSS variables the theme object cannot set: placeholder text as readable as "dimmed" text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': 'var(--mantine-color-gray-6)' },
  dark: {},
});
