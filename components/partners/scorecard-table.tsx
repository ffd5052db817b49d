'use client';

import { use, useCallback, useMemo } from 'react';
import type { PaginationState, SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import { useDataTable } from '@/components/data-table/use-data-table';
import { useUrlState } from '@/components/layout/use-url-state';
import { SourceCredit } from '@/components/provenance/source-credit';
import { worldTotalOrigin } from '@/lib/charts/provenance-text';
import type { SeriesBreak } from '@/lib/charts/series-breaks';
import { formatNumber, formatUsdMillions } from '@/lib/format';
import { MEMBERSHIP_RULE } from '@/lib/membership-groups';
import type { SourceAttribution } from '@/lib/queries/overview';
import type { Scorecard, ScorecardRow } from '@/lib/queries/scorecard';
import {
  MAX_SCORECARD_SORT_KEYS,
  SCORECARD_PAGE_SIZES,
  SCORECARD_SORT_KEYS,
  SPARKLINE_YEARS,
  scorecardExportHref,
  scorecardParsers,
  type ScorecardParams,
  type ScorecardSort,
  type ScorecardSortKey,
} from '@/lib/search-params/partners';
import { scorecardColumns } from './scorecard-table-columns';

export interface ScorecardTableData {
  scorecard: Scorecard;
  sources: SourceAttribution[];
  breaks: SeriesBreak[];
}

interface ScorecardTableProps {
  /** Started by the page and not awaited there, so the controls render first. */
  dataPromise: Promise<ScorecardTableData>;
  params: ScorecardParams;
}

const getRowId = (row: ScorecardRow) => row.code;
const rowData = (row: ScorecardRow) => ({ 'data-row-key': row.code });
const isSortKey = (id: string): id is ScorecardSortKey => (SCORECARD_SORT_KEYS as readonly string[]).includes(id);

function WorldNote({ scorecard }: { scorecard: Scorecard }) {
  const { world, year } = scorecard;
  if (year === null) return null;
  if (world.turnoverUsdMn === null) {
    return <>Shares are unavailable for {year}: the official series has no total with the world for that year.</>;
  }
  return (
    <>
      Shares are of Kazakhstan’s total turnover with the world in {year}: {formatUsdMillions(world.turnoverUsdMn)},{' '}
      {worldTotalOrigin(world)}. Partner values and the total come from the same source.
    </>
  );
}

export function ScorecardTable({ dataPromise, params }: ScorecardTableProps) {
  const { scorecard, sources, breaks } = use(dataPromise);
  const { navigate, isPending } = useUrlState(scorecardParsers, params, { pageKey: 'page' });
  const year = scorecard.year ?? new Date().getUTCFullYear();

  const sourceNames = useMemo(() => Object.fromEntries(sources.map((s) => [s.id, s.publisher])), [sources]);
  const columns = useMemo(
    () =>
      scorecardColumns({
        year,
        window: scorecard.window,
        sourceNames,
        sparklines: scorecard.sparklines,
        sparklineFrom: year - SPARKLINE_YEARS + 1,
        ranked: params.view === 'countries',
        breaks,
      }),
    [year, scorecard.window, scorecard.sparklines, sourceNames, params.view, breaks],
  );

  const sorting = useMemo<SortingState>(() => params.sort, [params.sort]);
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const sort: ScorecardSort[] = next
        .filter((s) => isSortKey(s.id))
        .map((s) => ({ id: s.id as ScorecardSortKey, desc: s.desc }));
      if (sort.length > 0) navigate({ sort });
    },
    [navigate],
  );
  const pagination = useMemo(
    () => ({
      state: { pageIndex: scorecard.page - 1, pageSize: scorecard.size },
      rowCount: scorecard.total,
      onChange: (next: PaginationState) => {
        if (next.pageSize !== scorecard.size) navigate({ size: next.pageSize });
        else navigate({ page: next.pageIndex + 1 });
      },
    }),
    [navigate, scorecard.page, scorecard.size, scorecard.total],
  );

  const table = useDataTable({
    data: scorecard.rows,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    enableMultiSort: true,
    maxSortKeys: MAX_SCORECARD_SORT_KEYS,
    pagination,
  });

  // Exports get the view as shown, with the year made explicit so that a file made later says the same.
  const hrefs = {
    csv: scorecardExportHref(params, year, 'csv'),
    xlsx: scorecardExportHref(params, year, 'xlsx'),
    json: scorecardExportHref(params, year, 'json'),
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="scorecard-summary">
          <span className="font-medium text-foreground">{formatNumber(scorecard.total, 0)}</span>{' '}
          {params.view === 'countries'
            ? scorecard.total === 1
              ? 'partner country'
              : 'partner countries'
            : scorecard.total === 1
              ? 'group'
              : 'groups'}{' '}
          with trade figures in {year}
        </p>
        <DataTableExport hrefs={hrefs} rowCount={scorecard.total} />
      </div>
      <DataTable
        table={table}
        testId="scorecard-table"
        isPending={isPending}
        rowData={rowData}
        caption={`Kazakhstan’s partners in ${year}: turnover, exports, imports and balance in USD million, share, growth, rank, agreements and investment`}
        emptyMessage={
          scorecard.total > 0
            ? 'This page is past the last one; go back to the first page.'
            : 'No partner matches these filters.'
        }
      />
      <DataTablePagination
        table={table}
        pageSizes={SCORECARD_PAGE_SIZES}
        rowLabel={params.view === 'countries' ? 'partners' : 'groups'}
        isPending={isPending}
      />
      <div className="space-y-1 text-xs text-muted-foreground" data-testid="scorecard-notes">
        <p>
          Kazakhstan’s own statistics, calendar year {year}, USD million at current prices: the Bureau of National
          Statistics for 2020–2025 (final editions), the IMF’s Direction of Trade Statistics for earlier years; turnover
          = exports + imports, only where both are published. <WorldNote scorecard={scorecard} />
        </p>
        <p>
          “e” = estimate; † = the two years compared come from different sources or span a break in the series. Growth
          p.a. is the compound annual growth rate of turnover over {scorecard.window} years
          {params.min > 0
            ? `, given only for partners with at least USD ${params.min.toLocaleString('en-US')} million of turnover in both years`
            : ''}
          , and never from a base year the series has incomplete (1992–1993; 2010 for Russia and Belarus). Ranks are
          among partner countries with a turnover that year; groups (EU, EAEU, …) overlap their members and are listed
          separately, never added to them. Investment is the latest gross FDI inflow quoted by partner and year (news
          figures, rounded). {MEMBERSHIP_RULE}
        </p>
        <p>
          <SourceCredit sources={sources} />
        </p>
      </div>
    </div>
  );
}
