import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';
import { ObservationsSection } from '@/components/data/observations-section';
import { ObservationsToolbar } from '@/components/data/observations-toolbar';
import { WideSection } from '@/components/layout/wide-section';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { languageMetadata } from '@/lib/i18n/paths';
import { loadDataPage } from '@/lib/loaders/data';
import { serializeData } from '@/lib/search-params/data';
import type { RawSearchParams } from '@/lib/search-params/shared';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('Data'), getLocale()]);
  return { title: t('title'), description: t('description'), ...languageMetadata(locale, '/data') };
}

export default async function DataPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('Data')]);
  const { state, ignored, facets, page } = await loadDataPage(await searchParams, locale);

  return (
    <WideSection className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      </div>

      <IgnoredParamsNotice ignored={ignored} />

      <div className="space-y-4">
        <ObservationsToolbar state={state} facets={facets} />

        {/* A new key per query shows the skeleton while new rows load; showing a column keeps the rows on screen. */}
        <Suspense
          key={serializeData(state.query) || 'default'}
          fallback={<DataTableSkeleton columnCount={state.columns.length} rowCount={14} withPagination />}
        >
          <ObservationsSection dataPromise={page} state={state} />
        </Suspense>
      </div>
    </WideSection>
  );
}
