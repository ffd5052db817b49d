import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { SkipLinks } from '@/components/layout/skip-links';
import { CompareChartSection } from '@/components/compare/compare-chart-section';
import { CompareControls } from '@/components/compare/compare-controls';
import { CompareMethods } from '@/components/compare/compare-methods';
import { CompareSummarySection } from '@/components/compare/compare-summary-section';
import { OverlapNotice } from '@/components/compare/overlap-notice';
import { PartialYearFigures } from '@/components/compare/partial-year-figures';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { languageMetadata } from '@/lib/i18n/paths';
import { loadComparePage } from '@/lib/loaders/compare';
import type { RawSearchParams } from '@/lib/search-params/shared';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('Compare'), getLocale()]);
  return { title: t('title'), description: t('description'), ...languageMetadata(locale, '/compare') };
}

// No loading.tsx here: a loading boundary would stream the page, charts included, into hidden
// elements that only a script reveals, and the page must read without JavaScript (docs/charts.md).
export default async function ComparePage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('Compare')]);
  const view = await loadComparePage(await searchParams, locale);
  const names = new Map(view.options.map((o) => [o.code, o.name]));
  return (
    <div className="space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
        <SkipLinks
          links={[
            { href: '#compare-chart', label: t('skipChart') },
            { href: '#compare-summary', label: t('skipTable') },
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
      <PartialYearFigures
        flow={view.params.flow}
        figures={view.partialFigures}
        yearToDate={view.yearToDate}
        names={names}
      />
      <CompareMethods sources={view.sources} />
    </div>
  );
}
