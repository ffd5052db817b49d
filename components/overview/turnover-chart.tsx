'use client';

// Client leaf binding the overview's turnover series to the generic line chart: formatters are
// functions, which cannot cross from the server page, so they are chosen here.
import { LineChart } from '@/components/charts/lazy-charts';
import type { ChartMarker, ChartReferenceLine } from '@/components/charts/line-chart';
import type { TurnoverChartSeries } from '@/lib/charts/turnover-series';
import { formatUsdMillions, formatUsdMillionsCompact, formatYear } from '@/lib/format';

const formatIndex = (value: string | number) => formatYear(Number(value));

interface TurnoverChartProps extends TurnoverChartSeries {
  testId: string;
  height?: number;
  referenceLines?: readonly ChartReferenceLine[];
  markers?: readonly ChartMarker[];
  title?: string;
  desc?: string;
}

export function TurnoverChart({
  data,
  categories,
  testId,
  height,
  referenceLines,
  markers,
  title,
  desc,
}: TurnoverChartProps) {
  return (
    <LineChart
      data={data}
      index="year"
      categories={categories}
      height={height}
      valueFormatter={formatUsdMillions}
      tickFormatter={formatUsdMillionsCompact}
      indexFormatter={formatIndex}
      referenceLines={referenceLines}
      markers={markers}
      markerLegend="Rounded figure quoted in the news (Kazakh statistics)"
      testId={testId}
      title={title}
      desc={desc}
    />
  );
}
