import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { SkipLinks } from '@/components/layout/skip-links';
import { CompositionSection } from '@/components/overview/composition-section';
import { HeadlineFigures } from '@/components/overview/headline-figures';
import { NewsSection } from '@/components/overview/news-section';
import { OverviewMethods } from '@/components/overview/overview-methods';
import { PartnersSection } from '@/components/overview/partners-section';
import { QuestionLinks } from '@/components/overview/question-links';
import { TurnoverSection } from '@/components/overview/turnover-section';
import { languageMetadata } from '@/lib/i18n/paths';
import { COMPOSITION_TOP, loadOverview, TOP_PARTNERS } from '@/lib/loaders/overview';
import type { RawSearchParams } from '@/lib/search-params/shared';

// The site's own title (app/layout.tsx) stays the page's; the overview adds its languages.
export async function generateMetadata(): Promise<Metadata> {
  return languageMetadata(await getLocale(), '/');
}

// No loading.tsx here: a loading boundary would stream the page, charts included, into hidden
// elements that only a script reveals, and the page must read without JavaScript (docs/charts.md).
export default async function OverviewPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('overview')]);
  const data = await loadOverview(await searchParams, locale);
  const year = data.headline.year;
  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
        <SkipLinks
          label={t('skipTo')}
          links={[
            { href: '#turnover-figure', label: t('skipChart') },
            { href: '#partners-section', label: t('skipTable') },
          ]}
        />
      </div>
      <QuestionLinks />
      <IgnoredParamsNotice ignored={data.ignored} />
      <section aria-labelledby="headline-heading" className="space-y-3">
        <h2 id="headline-heading" className="text-lg font-semibold">
          {year !== null ? t('headlineHeadingYear', { year: String(year) }) : t('headlineHeading')}
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
