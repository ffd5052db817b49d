'use client';

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { TooltipContentProps } from 'recharts';
import {
  formatValueByUnit,
  formatValueByUnitCompact,
  formatYear,
  type AmountCurrency,
  type ValueUnitKind,
} from '@/lib/format';
import {
  AXIS_STYLE,
  ChartEmptyState,
  ChartFrame,
  ChartTooltipBox,
  ChartTooltipItem,
  hasChartValues,
  plotProps,
  sourceChangeLines,
  type ChartReferenceLine,
} from './chart-frame';
import { CHART_AXIS_COLOR, CHART_GRID_COLOR, CHART_OTHER_COLOR, seriesColor } from './chart-theme';

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
    <ChartTooltipBox
      title={label !== undefined ? (typeof label === 'number' ? formatYear(label) : String(label)) : null}
    >
      <ul className="space-y-0.5">
        {ordered.map((item) => (
          <ChartTooltipItem
            key={String(item.dataKey)}
            swatch={
              <span
                aria-hidden="true"
                className="inline-block h-2 w-2 rounded-sm"
                style={{ backgroundColor: item.color }}
              />
            }
            name={item.name}
            value={formatValueByUnit(Number(item.value), unitKind, currency)}
          />
        ))}
      </ul>
    </ChartTooltipBox>
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
  if (data.length === 0 || categories.length === 0 || !hasChartValues(data, categories)) {
    return <ChartEmptyState height={height} testId={testId} message={emptyMessage} />;
  }
  const xKey: string = index;
  let paletteIndex = 0;
  const colored = categories.map((category) => ({
    ...category,
    color: category.isOther ? CHART_OTHER_COLOR : seriesColor(paletteIndex++),
  }));

  const legend = (stacked ? [...colored].reverse() : colored).map((category) => (
    <li key={category.key} className="flex items-center gap-1.5">
      <span
        aria-hidden="true"
        className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm"
        style={{ backgroundColor: category.color }}
      />
      {category.label}
    </li>
  ));

  return (
    <ChartFrame height={height} testId={testId} legend={legend} sourceChanges={referenceLines.length > 0}>
      <RechartsBarChart {...plotProps(data, height, title, desc)} stackOffset={stacked ? 'sign' : undefined}>
        <CartesianGrid stroke={CHART_GRID_COLOR} strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey={xKey}
          tickFormatter={(value: string | number) => (typeof value === 'number' ? formatYear(value) : String(value))}
          {...AXIS_STYLE}
          minTickGap={12}
        />
        <YAxis
          width="auto"
          domain={domain ?? ['auto', 'auto']}
          ticks={ticks}
          tickFormatter={(value: number) => formatValueByUnitCompact(value, unitKind, currency)}
          {...AXIS_STYLE}
          axisLine={false}
        />
        <Tooltip
          content={(props) => <BarTooltip {...props} unitKind={unitKind} currency={currency} stacked={stacked} />}
          cursor={{ fill: CHART_GRID_COLOR, opacity: 0.5 }}
        />
        {/* Bars grow from zero: the axis always includes it (extendDomain keeps the ticks round). */}
        <ReferenceLine y={0} stroke={CHART_AXIS_COLOR} ifOverflow="extendDomain" />
        {sourceChangeLines(referenceLines)}
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
    </ChartFrame>
  );
}
