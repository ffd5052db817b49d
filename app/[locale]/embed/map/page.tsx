import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { MapSection } from '@/components/map/map-section';
import { Notice } from '@/components/ui/notice';
import { languageMetadata } from '@/lib/i18n/paths';
import { loadMap } from '@/lib/loaders/map';
import type { RawSearchParams } from '@/lib/search-params/shared';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('map'), getLocale()]);
  return { title: t('embedTitle'), ...languageMetadata(locale, '/embed/map') };
}

/** The world map alone, for other sites' frames: the same parameters and loader as /map. */
export default async function MapEmbedPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('map')]);
  const { params, ignored, year, map } = await loadMap(await searchParams, locale);
  if (map === null || year === undefined)
    return (
      <h1 className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground">{t('empty')}</h1>
    );
  return (
    <div className="space-y-3">
      <IgnoredParamsNotice ignored={ignored} />
      {map.incomplete.map((b) => (
        <Notice
          key={b.key}
          title={t('incompleteTitle', { year: String(year), label: b.label })}
          testId="incomplete-year-notice"
        >
          <p>{b.description}</p>
        </Notice>
      ))}
      <MapSection variant="embed" data={map} params={params} year={year} />
    </div>
  );
}
