import { useLocale, useTranslations } from 'next-intl';
import { CHART_LAYOUTS, barGeometry, rectsPath, type BarGeometry } from '@/lib/charts/chart-layout';
import {
  formatValueByUnit,
  formatValueByUnitCompact,
  formatYear,
  type AmountCurrency,
  type ValueUnitKind,
} from '@/lib/format';
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
import { CHART_DEFICIT_COLOR, CHART_OTHER_COLOR, CHART_SURPLUS_COLOR, seriesStyle } from './chart-theme';

export interface BarChartCategory {
  key: string;
  label: string;
  /** The remainder ("other partners"), drawn in a neutral color. */
  isOther?: boolean;
}

export type BarChartDatum = Record<string, string | number | null>;

export interface BarChartProps<TDatum extends BarChartDatum> {
  data: readonly TDatum[];
  /** Key of the x-axis value in each row: a year. */
  index: keyof TDatum & string;
  categories: readonly BarChartCategory[];
  unitKind?: ValueUnitKind;
  currency?: AmountCurrency;
  /** Stack the categories (a composition whose parts add up to the whole). */
  stacked?: boolean;
  /** Fixed value axis, e.g. [0, 1] for shares that add up to 100%. */
  domain?: [number, number];
  /** One series of balances: a surplus and a deficit in two colors. */
  diverging?: { positive: string; negative: string };
  referenceLines?: readonly ChartReferenceLine[];
  /** Nominal height in viewBox units (the drawn height follows the width). */
  height?: number;
  testId?: string;
  emptyMessage?: string;
  title?: string;
  desc?: string;
}

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

/**
 * Bars by year, drawn on the server as SVG: stacked for a composition (top partners + other =
 * the total), side by side or single otherwise. Negative values (a trade deficit) go below the
 * zero line, in the deficit color when the chart is diverging.
 */
export function BarChart<TDatum extends BarChartDatum>({
  data,
  index,
  categories,
  unitKind = 'currency',
  currency = 'USD',
  stacked = false,
  domain,
  diverging,
  referenceLines = [],
  height = 320,
  testId,
  emptyMessage,
  title,
  desc,
}: BarChartProps<TDatum>) {
  // Ticks and values in the page's language, as in the line chart.
  const locale = useLocale();
  const t = useTranslations('Charts');
  if (data.length === 0 || categories.length === 0 || !hasChartValues(data, categories)) {
    return <ChartEmptyState height={height} testId={testId} message={emptyMessage ?? t('noData')} />;
  }
  const formatValue = (value: number) => formatValueByUnit(value, unitKind, currency, locale);
  const formatTick = (value: number) => formatValueByUnitCompact(value, unitKind, currency, locale);
  const xs = data.map((row) => Number(row[index]));
  let paletteIndex = 0;
  const styled = categories.map((category) => ({
    ...category,
    values: data.map((row) => numberOrNull(row[category.key])),
    color: category.isOther ? CHART_OTHER_COLOR : seriesStyle(paletteIndex++).color,
  }));
  const colorOf = (key: string, value: number) =>
    diverging
      ? value < 0
        ? CHART_DEFICIT_COLOR
        : CHART_SURPLUS_COLOR
      : (styled.find((s) => s.key === key)?.color ?? CHART_OTHER_COLOR);

  const references = referenceLines.map((line) => ({ x: Number(line.x), label: line.label }));
  const geometries = drawOrFail(title ?? testId, () =>
    CHART_LAYOUTS.map((layout) =>
      barGeometry({
        layout,
        height,
        xs,
        series: styled.map((s) => ({ key: s.key, values: s.values })),
        stacked,
        domain,
        formatTick,
        formatX: formatYear,
        references,
      }),
    ),
  );
  if (!geometries) return <ChartErrorState height={height} testId={testId} />;

  const series: InteractionSeries[] = styled.map((s) => ({
    key: s.key,
    label: s.label,
    color: diverging ? CHART_SURPLUS_COLOR : s.color,
    shape: 'bar',
  }));
  // A stack reads top to bottom in the tooltip and legend, the reverse of the drawing order.
  const ordered = stacked ? [...styled].reverse() : styled;
  const points: TooltipPoint[] = xs.map((x, i) => ({
    title: formatYear(x),
    items: ordered.flatMap((s) => {
      const value = s.values[i];
      return value === null || value === undefined
        ? []
        : [{ key: s.key, text: formatValue(value), color: diverging ? colorOf(s.key, value) : undefined }];
    }),
  }));

  return (
    <ChartFrame
      testId={testId}
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
        band: g.step,
      }))}
      series={series}
      points={points}
      sourceChanges={referenceLines.length > 0}
      legend={
        diverging ? (
          <>
            <LegendItem label={diverging.positive} color={CHART_SURPLUS_COLOR} shape="bar" />
            <LegendItem label={diverging.negative} color={CHART_DEFICIT_COLOR} shape="bar" />
          </>
        ) : (
          ordered.map((s) => <LegendItem key={s.key} seriesKey={s.key} label={s.label} color={s.color} shape="bar" />)
        )
      }
    >
      {geometries.map((g) => (
        <BarSvg key={g.layout} geometry={g} colorOf={colorOf} chartId={testId} title={title} desc={desc} />
      ))}
    </ChartFrame>
  );
}

interface BarSvgProps {
  geometry: BarGeometry;
  colorOf: (key: string, value: number) => string;
  chartId?: string;
  title?: string;
  desc?: string;
}

function BarSvg({ geometry: g, colorOf, chartId, title, desc }: BarSvgProps) {
  // One path per series and color (a balance has two: surplus and deficit).
  const groups = new Map<string, { key: string; color: string; rects: BarGeometry['rects'] }>();
  for (const r of g.rects) {
    const color = colorOf(r.key, r.value);
    const id = `${r.key}|${color}`;
    const group = groups.get(id) ?? { key: r.key, color, rects: [] };
    group.rects.push(r);
    groups.set(id, group);
  }
  return (
    <ChartSvg layout={g.layout} chartId={chartId} width={g.width} height={g.height} title={title} desc={desc}>
      <ValueAxis ticks={g.yTicks} plot={g.plot} />
      <YearAxis ticks={g.xTicks} plot={g.plot} />
      {[...groups.entries()].map(([id, group]) => (
        <path
          key={id}
          d={rectsPath(group.rects)}
          fill={group.color}
          data-series={group.key}
          data-bars={group.rects.length}
        />
      ))}
      {/* Bars grow from zero: the axis always includes it. */}
      <ZeroLine y={g.zeroY} plot={g.plot} />
      <ReferenceMarkers references={g.references} plot={g.plot} />
    </ChartSvg>
  );
}
