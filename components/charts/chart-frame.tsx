'use client';

// What every Recharts wrapper shares around its plot: the empty state, the error boundary, the
// legend (with the "source changes" key), the dotted source-change lines, the tooltip box and the
// axis styling. The wrappers (line-chart, bar-chart) keep only what differs: their series.
import type { ReactNode } from 'react';
import { ReferenceLine } from 'recharts';
import { ChartErrorBoundary } from './chart-error-boundary';
import { CHART_AXIS_COLOR } from './chart-theme';

/** A vertical marker on the x axis, e.g. the year a series changes source. */
export interface ChartReferenceLine {
  x: number | string;
  label: string;
}

const CHART_MARGIN = { top: 16, right: 12, bottom: 0, left: 0 };

/** The props every Recharts plot takes the same way: full width, fixed height, the frame's margin, an accessible title and description. */
export function plotProps<TDatum>(data: readonly TDatum[], height: number, title?: string, desc?: string) {
  return { responsive: true, data: [...data], style: { width: '100%', height }, margin: CHART_MARGIN, title, desc };
}

/** Axis line, ticks and labels in the theme's axis color. */
export const AXIS_STYLE = {
  stroke: CHART_AXIS_COLOR,
  tick: { fill: CHART_AXIS_COLOR, fontSize: 12 },
  tickLine: false,
} as const;

/** True when at least one category has a number in at least one row: otherwise the chart is empty. */
export function hasChartValues(
  data: readonly Record<string, unknown>[],
  categories: readonly { key: string }[],
): boolean {
  return data.some((row) => categories.some((category) => typeof row[category.key] === 'number'));
}

/** The explicit empty state, the size of the chart it replaces. */
export function ChartEmptyState({ height, testId, message }: { height: number; testId?: string; message: string }) {
  return (
    <div
      data-testid={testId}
      data-empty="true"
      className="flex items-center justify-center rounded-lg border border-dashed border-border px-4 text-center text-sm text-muted-foreground"
      style={{ height }}
    >
      {message}
    </div>
  );
}

/**
 * Dotted vertical lines where a series changes source. Returned as elements, not a component:
 * Recharts reads its children's types. Neighbouring markers (2020, 2021) put their labels on
 * opposite sides so they do not overlap.
 */
export function sourceChangeLines(lines: readonly ChartReferenceLine[]): ReactNode[] {
  return lines.map((line, i) => (
    <ReferenceLine
      key={`${line.x}-${line.label}`}
      x={line.x}
      stroke={CHART_AXIS_COLOR}
      strokeDasharray="2 4"
      label={{
        value: line.label,
        position: lines.length > 1 && i % 2 === 0 ? 'insideTopRight' : 'insideTopLeft',
        fill: CHART_AXIS_COLOR,
        fontSize: 11,
      }}
    />
  ));
}

interface ChartFrameProps {
  height: number;
  testId?: string;
  /** Extra data-* attributes on the chart's element (e.g. data-scale), for tests and styling. */
  data?: Record<`data-${string}`, string>;
  /** The legend's series entries (<li> elements). */
  legend: ReactNode;
  /** Adds the key for the dotted source-change lines. */
  sourceChanges: boolean;
  children: ReactNode;
}

/** The plot inside an error boundary, with the legend under it. */
export function ChartFrame({ height, testId, data, legend, sourceChanges, children }: ChartFrameProps) {
  return (
    <ChartErrorBoundary height={height} testId={testId ? `${testId}-error` : undefined}>
      <div data-testid={testId} {...data}>
        {children}
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
          {legend}
          {sourceChanges ? (
            <li className="flex items-center gap-1.5">
              <svg aria-hidden="true" width="4" height="14" className="shrink-0">
                <line x1="2" y1="0" x2="2" y2="14" stroke={CHART_AXIS_COLOR} strokeWidth="1.5" strokeDasharray="2 3" />
              </svg>
              Source changes
            </li>
          ) : null}
        </ul>
      </div>
    </ChartErrorBoundary>
  );
}

/** The tooltip's box: a title (the year) and one line per series. */
export function ChartTooltipBox({ title, children }: { title: string | null; children: ReactNode }) {
  return (
    <div className="min-w-48 rounded-md border border-border bg-card px-3 py-2 text-xs shadow-md">
      {title !== null ? <p className="mb-1 font-semibold">{title}</p> : null}
      {children}
    </div>
  );
}

/** One line of the tooltip: the series' swatch and name, and the formatted value. */
export function ChartTooltipItem({ swatch, name, value }: { swatch: ReactNode; name: ReactNode; value: string }) {
  return (
    <li className="flex items-center justify-between gap-4">
      <span className="flex items-center gap-1.5">
        {swatch}
        {name}
      </span>
      <span className="tabular-nums">{value}</span>
    </li>
  );
}
