import type { Metadata } from 'next';
import { Suspense } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';
import { WideSection } from '@/components/layout/wide-section';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { PartnerListSection, type PartnerListTableData } from '@/components/partners/partner-list-section';
import { PartnerListToolbar } from '@/components/partners/partner-list-toolbar';
import { partnerListToolbarLabels } from '@/components/partners/partner-list-toolbar-labels';
import { Notice } from '@/components/ui/notice';
import { languageMetadata } from '@/lib/i18n/paths';
import { loadPartnerList } from '@/lib/loaders/partner-list';
import { serializePartnerList } from '@/lib/search-params/partner-list';
import type { RawSearchParams } from '@/lib/search-params/shared';

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('partnerList'), getLocale()]);
  return { title: t('title'), description: t('description'), ...languageMetadata(locale, '/partners') };
}

export default async function PartnersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations('partnerList')]);
  const { params, ignored, availableYears, year, table, incomplete } = await loadPartnerList(
    await searchParams,
    locale,
  );
  const data: Promise<PartnerListTableData> | null = table;

  return (
    <WideSection className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">
          {year !== undefined ? t('titleYear', { year: String(year) }) : t('title')}
        </h1>
        <p className="max-w-3xl text-sm text-muted-foreground">{t('intro')}</p>
      </div>

      <IgnoredParamsNotice ignored={ignored} />

      <PartnerListToolbar
        params={params}
        availableYears={availableYears}
        labels={partnerListToolbarLabels(t, locale)}
      />

      {incomplete.map((b) => (
        <Notice
          key={b.key}
          title={t('incompleteTitle', { year: String(year), label: b.label })}
          testId="incomplete-year-notice"
        >
          <p>{b.description}</p>
          <p>{t('incompleteNote')}</p>
        </Notice>
      ))}

      {data === null ? (
        <p
          className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground"
          data-testid="partner-list-empty"
        >
          {t('empty')}
        </p>
      ) : (
        <Suspense
          key={serializePartnerList(params) || 'default'}
          fallback={<DataTableSkeleton columnCount={12} rowCount={14} withPagination />}
        >
          <PartnerListSection dataPromise={data} params={params} />
        </Suspense>
      )}
    </WideSection>
  );
}
