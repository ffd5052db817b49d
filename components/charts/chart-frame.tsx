// What every server-drawn chart shares: the empty and error states, the SVG of one layout with
// its axes and source-change markers, the legend, and the frame that hands the drawn layouts to
// the small client leaf for tooltips and highlighting. The charts (line-chart, bar-chart) keep
// only what differs: their series.
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import {
  CHART_FONT_SIZE,
  CHART_SMALL_FONT_SIZE,
  gridPath,
  type AxisTick,
  type ChartLayoutName,
  type PlacedReference,
  type PlotBox,
} from '@/lib/charts/chart-layout';
import {
  ChartInteraction,
  type InteractionLayout,
  type InteractionSeries,
  type TooltipPoint,
} from './chart-interaction';
import { CHART_AXIS_COLOR, CHART_GRID_COLOR } from './chart-theme';

/** A vertical marker on the x axis, e.g. the year a series changes source. */
export interface ChartReferenceLine {
  x: number | string;
  label: string;
}

/**
 * One layout is shown at a time, by the width of the chart's container (not the window): the
 * same chart sits full-width on /compare and in a third of the row on the overview. Literal
 * class names, so that Tailwind generates them.
 */
const LAYOUT_CLASS: Record<ChartLayoutName, string> = {
  narrow: 'block @min-[30rem]:hidden',
  medium: 'hidden @min-[30rem]:block @min-[52rem]:hidden',
  wide: 'hidden @min-[52rem]:block',
};

/** True when at least one category has a number in at least one row: otherwise the chart is empty. */
export function hasChartValues(
  data: readonly Record<string, unknown>[],
  categories: readonly { key: string }[],
): boolean {
  return data.some((row) => categories.some((category) => typeof row[category.key] === 'number'));
}

function StateBox({ height, children, ...rest }: { height: number; children: ReactNode } & Record<string, unknown>) {
  return (
    <div
      {...rest}
      className="flex items-center justify-center rounded-lg border border-dashed border-border px-4 text-center text-sm text-muted-foreground"
      style={{ minHeight: Math.round(height * 0.6) }}
    >
      {children}
    </div>
  );
}

/** The explicit empty state, about the size of the chart it replaces. */
export function ChartEmptyState({ height, testId, message }: { height: number; testId?: string; message: string }) {
  return (
    <StateBox height={height} data-testid={testId} data-empty="true">
      {message}
    </StateBox>
  );
}

/** A chart that cannot be drawn says so in its place; the table alternative next to it still has the numbers. */
export function ChartErrorState({ height, testId }: { height: number; testId?: string }) {
  return (
    <StateBox height={height} role="alert" data-testid={testId ? `${testId}-error` : undefined} data-error="true">
      This chart could not be drawn. The numbers are in the table below it.
    </StateBox>
  );
}

/** Draws the geometry, or the error state when the numbers cannot be laid out (logged with the chart's name). */
export function drawOrFail<T>(name: string | undefined, draw: () => T): T | null {
  try {
    return draw();
  } catch (error) {
    console.error(`[chart] ${name ?? 'a chart'} could not be laid out`, error);
    return null;
  }
}

interface ChartSvgProps {
  layout: ChartLayoutName;
  /** The chart's test id, repeated on each layout's SVG so that the raw HTML can be searched for it. */
  chartId?: string;
  width: number;
  height: number;
  title?: string;
  desc?: string;
  children: ReactNode;
}

/**
 * One layout's SVG: a fixed viewBox, drawn at the container's width (height follows the aspect
 * ratio, so nothing moves when the page loads). Colors are CSS variables, so light and dark
 * need no second drawing.
 */
export function ChartSvg({ layout, chartId, width, height, title, desc, children }: ChartSvgProps) {
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      className={`${LAYOUT_CLASS[layout]} h-auto w-full select-none`}
      role="img"
      aria-label={title}
      data-chart-layout={layout}
      data-chart-for={chartId}
      fontSize={CHART_FONT_SIZE}
    >
      {title ? <title>{title}</title> : null}
      {desc ? <desc>{desc}</desc> : null}
      {children}
    </svg>
  );
}

/** Text is placed by its baseline: this lowers a label by about a third of its size, to centre it on a line. */
const CENTRE = 4;

/** Horizontal grid lines with the value labels on the left. */
export function ValueAxis({ ticks, plot }: { ticks: readonly AxisTick[]; plot: PlotBox }) {
  return (
    <g data-part="value-axis">
      <path d={gridPath(ticks, plot)} stroke={CHART_GRID_COLOR} strokeDasharray="3 3" />
      <g fill={CHART_AXIS_COLOR} textAnchor="end">
        {ticks.map((tick) => (
          <text key={tick.value} x={plot.left - 8} y={tick.at + CENTRE}>
            {tick.label}
          </text>
        ))}
      </g>
    </g>
  );
}

/** The time axis: a base line and the year labels under it. */
export function YearAxis({ ticks, plot }: { ticks: readonly AxisTick[]; plot: PlotBox }) {
  return (
    <g data-part="year-axis" fill={CHART_AXIS_COLOR} textAnchor="middle">
      <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={CHART_AXIS_COLOR} />
      {ticks.map((tick) => (
        <text key={tick.value} x={tick.at} y={plot.bottom + 17}>
          {tick.label}
        </text>
      ))}
    </g>
  );
}

/** The zero line, where amounts are read against zero. */
export function ZeroLine({ y, plot }: { y: number | null; plot: PlotBox }) {
  if (y === null || y < plot.top || y > plot.bottom) return null;
  return <line x1={plot.left} x2={plot.right} y1={y} y2={y} stroke={CHART_AXIS_COLOR} data-part="zero-line" />;
}

/**
 * Dotted vertical lines where a series changes source or breaks, each with its label (the
 * reader's words from lib/charts/provenance-text and series-breaks) in the rows above the plot
 * that lib/charts/chart-layout placed, so no label overlaps another or the data.
 */
export function ReferenceMarkers({ references, plot }: { references: readonly PlacedReference[]; plot: PlotBox }) {
  if (references.length === 0) return null;
  return (
    <g data-part="reference-lines" fontSize={CHART_SMALL_FONT_SIZE} fill={CHART_AXIS_COLOR}>
      {references.map((reference) => (
        <g key={`${reference.x}-${reference.label.text}`} data-reference-line="">
          <line
            x1={reference.x}
            x2={reference.x}
            y1={reference.y1}
            y2={plot.bottom}
            stroke={CHART_AXIS_COLOR}
            strokeDasharray="2 4"
          />
          {/* A halo in the card's color keeps a label readable where another marker's line crosses its row. */}
          <text
            x={reference.label.x}
            y={reference.label.y}
            textAnchor={reference.label.anchor}
            stroke="var(--card)"
            strokeWidth={3}
            paintOrder="stroke"
          >
            {reference.label.text}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A legend entry; the download reads its color, dash and text from these attributes. */
export function LegendItem({
  seriesKey,
  label,
  color,
  dash,
  shape,
}: {
  seriesKey?: string;
  label: string;
  color: string;
  dash?: string;
  shape: 'line' | 'bar' | 'marker' | 'break';
}) {
  return (
    <li
      className="flex items-center gap-1.5"
      data-legend-item={shape}
      data-series={seriesKey}
      data-color={color}
      data-dash={dash}
    >
      <svg aria-hidden="true" width="18" height="12" className="shrink-0">
        {shape === 'bar' ? <rect x="3" y="1" width="10" height="10" rx="2" fill={color} /> : null}
        {shape === 'line' ? (
          <line x1="0" y1="6" x2="18" y2="6" stroke={color} strokeWidth="3" strokeDasharray={dash} />
        ) : null}
        {shape === 'marker' ? <circle cx="9" cy="6" r="4" fill="none" stroke={color} strokeWidth="2" /> : null}
        {shape === 'break' ? (
          <line x1="9" y1="0" x2="9" y2="12" stroke={color} strokeWidth="1.5" strokeDasharray="2 3" />
        ) : null}
      </svg>
      {label}
    </li>
  );
}

interface ChartFrameProps {
  testId?: string;
  /** Extra data-* attributes on the chart's element (e.g. data-scale), for tests and styling. */
  data?: Record<`data-${string}`, string>;
  label: string;
  layouts: readonly InteractionLayout[];
  series: readonly InteractionSeries[];
  points: readonly TooltipPoint[];
  /** The legend's entries (LegendItem elements). */
  legend: ReactNode;
  /** Adds the key for the dotted source-change lines. */
  sourceChanges: boolean;
  /** The layouts' SVGs. */
  children: ReactNode;
}

/** The drawn layouts and the legend, with the client leaf for tooltips and highlighting around them. */
export function ChartFrame({
  testId,
  data,
  label,
  layouts,
  series,
  points,
  legend,
  sourceChanges,
  children,
}: ChartFrameProps) {
  const t = useTranslations('Charts');
  return (
    <div data-testid={testId} data-chart="" {...data} className="@container">
      <ChartInteraction
        layouts={layouts}
        series={series}
        points={points}
        label={label}
        legend={
          <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label={t('legend')}>
            {legend}
            {sourceChanges ? <LegendItem label={t('sourceChanges')} color={CHART_AXIS_COLOR} shape="break" /> : null}
          </ul>
        }
      >
        {children}
      </ChartInteraction>
    </div>
  );
}
