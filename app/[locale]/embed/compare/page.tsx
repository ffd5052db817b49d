import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CompareChartSection } from '@/components/compare/compare-chart-section';
import { OverlapNotice } from '@/components/compare/overlap-notice';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { languageMetadata } from '@/lib/i18n/paths';
import { getCompareView } from '@/lib/loaders/compare';
import type { RawSearchParams } from '@/lib/search-params/shared';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('Compare'), getLocale()]);
  return { title: t('embedTitle'), ...languageMetadata(locale, '/embed/compare') };
}

/** The compare chart alone, for other sites' frames: the same parameters and loader as /compare. */
export default async function CompareEmbedPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const view = await getCompareView(await searchParams, await getLocale());
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
