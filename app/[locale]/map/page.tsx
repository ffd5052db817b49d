import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { MapControls } from '@/components/map/map-controls';
import { MapSection } from '@/components/map/map-section';
import { MapYearSlider } from '@/components/map/map-year-slider';
import { Notice } from '@/components/ui/notice';
import { languageMetadata, localizedHref } from '@/lib/i18n/paths';
import { loadMap } from '@/lib/loaders/map';
import { mapPermalink } from '@/lib/search-params/map';
import type { RawSearchParams } from '@/lib/search-params/shared';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('map'), getLocale()]);
  return { title: t('title'), description: t('description'), ...languageMetadata(locale, '/map') };
}

// No loading.tsx here: a loading boundary would stream the map into a hidden element that only a
// script reveals, and the map must paint without JavaScript. Between years the old map stays up
// (the controls navigate in a transition) until the new one arrives.
export default async function MapPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('map')]);
  const { params, ignored, availableYears, year, map } = await loadMap(await searchParams, locale);
  return (
    <div className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          {year !== undefined ? t('headingYear', { year: String(year) }) : t('heading')}
        </h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      </div>
      <IgnoredParamsNotice ignored={ignored} />
      {map === null || year === undefined ? (
        <p
          className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground"
          data-testid="map-empty"
        >
          {t('empty')}
        </p>
      ) : (
        <>
          <div className="flex flex-wrap items-end gap-x-6 gap-y-3">
            <MapControls params={params} />
            <MapYearSlider params={params} year={year} years={availableYears} />
            <a
              href={localizedHref(locale, mapPermalink(params, year))}
              className="inline-flex h-9 items-center rounded-md border border-border px-3 text-sm font-medium hover:bg-muted"
              data-testid="permalink"
            >
              {t('permalink')}
            </a>
          </div>
          {map.incomplete.map((b) => (
            <Notice
              key={b.key}
              title={t('incompleteTitle', { year: String(year), label: b.label })}
              testId="incomplete-year-notice"
            >
              <p>{b.description}</p>
            </Notice>
          ))}
          <MapSection data={map} params={params} year={year} />
        </>
      )}
    </div>
  );
}
