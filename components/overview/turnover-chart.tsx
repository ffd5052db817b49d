// The overview's turnover series bound to the generic line chart, with the overview's own
// formatters (US dollars in millions, compact ticks).
import { LineChart, type ChartMarker, type ChartReferenceLine } from '@/components/charts/line-chart';
import type { TurnoverChartSeries } from '@/lib/charts/turnover-series';
import { formatUsdMillions, formatUsdMillionsCompact } from '@/lib/format';

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
      referenceLines={referenceLines}
      markers={markers}
      markerLegend="Rounded figure quoted in the news (Kazakh statistics)"
      testId={testId}
      title={title}
      desc={desc}
    />
  );
}
