'use client';

import {
  CartesianGrid,
  Line,
  LineChart as RechartsLineChart,
  ReferenceDot,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
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
import { CHART_AXIS_COLOR, CHART_GRID_COLOR, CHART_MARKER_COLOR, CHART_TOTAL_COLOR, seriesColor } from './chart-theme';

export type { ChartReferenceLine } from './chart-frame';

export interface LineChartCategory {
  /** Key of the value in each data row. */
  key: string;
  /** Name shown in the legend and tooltip. */
  label: string;
  /** A total (e.g. trade with the world), drawn in the text color instead of a palette color. */
  isTotal?: boolean;
}

export type LineChartDatum = Record<string, string | number | null>;

/** A single figure drawn as a hollow dot, e.g. a rounded figure quoted in the news. */
export interface ChartMarker {
  key: string;
  x: number | string;
  y: number;
  label: string;
}

export interface LineChartProps<TDatum extends LineChartDatum> {
  data: readonly TDatum[];
  /** Key of the x-axis value in each row (e.g. "year"). */
  index: keyof TDatum & string;
  categories: readonly LineChartCategory[];
  /** Unit of the values: picks the tooltip and tick formatters from lib/format (serialisable, so server pages can set it). */
  unitKind?: ValueUnitKind;
  currency?: AmountCurrency;
  /** Formats values in the tooltip; overrides `unitKind`. Should include the unit. */
  valueFormatter?: (value: number) => string;
  /** Formats y-axis ticks; defaults to the compact form of the unit. */
  tickFormatter?: (value: number) => string;
  /** Formats x-axis ticks and the tooltip title; years by default. */
  indexFormatter?: (value: string | number) => string;
  scale?: 'linear' | 'log';
  referenceLines?: readonly ChartReferenceLine[];
  markers?: readonly ChartMarker[];
  /** Marker legend text, when markers are drawn. */
  markerLegend?: string;
  /** Draw the zero line (for changes and balances). */
  zeroLine?: boolean;
  height?: number;
  testId?: string;
  emptyMessage?: string;
  /** Accessible name and description of the SVG (also the figure's title). */
  title?: string;
  desc?: string;
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
    <ChartTooltipBox title={label !== undefined ? indexFormatter(label) : null}>
      {items.length === 0 ? <p className="text-muted-foreground">No value this year.</p> : null}
      <ul className="space-y-0.5">
        {items.map((item) => (
          <ChartTooltipItem
            key={String(item.dataKey)}
            swatch={
              <span aria-hidden="true" className="inline-block h-0.5 w-3" style={{ backgroundColor: item.color }} />
            }
            name={item.name}
            value={valueFormatter(Number(item.value))}
          />
        ))}
      </ul>
    </ChartTooltipBox>
  );
}

function colorOf(category: LineChartCategory, partnerIndex: number): string {
  return category.isTotal ? CHART_TOTAL_COLOR : seriesColor(partnerIndex);
}

const defaultIndexFormatter = (value: string | number) =>
  typeof value === 'number' ? formatYear(value) : String(value);

/**
 * A multi-series line chart. It draws what it gets: rows are shaped by lib/charts, numbers are
 * formatted by lib/format. Null values are gaps (connectNulls off), so a missing year is never
 * drawn as a fall to zero. On a log scale the caller must pass positive values only
 * (lib/charts/series-transforms toLogSafe).
 */
export function LineChart<TDatum extends LineChartDatum>({
  data,
  index,
  categories,
  unitKind = 'currency',
  currency = 'USD',
  valueFormatter,
  tickFormatter,
  indexFormatter = defaultIndexFormatter,
  scale = 'linear',
  referenceLines = [],
  markers = [],
  markerLegend = 'Figure quoted in the news',
  zeroLine = false,
  height = 360,
  testId,
  emptyMessage = 'No data available.',
  title,
  desc,
}: LineChartProps<TDatum>) {
  const formatValue = valueFormatter ?? ((value: number) => formatValueByUnit(value, unitKind, currency));
  const formatTick = tickFormatter ?? ((value: number) => formatValueByUnitCompact(value, unitKind, currency));
  if (data.length === 0 || categories.length === 0 || !hasChartValues(data, categories)) {
    return <ChartEmptyState height={height} testId={testId} message={emptyMessage} />;
  }

  // Widened to string: the row type is checked by the props, Recharts only needs the key.
  const xKey: string = index;
  // Partners take palette colors in order; totals do not use up a palette slot.
  const partnerKeys = categories.filter((category) => !category.isTotal).map((category) => category.key);
  const colored = categories.map((category) => ({
    ...category,
    color: colorOf(category, partnerKeys.indexOf(category.key)),
  }));

  const legend = (
    <>
      {colored.map((category) => (
        <li key={category.key} className="flex items-center gap-1.5">
          <svg aria-hidden="true" width="16" height="4" className="shrink-0">
            <line
              x1="0"
              y1="2"
              x2="16"
              y2="2"
              stroke={category.color}
              strokeWidth="3"
              strokeDasharray={category.isTotal && colored.length > 1 ? '4 2' : undefined}
            />
          </svg>
          {category.label}
        </li>
      ))}
      {markers.length > 0 ? (
        <li className="flex items-center gap-1.5">
          <svg aria-hidden="true" width="12" height="12" className="shrink-0">
            <circle cx="6" cy="6" r="4" fill="none" stroke={CHART_MARKER_COLOR} strokeWidth="2" />
          </svg>
          {markerLegend}
        </li>
      ) : null}
    </>
  );

  return (
    <ChartFrame
      height={height}
      testId={testId}
      data={{ 'data-scale': scale }}
      legend={legend}
      sourceChanges={referenceLines.length > 0}
    >
      <RechartsLineChart {...plotProps(data, height, title, desc)}>
        <CartesianGrid stroke={CHART_GRID_COLOR} strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={xKey} tickFormatter={indexFormatter} {...AXIS_STYLE} minTickGap={16} />
        <YAxis
          width="auto"
          scale={scale === 'log' ? 'log' : 'auto'}
          // A log axis has no zero: its domain runs from the smallest to the largest value.
          domain={scale === 'log' ? ['dataMin', 'dataMax'] : ['auto', 'auto']}
          allowDataOverflow={false}
          tickFormatter={formatTick}
          {...AXIS_STYLE}
          axisLine={false}
        />
        <Tooltip
          content={(props) => <ChartTooltip {...props} valueFormatter={formatValue} indexFormatter={indexFormatter} />}
          cursor={{ stroke: CHART_AXIS_COLOR, strokeDasharray: '3 3' }}
        />
        {/* Amounts are read against zero: a linear axis always includes it, drawn when asked (changes, balances). */}
        {scale === 'linear' ? (
          <ReferenceLine y={0} stroke={CHART_AXIS_COLOR} strokeOpacity={zeroLine ? 1 : 0} ifOverflow="extendDomain" />
        ) : null}
        {sourceChangeLines(referenceLines)}
        {colored.map((category) => (
          <Line
            key={category.key}
            type="linear"
            dataKey={category.key}
            name={category.label}
            stroke={category.color}
            strokeWidth={category.isTotal ? 2.5 : 2}
            // Dashed only next to other lines, to tell the total apart.
            strokeDasharray={category.isTotal && colored.length > 1 ? '6 3' : undefined}
            // Dots make single points (a partner with one year of data) visible at all.
            dot={data.length <= 12 ? { r: 2.5 } : false}
            activeDot={{ r: 4 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
        {markers.map((marker) => (
          <ReferenceDot
            key={marker.key}
            x={marker.x}
            y={marker.y}
            r={5}
            fill="none"
            stroke={CHART_MARKER_COLOR}
            strokeWidth={2}
            ifOverflow="extendDomain"
          />
        ))}
      </RechartsLineChart>
    </ChartFrame>
  );
}
