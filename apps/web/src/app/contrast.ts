// WCAG 2.2 contrast arithmetic (relative luminance of sRGB, contrast ratio), used to derive the
// theme's palettes and by the test that keeps them at AA. Colours are #rrggbb.

function channels(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const value = parseInt(match[1], 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

function toHex(rgb: readonly number[]): string {
  return `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [relativeLuminance(first), relativeLuminance(second)].sort((a, b) => b - a);
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * The colour darkened (each channel scaled towards black, which keeps the hue) in small steps
 * until it reaches `ratio` against `background`; unchanged when it already does.
 */
export function darkenToContrast(hex: string, background: string, ratio: number): string {
  const rgb = channels(hex);
  for (let step = 0; step <= 100; step += 1) {
    const candidate = toHex(rgb.map((channel) => (channel * (100 - step)) / 100));
    if (contrastRatio(candidate, background) >= ratio) return candidate;
  }
  throw new Error(`${hex} cannot reach ${ratio}:1 against ${background}`);
}
