import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DataTableSkeleton } from '@/components/data-table/data-table-skeleton';
import { WideSection } from '@/components/layout/wide-section';
import { IgnoredParamsNotice } from '@/components/layout/ignored-params-notice';
import { ScorecardTable, type ScorecardTableData } from '@/components/partners/scorecard-table';
import { ScorecardToolbar } from '@/components/partners/scorecard-toolbar';
import { getSourceAttribution } from '@/lib/queries/overview';
import { getScorecard, getScorecardYears } from '@/lib/queries/scorecard';
import { parseScorecardSearchParams, serializeScorecardSearchParams } from '@/lib/search-params/partners';
import type { RawSearchParams } from '@/lib/validations/observations';

export const metadata: Metadata = {
  title: 'Partners',
  description:
    'Kazakhstan’s trade partners compared: turnover, exports, imports, balance, share, growth, rank, agreements and investment.',
};

export default async function PartnersPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const raw = await searchParams;
  // The year is checked against the years that have data, so it needs them first.
  const availableYears = await getScorecardYears();
  const { params, ignored } = parseScorecardSearchParams(raw, { availableYears });
  const year = params.year ?? availableYears.at(-1);

  // Not awaited: the table streams in behind its own Suspense boundary while the controls render.
  const data: Promise<ScorecardTableData> | null =
    year === undefined
      ? null
      : getScorecard({ year, params }).then(async (scorecard) => ({
          scorecard,
          sources: await getSourceAttribution(scorecard.sourceIds),
        }));

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

      <ScorecardToolbar params={params} availableYears={availableYears} />

      {data === null ? (
        <p
          className="rounded-lg border border-dashed border-border p-6 text-sm text-muted-foreground"
          data-testid="scorecard-empty"
        >
          No annual trade figures are in the database yet.
        </p>
      ) : (
        <Suspense
          key={serializeScorecardSearchParams(params) || 'default'}
          fallback={<DataTableSkeleton columnCount={12} rowCount={14} withPagination />}
        >
          <ScorecardTable dataPromise={data} params={params} />
        </Suspense>
      )}
    </WideSection>
  );
}
