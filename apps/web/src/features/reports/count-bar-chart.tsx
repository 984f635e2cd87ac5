// A bar chart of counts (recharts, SVG) with its data table beneath. Real figures are solid bars;
// a hidden cell (秘匿: a 1–4, or a cell hidden so that a 1–4 cannot be subtracted back) draws no
// bar of any count — any height in counts would suggest a quantity — only a fixed 3-pixel hatched
// stub at the axis with the hidden mark, so it is visibly withheld rather than drawn as 0, as 5
// or as a guessed number. The SVG is one
// image to assistive technology (its label points to the table); the table — inside a
// details/summary so the page stays short — holds every figure as the API displays it.
// Horizontal bars carry long labels (organisation names, clipped at the axis before, issue 16):
// they wrap onto up to three lines in a label area as wide as the screen allows.
import { Box, Group, Table, Text, Title, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { hasBars, wrapLabel, type ChartRow } from './reports-logic';

const ROW_HEIGHT = 30;
const TICK_FONT_SIZE = 12;
const TICK_LINE_HEIGHT = 1.2;
const MAX_TICK_LINES = 3;
/** Label areas of horizontal charts, in pixels: a phone keeps room for the bars. */
const LABEL_WIDTH = { narrow: 140, wide: 220 } as const;

interface TickProps {
  readonly x?: number | string;
  readonly y?: number | string;
  readonly payload?: { readonly value?: string | number };
}

/** An axis label as lines (tspans), centred on its bar; the full label is its SVG title. */
function WrappedTick({ x, y, payload, lines, fill }: TickProps & { lines: ReadonlyMap<string, { full: string; lines: string[] }>; fill: string }) {
  const key = String(payload?.value ?? '');
  const label = lines.get(key) ?? { full: key, lines: [key] };
  const firstOffset = -((label.lines.length - 1) * TICK_LINE_HEIGHT) / 2 + 0.35;
  return (
    <g transform={`translate(${Number(x ?? 0)},${Number(y ?? 0)})`}>
      <title>{label.full}</title>
      <text textAnchor="end" fontSize={TICK_FONT_SIZE} fill={fill}>
        {label.lines.map((line, index) => (
          <tspan key={index} x={-6} dy={`${index === 0 ? firstOffset : TICK_LINE_HEIGHT}em`}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

/** The hatching of suppressed bars (an SVG pattern, referenced by id). */
function HatchPattern({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} patternUnits="userSpaceOnUse" width={6} height={6} patternTransform="rotate(45)">
      <rect width={6} height={6} fill="white" />
      <line x1={0} y1={0} x2={0} y2={6} stroke={color} strokeWidth={2} />
    </pattern>
  );
}

/** A small hatched square for the legend and the page's note. */
export function SuppressedSwatch() {
  const theme = useMantineTheme();
  const patternId = `swatch-${useId().replaceAll(':', '')}`;
  return (
    <svg width={16} height={16} aria-hidden="true" focusable="false" style={{ flex: 'none' }}>
      <defs>
        <HatchPattern id={patternId} color={theme.colors.gray[6]} />
      </defs>
      <rect x={0.5} y={0.5} width={15} height={15} fill={`url(#${patternId})`} stroke={theme.colors.gray[6]} strokeDasharray="3 2" />
    </svg>
  );
}

export interface CountBarChartProps {
  /** The heading of the chart and the name of its table. */
  title: string;
  rows: readonly ChartRow[];
  /** Horizontal bars (one row per item, long labels such as organisation names) or columns (months). */
  orientation: 'horizontal' | 'columns';
  /** The table's first column header. */
  itemHeader: string;
  /** Short axis labels for columns (e.g. "4月" for "2026年4月"); the table keeps the full label. */
  tickOf?: (row: ChartRow) => string;
}

export function CountBarChart({ title, rows, orientation, itemHeader, tickOf }: CountBarChartProps) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const headingId = `chart-${useId().replaceAll(':', '')}`;
  const patternId = `${headingId}-hatch`;
  const barColor = theme.colors[theme.primaryColor][6];
  const hatchColor = theme.colors.gray[6];
  const horizontal = orientation === 'horizontal';
  const narrow = useMediaQuery('(max-width: 36em)') ?? false;
  const labelWidth = narrow ? LABEL_WIDTH.narrow : LABEL_WIDTH.wide;
  const suppressedShown = rows.some((row) => row.suppressed);
  const ticks = new Map(rows.map((row) => [row.key, tickOf ? tickOf(row) : row.label]));
  const wrapped = new Map(rows.map((row) => [row.key, { full: row.label, lines: wrapLabel(row.label, (labelWidth - 12) / TICK_FONT_SIZE, MAX_TICK_LINES) }]));
  // Every row is as tall as the most wrapped label needs (a category axis spaces rows evenly).
  const mostLines = Math.max(1, ...[...wrapped.values()].map((label) => label.lines.length));
  const rowHeight = Math.max(ROW_HEIGHT, Math.ceil(mostLines * TICK_FONT_SIZE * TICK_LINE_HEIGHT) + 10);
  const height = horizontal ? Math.max(120, rows.length * rowHeight + 40) : 260;
  const hiddenMark = t('reports.suppressedMark');
  // The label on a bar and in the table: the figure, or the hidden mark for a hidden cell. Each
  // bar labels its own rows only (both labelled every row, so a figure was printed twice).
  const drawn = rows.map((row) => ({
    ...row,
    shown: row.suppressed ? hiddenMark : row.display,
    barLabel: row.suppressed ? undefined : row.display,
    markerLabel: row.suppressed ? hiddenMark : undefined,
  }));

  return (
    <Box component="figure" m={0} aria-labelledby={headingId} data-testid="report-chart">
      <Title order={3} fz="h5" id={headingId} mb="xs">
        {title}
      </Title>
      {hasBars(rows) ? (
        <>
          <div role="img" aria-label={t('reports.chartLabel', { title })} style={{ width: '100%', height }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={drawn}
                layout={horizontal ? 'vertical' : 'horizontal'}
                margin={{ top: 20, right: 40, bottom: 4, left: 4 }}
                accessibilityLayer={false}
              >
                <defs>
                  <HatchPattern id={patternId} color={hatchColor} />
                </defs>
                <CartesianGrid strokeDasharray="3 3" horizontal={!horizontal} vertical={horizontal} />
                {horizontal ? (
                  <>
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis
                      type="category"
                      dataKey="key"
                      width={labelWidth}
                      interval={0}
                      tick={(props: TickProps) => <WrappedTick {...props} lines={wrapped} fill={theme.colors.gray[7]} />}
                    />
                  </>
                ) : (
                  <>
                    <XAxis type="category" dataKey="key" tickFormatter={(key: string) => ticks.get(key) ?? key} interval={0} />
                    <YAxis type="number" allowDecimals={false} width={40} />
                  </>
                )}
                <Bar dataKey="value" stackId="count" fill={barColor} isAnimationActive={false}>
                  <LabelList dataKey="barLabel" position={horizontal ? 'right' : 'top'} />
                </Bar>
                {/* A fixed 3-pixel hatched stub at the axis (minPointSize, in pixels, not in counts): a
                    mark that is clearly no quantity, carrying the hidden label. */}
                <Bar
                  dataKey="suppressedMarker"
                  stackId="count"
                  fill={`url(#${patternId})`}
                  stroke={hatchColor}
                  // Only a hidden cell gets the stub: a real figure's row has no marker (null).
                  minPointSize={(value: unknown) => (value === null || value === undefined ? 0 : 3)}
                  isAnimationActive={false}
                >
                  <LabelList dataKey="markerLabel" position={horizontal ? 'right' : 'top'} fill={hatchColor} />
                </Bar>
              </BarChart>
            </ResponsiveContainer>
          </div>
          {suppressedShown ? (
            <Group gap={6} mt={4} wrap="nowrap">
              <SuppressedSwatch />
              <Text fz="xs" c="dimmed">
                {t('reports.suppressedLegend')}
              </Text>
            </Group>
          ) : null}
        </>
      ) : (
        <Text c="dimmed" fz="sm">
          {t('reports.noData')}
        </Text>
      )}
      <details>
        <summary>
          <Text component="span" fz="sm">
            {t('reports.showTable', { title })}
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={320}>
          <Table striped aria-label={title}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{itemHeader}</Table.Th>
                <Table.Th ta="right">{t('reports.columns.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {drawn.map((row) => (
                <Table.Tr key={row.key}>
                  <Table.Td>{row.label}</Table.Td>
                  <Table.Td ta="right">{row.shown}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </Box>
  );
}
