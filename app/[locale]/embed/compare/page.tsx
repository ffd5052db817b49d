import type { Metadata } from 'next';
import { CompareChartSection } from '@/components/compare/compare-chart-section';
import { OverlapNotice } from '@/components/compare/overlap-notice';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { getCompareView } from '@/lib/loaders/compare';
import type { RawSearchParams } from '@/lib/search-params/shared';

export const metadata: Metadata = { title: 'Compare partners (embedded chart)' };

/** The compare chart alone, for other sites' frames: the same parameters and loader as /compare. */
export default async function CompareEmbedPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const view = await getCompareView(await searchParams);
  return (
    <div className="space-y-3">
      <IgnoredParamsNotice ignored={view.ignored} />
      <OverlapNotice overlaps={view.overlaps} names={new Map(view.options.map((o) => [o.code, o.name]))} />
      <CompareChartSection
        variant="embed"
        params={view.params}
        range={view.range}
        shape={view.shape}
        breaks={view.breaks}
        sources={view.sources}
      />
    </div>
  );
}
