'use client';

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import { formatValueByUnit, formatValueByUnitCompact, formatYear, type AmountCurrency, type ValueUnitKind } from '@/lib/format';
import { ChartErrorBoundary } from './chart-error-boundary';
import { CHART_AXIS_COLOR, CHART_GRID_COLOR, CHART_OTHER_COLOR, seriesColor } from './chart-theme';
import type { ChartReferenceLine } from './line-chart';

export interface BarChartCategory {
  key: string;
  label: string;
  /** The remainder ("other partners"), drawn in a neutral color. */
  isOther?: boolean;
}

export type BarChartDatum = Record<string, string | number | null>;

export interface BarChartProps<TDatum extends BarChartDatum> {
  data: readonly TDatum[];
  index: keyof TDatum & string;
  categories: readonly BarChartCategory[];
  unitKind?: ValueUnitKind;
  currency?: AmountCurrency;
  /** Stack the categories (a composition whose parts add up to the whole). */
  stacked?: boolean;
  /** Fixed value axis, e.g. [0, 1] for shares that add up to 100%. */
  domain?: [number, number];
  /** Fixed ticks, e.g. quarters for shares. */
  ticks?: number[];
  referenceLines?: readonly ChartReferenceLine[];
  height?: number;
  testId?: string;
  emptyMessage?: string;
  title?: string;
  desc?: string;
}

interface BarTooltipProps extends TooltipContentProps {
  unitKind: ValueUnitKind;
  currency: AmountCurrency;
  stacked: boolean;
}

function BarTooltip({ active, payload, label, unitKind, currency, stacked }: BarTooltipProps) {
  if (!active || payload.length === 0) return null;
  // A stack reads top to bottom, the reverse of the drawing order.
  const items = payload.filter((item) => typeof item.value === 'number');
  const ordered = stacked ? [...items].reverse() : items;
  return (
    <div className="min-w-48 rounded-md border border-border bg-card px-3 py-2 text-xs shadow-md">
      {label !== undefined ? <p className="mb-1 font-semibold">{typeof label === 'number' ? formatYear(label) : String(label)}</p> : null}
      <ul className="space-y-0.5">
        {ordered.map((item) => (
          <li key={String(item.dataKey)} className="flex items-center justify-between gap-4">
            <span className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-2 w-2 rounded-sm" style={{ backgroundColor: item.color }} />
              {item.name}
            </span>
            <span className="tabular-nums">{formatValueByUnit(Number(item.value), unitKind, currency)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Bars by year: stacked for a composition (top partners + other = the total), side by side or
 * single otherwise. Negative values (a trade deficit) go below the zero line.
 */
export function BarChart<TDatum extends BarChartDatum>({
  data,
  index,
  categories,
  unitKind = 'currency',
  currency = 'USD',
  stacked = false,
  domain,
  ticks,
  referenceLines = [],
  height = 320,
  testId,
  emptyMessage = 'No data available.',
  title,
  desc,
}: BarChartProps<TDatum>) {
  const hasValue = data.some((row) => categories.some((category) => typeof row[category.key] === 'number'));
  if (data.length === 0 || categories.length === 0 || !hasValue) {
    return (
      <div
        data-testid={testId}
        data-empty="true"
        className="flex items-center justify-center rounded-lg border border-dashed border-border px-4 text-center text-sm text-muted-foreground"
        style={{ height }}
      >
        {emptyMessage}
      </div>
    );
  }
  const xKey: string = index;
  let paletteIndex = 0;
  const colored = categories.map((category) => ({ ...category, color: category.isOther ? CHART_OTHER_COLOR : seriesColor(paletteIndex++) }));

  return (
    <ChartErrorBoundary height={height} testId={testId ? `${testId}-error` : undefined}>
      <div data-testid={testId}>
        <RechartsBarChart
          responsive
          data={[...data]}
          style={{ width: '100%', height }}
          margin={{ top: 16, right: 12, bottom: 0, left: 0 }}
          title={title}
          desc={desc}
          stackOffset={stacked ? 'sign' : undefined}
        >
          <CartesianGrid stroke={CHART_GRID_COLOR} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey={xKey}
            tickFormatter={(value: string | number) => (typeof value === 'number' ? formatYear(value) : String(value))}
            stroke={CHART_AXIS_COLOR}
            tick={{ fill: CHART_AXIS_COLOR, fontSize: 12 }}
            tickLine={false}
            minTickGap={12}
          />
          <YAxis
            width="auto"
            domain={domain ?? ['auto', 'auto']}
            ticks={ticks}
            tickFormatter={(value: number) => formatValueByUnitCompact(value, unitKind, currency)}
            stroke={CHART_AXIS_COLOR}
            tick={{ fill: CHART_AXIS_COLOR, fontSize: 12 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            content={(props) => <BarTooltip {...props} unitKind={unitKind} currency={currency} stacked={stacked} />}
            cursor={{ fill: CHART_GRID_COLOR, opacity: 0.5 }}
          />
          {/* Bars grow from zero: the axis always includes it (extendDomain keeps the ticks round). */}
          <ReferenceLine y={0} stroke={CHART_AXIS_COLOR} ifOverflow="extendDomain" />
          {referenceLines.map((line, i) => (
            <ReferenceLine
              key={`${line.x}-${line.label}`}
              x={line.x}
              stroke={CHART_AXIS_COLOR}
              strokeDasharray="2 4"
              // Neighbouring markers (2020, 2021) put their labels on opposite sides so they do not overlap.
              label={{
                value: line.label,
                position: referenceLines.length > 1 && i % 2 === 0 ? 'insideTopRight' : 'insideTopLeft',
                fill: CHART_AXIS_COLOR,
                fontSize: 11,
              }}
            />
          ))}
          {colored.map((category) => (
            <Bar
              key={category.key}
              dataKey={category.key}
              name={category.label}
              fill={category.color}
              stackId={stacked ? 'stack' : undefined}
              isAnimationActive={false}
            />
          ))}
        </RechartsBarChart>
        <ul className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label="Legend">
          {(stacked ? [...colored].reverse() : colored).map((category) => (
            <li key={category.key} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ backgroundColor: category.color }} />
              {category.label}
            </li>
          ))}
          {referenceLines.length > 0 ? (
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
