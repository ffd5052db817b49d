import type { Metadata } from 'next';
import { SkipLinks } from '@/components/layout/skip-links';
import { CompareChartSection } from '@/components/compare/compare-chart-section';
import { CompareControls } from '@/components/compare/compare-controls';
import { CompareMethods } from '@/components/compare/compare-methods';
import { CompareSummarySection } from '@/components/compare/compare-summary-section';
import { OverlapNotice } from '@/components/compare/overlap-notice';
import { PartialYearFigures } from '@/components/compare/partial-year-figures';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { loadComparePage } from '@/lib/loaders/compare';
import type { RawSearchParams } from '@/lib/search-params/shared';

export const metadata: Metadata = {
  title: 'Compare partners',
  description:
    'Kazakhstan’s trade with chosen partners over time: values, shares of the total, indices and yearly changes, with sources.',
};

// No loading.tsx here: a loading boundary would stream the page, charts included, into hidden
// elements that only a script reveals, and the page must read without JavaScript (docs/charts.md).
export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const view = await loadComparePage(await searchParams);
  const names = new Map(view.options.map((o) => [o.code, o.name]));
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Compare partners</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Kazakhstan’s goods trade with the partners you choose, year by year, as Kazakhstan reports it. Show values,
          each partner’s share of Kazakhstan’s total, an index from the first year, or the change on the year before.
          Every view is a link: copy the address to share it.
        </p>
        <SkipLinks
          links={[
            { href: '#compare-chart', label: 'Skip to the chart' },
            { href: '#compare-summary', label: 'Skip to the table' },
          ]}
        />
      </div>
      <IgnoredParamsNotice ignored={view.ignored} />
      <CompareControls params={view.params} range={view.range} options={view.options} presets={view.presets} />
      <OverlapNotice overlaps={view.overlaps} names={names} />
      <CompareChartSection
        params={view.params}
        range={view.range}
        shape={view.shape}
        breaks={view.breaks}
        sources={view.sources}
      />
      <CompareSummarySection params={view.params} range={view.range} shape={view.shape} />
      <PartialYearFigures flow={view.params.flow} figures={view.partialFigures} yearToDate={view.yearToDate} />
      <CompareMethods sources={view.sources} />
    </div>
  );
}
