'use client';

// The charts, loaded after the page: Recharts is most of a chart page's JavaScript, and every
// chart already has its numbers in a table and its title and description in the page, so the
// page is readable and usable before the chart code arrives. A box of the chart's height holds
// the place, so nothing below it moves when the chart appears.
import dynamic from 'next/dynamic';
import type { BarChart as EagerBarChart, BarChartDatum, BarChartProps } from './bar-chart';
import type { LineChart as EagerLineChart, LineChartDatum, LineChartProps } from './line-chart';

const DEFAULT_LINE_HEIGHT = 360;
const DEFAULT_BAR_HEIGHT = 320;

// dynamic() drops the components' type parameter; the cast restores it (same component, same props).
const LazyLineChart = dynamic(() => import('./line-chart').then((m) => m.LineChart), {
  ssr: false,
  loading: () => null,
}) as unknown as typeof EagerLineChart;
const LazyBarChart = dynamic(() => import('./bar-chart').then((m) => m.BarChart), {
  ssr: false,
  loading: () => null,
}) as unknown as typeof EagerBarChart;

export function LineChart<TDatum extends LineChartDatum>(props: LineChartProps<TDatum>) {
  return (
    <div style={{ minHeight: props.height ?? DEFAULT_LINE_HEIGHT }}>
      <LazyLineChart {...props} />
    </div>
  );
}

export function BarChart<TDatum extends BarChartDatum>(props: BarChartProps<TDatum>) {
  return (
    <div style={{ minHeight: props.height ?? DEFAULT_BAR_HEIGHT }}>
      <LazyBarChart {...props} />
    </div>
  );
}
