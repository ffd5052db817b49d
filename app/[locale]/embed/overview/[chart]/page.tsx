import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { CompositionFigure } from '@/components/overview/composition-section';
import { TurnoverFigure, WorldTurnoverFigure } from '@/components/overview/turnover-section';
import { COMPOSITION_TOP, loadCompositionChart, loadTurnoverCharts, TOP_PARTNERS } from '@/lib/loaders/overview';
import { isOverviewEmbedChart } from '@/lib/search-params/embed';
import type { RawSearchParams } from '@/lib/search-params/shared';

interface PageProps {
  params: Promise<{ chart: string }>;
  searchParams: Promise<RawSearchParams>;
}

export const metadata: Metadata = { title: 'Kazakhstan’s foreign trade (embedded chart)' };

/** One of the overview's charts alone, for other sites' frames: turnover, world or composition. */
export default async function OverviewEmbedPage({ params, searchParams }: PageProps) {
  const { chart } = await params;
  if (!isOverviewEmbedChart(chart)) notFound();
  if (chart === 'composition') {
    const data = await loadCompositionChart(await searchParams);
    return (
      <div className="space-y-3">
        <IgnoredParamsNotice ignored={data.ignored} />
        <CompositionFigure
          variant="embed"
          composition={data.composition}
          sources={data.compositionSources}
          breaks={data.breaks}
          eu={data.eu}
          top={COMPOSITION_TOP}
        />
      </div>
    );
  }
  const data = await loadTurnoverCharts();
  return chart === 'turnover' ? (
    <TurnoverFigure
      variant="embed"
      series={data.series}
      sources={data.seriesSources}
      markerFigures={data.markerFigures}
      breaks={data.breaks}
      topPartners={TOP_PARTNERS}
    />
  ) : (
    <WorldTurnoverFigure variant="embed" series={data.series} sources={data.seriesSources} breaks={data.breaks} />
  );
}
