import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { SkipLinks } from '@/components/layout/skip-links';
import { CompositionSection } from '@/components/overview/composition-section';
import { HeadlineFigures } from '@/components/overview/headline-figures';
import { NewsSection } from '@/components/overview/news-section';
import { OverviewMethods } from '@/components/overview/overview-methods';
import { PartnersSection } from '@/components/overview/partners-section';
import { QuestionLinks } from '@/components/overview/question-links';
import { TurnoverSection } from '@/components/overview/turnover-section';
import { COMPOSITION_TOP, loadOverview, TOP_PARTNERS } from '@/lib/loaders/overview';
import type { RawSearchParams } from '@/lib/search-params/shared';

// No loading.tsx here: a loading boundary would stream the page, charts included, into hidden
// elements that only a script reveals, and the page must read without JavaScript (docs/charts.md).
export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const data = await loadOverview(await searchParams);
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Kazakhstan’s foreign trade</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Trade in goods as reported by Kazakhstan: exports, imports, their sum (turnover) and the balance, with the
          world and by partner, in US dollars at current prices. Every figure names its unit, period and source.
        </p>
        <SkipLinks
          links={[
            { href: '#turnover-figure', label: 'Skip to the chart' },
            { href: '#partners-section', label: 'Skip to the table' },
          ]}
        />
      </div>
      <QuestionLinks />
      <IgnoredParamsNotice ignored={data.ignored} />
      <section aria-labelledby="headline-heading" className="space-y-3">
        <h2 id="headline-heading" className="text-lg font-semibold">
          Trade with the world{data.headline.year !== null ? `, ${data.headline.year}` : ''}
        </h2>
        <HeadlineFigures headline={data.headline} yearToDate={data.yearToDate} />
      </section>
      <TurnoverSection
        series={data.series}
        sources={data.seriesSources}
        markerFigures={data.markerFigures}
        breaks={data.breaks}
        topPartners={TOP_PARTNERS}
      />
      <CompositionSection
        composition={data.composition}
        sources={data.compositionSources}
        breaks={data.breaks}
        params={data.params}
        top={COMPOSITION_TOP}
      />
      <PartnersSection data={data.tableData} params={data.params} availableYears={data.availableYears} />
      <NewsSection news={data.news} rates={data.rates} headline={data.headline} />
      <OverviewMethods sources={[...data.seriesSources, ...data.compositionSources]} />
    </div>
  );
}
