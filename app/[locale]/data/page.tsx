import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';
import { ObservationsTable } from '@/components/data/observations-table';
import { ObservationsToolbar } from '@/components/data/observations-toolbar';
import { WideSection } from '@/components/layout/wide-section';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { getObservationFacets, getObservationsPage } from '@/lib/queries/observations';
import { parseDataSearchParams, serializeData } from '@/lib/search-params/data';
import type { RawSearchParams } from '@/lib/search-params/shared';

export const metadata: Metadata = {
  title: 'Data',
  description:
    'Every figure in the database with its reporter, partner, period, unit, qualifier and source; filter, sort and download.',
};

export default async function DataPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const { state, ignored } = parseDataSearchParams(await searchParams);
  // Not awaited: the rows stream in behind their own Suspense boundary while the filters render.
  const pageData = getObservationsPage({ ...state.query, format: 'json' });
  const facets = await getObservationFacets();

  return (
    <WideSection className="space-y-5">
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">Data</h1>
        <p className="max-w-3xl text-sm text-muted-foreground">
          Every figure in the database, as its source published it: who reports it, about which partner, for which
          period, in which unit, how it was worded (exact, about, more than, estimate), whether it was derived, and
          where it comes from. Filter, sort by several columns, then download exactly this view.
        </p>
      </div>

      <IgnoredParamsNotice ignored={ignored} />

      <div className="space-y-4">
        <ObservationsToolbar state={state} facets={facets} />

        {/* A new key per query shows the skeleton while new rows load; showing a column keeps the rows on screen. */}
        <Suspense
          key={serializeData(state.query) || 'default'}
          fallback={<DataTableSkeleton columnCount={state.columns.length} rowCount={14} withPagination />}
        >
          <ObservationsTable dataPromise={pageData} state={state} />
        </Suspense>
      </div>
    </WideSection>
  );
}
