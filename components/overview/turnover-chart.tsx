// The overview's turnover series bound to the generic line chart. Values and ticks are US dollars
// in millions, the line chart's default unit, in the page's language.
import { useTranslations } from 'next-intl';
import { LineChart, type ChartMarker, type ChartReferenceLine } from '@/components/charts/line-chart';
import type { TurnoverChartSeries } from '@/lib/charts/turnover-series';

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
  const t = useTranslations('overview.turnover');
  return (
    <LineChart
      data={data}
      index="year"
      categories={categories}
      height={height}
      unitKind="currency"
      currency="USD"
      referenceLines={referenceLines}
      markers={markers}
      markerLegend={t('markerLegend')}
      testId={testId}
      title={title}
      desc={desc}
    />
  );
}
