import { useLocale, useTranslations } from 'next-intl';
import {
  formatValueByUnit,
  formatValueByUnitCompact,
  formatYear,
  type AmountCurrency,
  type ValueUnitKind,
} from '@/lib/format';
import { CHART_LAYOUTS, CHART_SMALL_FONT_SIZE, lineGeometry, type LineGeometry } from '@/lib/charts/chart-layout';
import {
  ChartEmptyState,
  ChartErrorState,
  ChartFrame,
  ChartSvg,
  LegendItem,
  ReferenceMarkers,
  ValueAxis,
  YearAxis,
  ZeroLine,
  drawOrFail,
  hasChartValues,
  type ChartReferenceLine,
} from './chart-frame';
import type { InteractionSeries, TooltipPoint } from './chart-interaction';
import {
  CHART_AXIS_COLOR,
  CHART_DEFICIT_COLOR,
  CHART_MARKER_COLOR,
  CHART_TOTAL_COLOR,
  CHART_TOTAL_DASH,
  seriesStyle,
} from './chart-theme';

export type { ChartReferenceLine } from './chart-frame';

export interface LineChartCategory {
  /** Key of the value in each data row. */
  key: string;
  /** Name shown in the legend, the tooltip and at the line's end. */
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
  /** Key of the x-axis value in each row: a year. */
  index: keyof TDatum & string;
  categories: readonly LineChartCategory[];
  /** Unit of the values: picks the tooltip and tick formatters from lib/format. */
  unitKind?: ValueUnitKind;
  currency?: AmountCurrency;
  /** Formats values in the tooltip; overrides `unitKind`. Should include the unit. */
  valueFormatter?: (value: number) => string;
  /** Formats y-axis ticks; defaults to the compact form of the unit. */
  tickFormatter?: (value: number) => string;
  /** Formats x-axis ticks and the tooltip title; years by default. */
  indexFormatter?: (value: number) => string;
  scale?: 'linear' | 'log';
  referenceLines?: readonly ChartReferenceLine[];
  markers?: readonly ChartMarker[];
  /** Marker legend text, when markers are drawn. */
  markerLegend?: string;
  /** Draw the zero line (for changes and balances). */
  zeroLine?: boolean;
  /** Tint the area below zero as a deficit (balances). */
  deficitBelowZero?: boolean;
  /** Nominal height in viewBox units (the drawn height follows the width). */
  height?: number;
  testId?: string;
  emptyMessage?: string;
  /** Accessible name and description of the SVG. */
  title?: string;
  desc?: string;
}

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * A multi-series line chart, drawn on the server as SVG. It draws what it gets: rows are shaped
 * by lib/charts, numbers are formatted by lib/format. Null values are gaps, so a missing year is
 * never drawn as a fall to zero. On a log scale the caller passes positive values only
 * (lib/charts/series-transforms toLogSafe); anything else is left out, not drawn at the bottom.
 */
export function LineChart<TDatum extends LineChartDatum>({
  data,
  index,
  categories,
  unitKind = 'currency',
  currency = 'USD',
  valueFormatter,
  tickFormatter,
  indexFormatter = formatYear,
  scale = 'linear',
  referenceLines = [],
  markers = [],
  markerLegend = 'Figure quoted in the news',
  zeroLine = false,
  deficitBelowZero = false,
  height = 360,
  testId,
  emptyMessage,
  title,
  desc,
}: LineChartProps<TDatum>) {
  const locale = useLocale();
  const t = useTranslations('Charts');
  const formatValue = valueFormatter ?? ((value: number) => formatValueByUnit(value, unitKind, currency, locale));
  const formatTick = tickFormatter ?? ((value: number) => formatValueByUnitCompact(value, unitKind, currency, locale));
  if (data.length === 0 || categories.length === 0 || !hasChartValues(data, categories)) {
    return <ChartEmptyState height={height} testId={testId} message={emptyMessage ?? t('noData')} />;
  }

  const xs = data.map((row) => Number(row[index]));
  // Partners take palette styles in order; totals do not use up a palette slot.
  let partnerIndex = 0;
  const partners = categories.filter((c) => !c.isTotal).length;
  const styled = categories.map((category) => ({
    ...category,
    values: data.map((row) => numberOrNull(row[category.key])),
    style: category.isTotal
      ? { color: CHART_TOTAL_COLOR, dash: categories.length > 1 ? CHART_TOTAL_DASH : undefined }
      : seriesStyle(partnerIndex++),
  }));
  // Names at the line ends only where several partners share the chart; one line needs none.
  const named = partners > 1;
  const references = referenceLines.map((line) => ({ x: Number(line.x), label: line.label }));
  const geometries = drawOrFail(title ?? testId, () =>
    CHART_LAYOUTS.map((layout) =>
      lineGeometry({
        layout,
        height,
        xs,
        series: styled.map((s) => ({ key: s.key, values: s.values, label: named ? s.label : undefined })),
        extraValues: markers.map((m) => m.y),
        scale,
        includeZero: scale === 'linear',
        formatTick,
        formatX: indexFormatter,
        references,
      }),
    ),
  );
  if (!geometries) return <ChartErrorState height={height} testId={testId} />;

  const series: InteractionSeries[] = styled.map((s) => ({
    key: s.key,
    label: s.label,
    color: s.style.color,
    dash: s.style.dash,
    shape: 'line',
  }));
  // Largest first, so the tooltip reads in the order of the lines from top to bottom.
  const points: TooltipPoint[] = xs.map((x, i) => ({
    title: indexFormatter(x),
    items: styled
      .flatMap((s) => {
        const value = s.values[i];
        return value === null || value === undefined ? [] : [{ key: s.key, value }];
      })
      .sort((a, b) => b.value - a.value)
      .map((item) => ({ key: item.key, text: formatValue(item.value) })),
  }));

  return (
    <ChartFrame
      testId={testId}
      data={{ 'data-scale': scale }}
      label={title ?? t('chart')}
      layouts={geometries.map((g) => ({
        name: g.layout,
        width: g.width,
        height: g.height,
        plotLeft: g.plot.left,
        plotRight: g.plot.right,
        plotTop: g.plot.top,
        plotBottom: g.plot.bottom,
        xs: g.xs,
      }))}
      series={series}
      points={points}
      sourceChanges={referenceLines.length > 0}
      legend={
        <>
          {styled.map((s) => (
            <LegendItem
              key={s.key}
              seriesKey={s.key}
              label={s.label}
              color={s.style.color}
              dash={s.style.dash}
              shape="line"
            />
          ))}
          {markers.length > 0 ? <LegendItem label={markerLegend} color={CHART_MARKER_COLOR} shape="marker" /> : null}
        </>
      }
    >
      {geometries.map((g) => (
        <LineSvg
          key={g.layout}
          geometry={g}
          styled={styled}
          markers={markers}
          zeroLine={zeroLine}
          deficitBelowZero={deficitBelowZero}
          chartId={testId}
          title={title}
          desc={desc}
        />
      ))}
    </ChartFrame>
  );
}

interface LineSvgProps {
  geometry: LineGeometry;
  styled: readonly { key: string; label: string; isTotal?: boolean; style: { color: string; dash?: string } }[];
  markers: readonly ChartMarker[];
  zeroLine: boolean;
  deficitBelowZero: boolean;
  chartId?: string;
  title?: string;
  desc?: string;
}

function LineSvg({ geometry: g, styled, markers, zeroLine, deficitBelowZero, chartId, title, desc }: LineSvgProps) {
  const deficit = deficitBelowZero && g.zeroY !== null && g.zeroY < g.plot.bottom;
  return (
    <ChartSvg layout={g.layout} chartId={chartId} width={g.width} height={g.height} title={title} desc={desc}>
      {deficit && g.zeroY !== null ? (
        <g data-part="deficit">
          <rect
            x={g.plot.left}
            y={g.zeroY}
            width={g.plot.right - g.plot.left}
            height={g.plot.bottom - g.zeroY}
            fill={CHART_DEFICIT_COLOR}
            opacity={0.08}
          />
          <text
            x={g.plot.left + 6}
            y={g.plot.bottom - 6}
            fontSize={CHART_SMALL_FONT_SIZE}
            fill={CHART_DEFICIT_COLOR}
            fontWeight={600}
          >
            Deficit (imports above exports)
          </text>
        </g>
      ) : null}
      <ValueAxis ticks={g.yTicks} plot={g.plot} />
      <YearAxis ticks={g.xTicks} plot={g.plot} />
      {zeroLine || deficit ? <ZeroLine y={g.zeroY} plot={g.plot} /> : null}
      <ReferenceMarkers references={g.references} plot={g.plot} />
      {g.series.map((s, i) => {
        const style = styled[i]?.style ?? { color: CHART_AXIS_COLOR };
        const label = g.endLabels.find((l) => l.key === s.key);
        return (
          <g key={s.key} data-series={s.key}>
            <path
              d={s.d}
              fill="none"
              stroke={style.color}
              strokeWidth={styled[i]?.isTotal ? 2.5 : 2}
              strokeDasharray={style.dash}
              strokeLinejoin="round"
              strokeLinecap="round"
              data-series-line={s.key}
            />
            {s.dots.map((dot) => (
              <circle key={`${dot.x}`} cx={dot.x} cy={dot.y} r={2.5} fill={style.color} />
            ))}
            {label ? (
              <>
                {Math.abs(label.y - label.from.y) > 3 ? (
                  <line
                    x1={label.from.x + 3}
                    y1={label.from.y}
                    x2={label.x - 3}
                    y2={label.y}
                    stroke={style.color}
                    strokeWidth={1}
                    opacity={0.6}
                  />
                ) : null}
                <text x={label.x} y={label.y + 4} fill={style.color} fontWeight={600} data-end-label={s.key}>
                  {label.text}
                </text>
              </>
            ) : null}
          </g>
        );
      })}
      {markers.map((marker) => {
        const x = g.xOf(Number(marker.x));
        const y = g.yOf(marker.y);
        if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
        return (
          <circle
            key={marker.key}
            cx={Math.round(x * 10) / 10}
            cy={Math.round(y * 10) / 10}
            r={5}
            fill="none"
            stroke={CHART_MARKER_COLOR}
            strokeWidth={2}
            data-marker=""
          >
            <title>{marker.label}</title>
          </circle>
        );
      })}
    </ChartSvg>
  );
}
