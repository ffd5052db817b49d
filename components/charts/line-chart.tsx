'use client';

import { CartesianGrid, Line, LineChart as RechartsLineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { CHART_AXIS_COLOR, CHART_GRID_COLOR, CHART_TOTAL_COLOR, seriesColor } from './chart-theme';

export interface LineChartCategory {
  /** Key of the value in each data row. */
  key: string;
  /** Name shown in the legend and tooltip. */
  label: string;
  /** A total (e.g. trade with the world), drawn in the text color instead of a palette color. */
  isTotal?: boolean;
}

export type LineChartDatum = Record<string, string | number | null>;

interface LineChartProps<TDatum extends LineChartDatum> {
  data: readonly TDatum[];
  /** Key of the x-axis value in each row (e.g. "year"). */
  index: keyof TDatum & string;
  categories: readonly LineChartCategory[];
  /** Formats values in the tooltip; should include the unit. */
  valueFormatter: (value: number) => string;
  /** Formats y-axis ticks; defaults to `valueFormatter`. */
  tickFormatter?: (value: number) => string;
  /** Formats x-axis ticks and the tooltip title. */
  indexFormatter?: (value: string | number) => string;
  height?: number;
  testId?: string;
  emptyMessage?: string;
}

interface ChartTooltipProps extends TooltipContentProps {
  valueFormatter: (value: number) => string;
  indexFormatter: (value: string | number) => string;
}

function ChartTooltip({ active, payload, label, valueFormatter, indexFormatter }: ChartTooltipProps) {
  if (!active || payload.length === 0) return null;
  // Largest first, so the order matches the lines from top to bottom.
  const items = payload
    .filter((item) => typeof item.value === 'number')
    .sort((a, b) => Number(b.value) - Number(a.value));
  return (
    <div className="min-w-48 rounded-md border border-border bg-card px-3 py-2 text-xs shadow-md">
      {label !== undefined ? <p className="mb-1 font-semibold">{indexFormatter(label)}</p> : null}
      <ul className="space-y-0.5">
        {items.map((item) => (
          <li key={String(item.dataKey)} className="flex items-center justify-between gap-4">
            <span className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-0.5 w-3" style={{ backgroundColor: item.color }} />
              {item.name}
            </span>
            <span className="tabular-nums">{valueFormatter(Number(item.value))}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function colorOf(category: LineChartCategory, partnerIndex: number): string {
  return category.isTotal ? CHART_TOTAL_COLOR : seriesColor(partnerIndex);
}

/**
 * A multi-series line chart. It draws what it gets: rows are shaped by lib/charts, numbers are
 * formatted by lib/format through the formatter props. Null values are gaps (connectNulls off),
 * so a missing year is never drawn as a fall to zero.
 */
export function LineChart<TDatum extends LineChartDatum>({
  data,
  index,
  categories,
  valueFormatter,
  tickFormatter = valueFormatter,
  indexFormatter = String,
  height = 360,
  testId,
  emptyMessage = 'No data available.',
}: LineChartProps<TDatum>) {
  if (data.length === 0 || categories.length === 0) {
    return (
      <div data-testid={testId} data-empty="true" className="flex items-center justify-center rounded-lg border border-dashed border-border text-sm text-muted-foreground" style={{ height }}>
        {emptyMessage}
      </div>
    );
  }

  // Widened to string: the row type is checked by the props, Recharts only needs the key.
  const xKey: string = index;
  // Partners take palette colors in rank order; totals do not use up a palette slot.
  const partnerKeys = categories.filter((category) => !category.isTotal).map((category) => category.key);
  const colored = categories.map((category) => ({ ...category, color: colorOf(category, partnerKeys.indexOf(category.key)) }));

  return (
    <div data-testid={testId}>
      <RechartsLineChart responsive data={[...data]} style={{ width: '100%', height }} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid stroke={CHART_GRID_COLOR} strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey={xKey}
          tickFormatter={indexFormatter}
          stroke={CHART_AXIS_COLOR}
          tick={{ fill: CHART_AXIS_COLOR, fontSize: 12 }}
          tickLine={false}
          minTickGap={16}
        />
        <YAxis
          width="auto"
          tickFormatter={tickFormatter}
          stroke={CHART_AXIS_COLOR}
          tick={{ fill: CHART_AXIS_COLOR, fontSize: 12 }}
          tickLine={false}
          axisLine={false}
        />
        <Tooltip
          content={(props) => <ChartTooltip {...props} valueFormatter={valueFormatter} indexFormatter={indexFormatter} />}
          cursor={{ stroke: CHART_AXIS_COLOR, strokeDasharray: '3 3' }}
        />
        {colored.map((category) => (
          <Line
            key={category.key}
            type="linear"
            dataKey={category.key}
            name={category.label}
            stroke={category.color}
            strokeWidth={category.isTotal ? 2.5 : 2}
            dot={false}
            activeDot={{ r: 4 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </RechartsLineChart>
      <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
        {colored.map((category) => (
          <li key={category.key} className="flex items-center gap-1.5">
            <svg aria-hidden="true" width="16" height="4" className="shrink-0">
              <line x1="0" y1="2" x2="16" y2="2" stroke={category.color} strokeWidth="3" />
            </svg>
            {category.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
