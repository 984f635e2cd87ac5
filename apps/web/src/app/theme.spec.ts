// The theme's actual colours, measured with the WCAG formula, in each role Mantine gives them in
// the light scheme (see theme.ts): a palette change that drops below AA fails here.
import { DEFAULT_THEME } from '@mantine/core';
import { contrastRatio, darkenToContrast, relativeLuminance } from './contrast';
import { accessibleColors, cssVariablesResolver, theme } from './theme';

const AA = 4.5;
const white = '#ffffff';
const colors = accessibleColors;
const surfaces = [white, colors.gray[0], colors.gray[1]];

describe('contrast arithmetic', () => {
  it('gives the WCAG figures for known pairs', () => {
    expect(contrastRatio('#000000', white)).toBeCloseTo(21, 5);
    expect(contrastRatio(white, white)).toBe(1);
    expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4);
    // The figure issue 16 measured: white on Mantine's stock teal-6.
    expect(contrastRatio(white, DEFAULT_THEME.colors.teal[6])).toBeCloseTo(2.55, 2);
  });

  it('darkens until the ratio is reached and leaves passing colours alone', () => {
    const darker = darkenToContrast('#12b886', white, AA);
    expect(contrastRatio(darker, white)).toBeGreaterThanOrEqual(AA);
    expect(darkenToContrast('#000000', white, AA)).toBe('#000000');
  });
});

describe('theme colours pass WCAG 2.2 AA', () => {
  const primary = theme.primaryColor ?? 'teal';
  const shade = typeof theme.primaryShade === 'number' ? theme.primaryShade : 6;

  it('keeps the brand teal as the primary colour, at the shade the checks below use', () => {
    expect(theme.colors).toBe(accessibleColors);
    expect(primary).toBe('teal');
    expect(shade).toBe(6);
  });

  const palettes = Object.entries(colors).filter(([name]) => name !== 'dark');
  it.each(palettes)('%s: white text on filled and filled-hover (shades 6, 7)', (_name, palette) => {
    expect(contrastRatio(white, palette[6])).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(white, palette[7])).toBeGreaterThanOrEqual(AA);
  });

  it.each(palettes)('%s: shade 6 as text (outline, anchor, c="…", dimmed) on every light surface and its own tints', (_name, palette) => {
    for (const surface of [...surfaces, palette[0], palette[1]]) expect(contrastRatio(palette[6], surface)).toBeGreaterThanOrEqual(AA);
  });

  it('placeholder text is gray-6, which passes on every light surface', () => {
    const resolved = cssVariablesResolver(theme as Parameters<typeof cssVariablesResolver>[0]);
    expect(resolved.light['--mantine-color-placeholder']).toBe('var(--mantine-color-gray-6)');
    for (const surface of surfaces) expect(contrastRatio(colors.gray[6], surface)).toBeGreaterThanOrEqual(AA);
  });

  it.each(palettes)('%s: light/subtle text (shade 9) on the light tint and its hover (shades 1, 2)', (_name, palette) => {
    expect(contrastRatio(palette[9], palette[1])).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(palette[9], palette[2])).toBeGreaterThanOrEqual(AA);
  });

  it('the primary teal: the figures, and still a teal', () => {
    const teal = colors.teal;
    // Hue stays in Mantine teal's (green-cyan) range: green is the strongest channel, blue next.
    const [r, g, b] = [1, 3, 5].map((start) => parseInt(teal[6].slice(start, start + 2), 16));
    expect(g).toBeGreaterThan(b);
    expect(b).toBeGreaterThan(r);
    expect(contrastRatio(white, teal[6])).toBeGreaterThanOrEqual(AA);
    expect(contrastRatio(teal[9], teal[1])).toBeGreaterThanOrEqual(AA);
  });
});
