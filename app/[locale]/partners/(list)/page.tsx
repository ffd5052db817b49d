import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';
import { WideSection } from '@/components/layout/wide-section';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { PartnerListTable, type PartnerListTableData } from '@/components/partners/partner-list-table';
import { PartnerListToolbar } from '@/components/partners/partner-list-toolbar';
import { Notice } from '@/components/ui/notice';
import { loadPartnerList } from '@/lib/loaders/partner-list';
import { serializePartnerList } from '@/lib/search-params/partner-list';
import type { RawSearchParams } from '@/lib/search-params/shared';

export const metadata: Metadata = {
  title: 'Partners',
  description:
    'Kazakhstan’s trade partners compared: turnover, exports, imports, balance, share, growth, rank, agreements and investment.',
};

export default async function PartnersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { params, ignored, availableYears, year, table, incomplete } = await loadPartnerList(await searchParams);
  const data: Promise<PartnerListTableData> | null = table;

  return (
    <WideSection className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Partners{year !== undefined ? `, ${year}` : null}</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Kazakhstan’s trade partners side by side: turnover, exports, imports and balance in the year chosen, each
          partner’s share of Kazakhstan’s total, its change on the year and its growth over several years, its rank, the
          agreements on record and the investment quoted. Sort by any column (shift-click adds a second key), filter by
          group or name, and download the view.
        </p>
      </div>

      <IgnoredParamsNotice ignored={ignored} />

      <PartnerListToolbar params={params} availableYears={availableYears} />

      {incomplete.map((b) => (
        <Notice key={b.key} title={`${year} is an incomplete year: ${b.label}`} testId="incomplete-year-notice">
          <p>{b.description}</p>
          <p>Shares and ranks of this year compare partners within that part of Kazakhstan’s trade only.</p>
        </Notice>
      ))}

      {data === null ? (
        <p
          className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground"
          data-testid="partner-list-empty"
        >
          No annual trade figures are in the database yet.
        </p>
      ) : (
        <Suspense
          key={serializePartnerList(params) || 'default'}
          fallback={<DataTableSkeleton columnCount={12} rowCount={14} withPagination />}
        >
          <PartnerListTable dataPromise={data} params={params} />
        </Suspense>
      )}
    </WideSection>
  );
}
