// Mantine theme: a calm teal, and system fonts that render Japanese well on every platform.
import { createTheme } from '@mantine/core';

const fontFamily =
  'system-ui, -apple-system, "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Yu Gothic UI", Meiryo, sans-serif';

export const theme = createTheme({
  primaryColor: 'teal',
  fontFamily,
  headings: { fontFamily },
  defaultRadius: 'md',
});
