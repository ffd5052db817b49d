import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { CompositionFigure } from '@/components/overview/composition-section';
import { TurnoverFigure, WorldTurnoverFigure } from '@/components/overview/turnover-section';
import { COMPOSITION_TOP, loadCompositionChart, loadTurnoverCharts, TOP_PARTNERS } from '@/lib/loaders/overview';
import { languageMetadata } from '@/lib/i18n/paths';
import { isOverviewEmbedChart } from '@/lib/search-params/embed';
import type { RawSearchParams } from '@/lib/search-params/shared';

interface PageProps {
  params: Promise<{ chart: string }>;
  searchParams: Promise<RawSearchParams>;
}

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const [{ chart }, t, locale] = await Promise.all([params, getTranslations('overview'), getLocale()]);
  return { title: t('embedTitle'), ...languageMetadata(locale, `/embed/overview/${chart}`) };
}

/** One of the overview's charts alone, for other sites' frames: turnover, world or composition. */
export default async function OverviewEmbedPage({ params, searchParams }: PageProps) {
  const { chart } = await params;
  if (!isOverviewEmbedChart(chart)) notFound();
  const locale = await getLocale();
  if (chart === 'composition') {
    const data = await loadCompositionChart(await searchParams, locale);
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
  const data = await loadTurnoverCharts(locale);
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
