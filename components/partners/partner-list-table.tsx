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
import type { PartnerList, PartnerListRow } from '@/lib/queries/partner-list';
import {
  MAX_PARTNER_LIST_SORT_KEYS,
  PARTNER_LIST_PAGE_SIZES,
  PARTNER_LIST_SORT_KEYS,
  SPARKLINE_YEARS,
  partnerListExportHref,
  partnerListParsers,
  type PartnerListParams,
  type PartnerListSort,
  type PartnerListSortKey,
} from '@/lib/search-params/partner-list';
import { partnerListColumns } from './partner-list-table-columns';

export interface PartnerListTableData {
  partnerList: PartnerList;
  sources: SourceAttribution[];
  breaks: SeriesBreak[];
}

interface PartnerListTableProps {
  /** Started by the page and not awaited there, so the controls render first. */
  dataPromise: Promise<PartnerListTableData>;
  params: PartnerListParams;
}

const getRowId = (row: PartnerListRow) => row.code;
const rowData = (row: PartnerListRow) => ({ 'data-row-key': row.code });
const isSortKey = (id: string): id is PartnerListSortKey => (PARTNER_LIST_SORT_KEYS as readonly string[]).includes(id);

function WorldNote({ partnerList }: { partnerList: PartnerList }) {
  const { world, year } = partnerList;
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

export function PartnerListTable({ dataPromise, params }: PartnerListTableProps) {
  const { partnerList, sources, breaks } = use(dataPromise);
  const { navigate, isPending } = useUrlState(partnerListParsers, params, { pageKey: 'page' });
  const year = partnerList.year ?? new Date().getUTCFullYear();

  const sourceNames = useMemo(() => Object.fromEntries(sources.map((s) => [s.id, s.publisher])), [sources]);
  const columns = useMemo(
    () =>
      partnerListColumns({
        year,
        window: partnerList.window,
        sourceNames,
        sparklines: partnerList.sparklines,
        sparklineFrom: year - SPARKLINE_YEARS + 1,
        ranked: params.view === 'countries',
        breaks,
      }),
    [year, partnerList.window, partnerList.sparklines, sourceNames, params.view, breaks],
  );

  const sorting = useMemo<SortingState>(() => params.sort, [params.sort]);
  const onSortingChange = useCallback(
    (next: SortingState) => {
      const sort: PartnerListSort[] = next
        .filter((s) => isSortKey(s.id))
        .map((s) => ({ id: s.id as PartnerListSortKey, desc: s.desc }));
      if (sort.length > 0) navigate({ sort });
    },
    [navigate],
  );
  const pagination = useMemo(
    () => ({
      state: { pageIndex: partnerList.page - 1, pageSize: partnerList.size },
      rowCount: partnerList.total,
      onChange: (next: PaginationState) => {
        if (next.pageSize !== partnerList.size) navigate({ size: next.pageSize });
        else navigate({ page: next.pageIndex + 1 });
      },
    }),
    [navigate, partnerList.page, partnerList.size, partnerList.total],
  );

  const table = useDataTable({
    data: partnerList.rows,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    enableMultiSort: true,
    maxSortKeys: MAX_PARTNER_LIST_SORT_KEYS,
    pagination,
  });

  // Exports get the view as shown, with the year made explicit so that a file made later says the same.
  const hrefs = {
    csv: partnerListExportHref(params, year, 'csv'),
    xlsx: partnerListExportHref(params, year, 'xlsx'),
    json: partnerListExportHref(params, year, 'json'),
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="partner-list-summary">
          <span className="font-medium text-foreground">{formatNumber(partnerList.total, 0)}</span>{' '}
          {params.view === 'countries'
            ? partnerList.total === 1
              ? 'partner country'
              : 'partner countries'
            : partnerList.total === 1
              ? 'group'
              : 'groups'}{' '}
          with trade figures in {year}
        </p>
        <DataTableExport hrefs={hrefs} rowCount={partnerList.total} />
      </div>
      <DataTable
        table={table}
        testId="partner-list-table"
        isPending={isPending}
        rowData={rowData}
        caption={`Kazakhstan’s partners in ${year}: turnover, exports, imports and balance in USD million, share, growth, rank, agreements and investment`}
        emptyMessage={
          partnerList.total > 0
            ? 'This page is past the last one; go back to the first page.'
            : 'No partner matches these filters.'
        }
      />
      <DataTablePagination
        table={table}
        pageSizes={PARTNER_LIST_PAGE_SIZES}
        rowLabel={params.view === 'countries' ? 'partners' : 'groups'}
        isPending={isPending}
      />
      <div className="space-y-1 text-xs text-muted-foreground" data-testid="partner-list-notes">
        <p>
          Kazakhstan’s own statistics, calendar year {year}, USD million at current prices: the Bureau of National
          Statistics for 2020–2025 (final editions), the IMF’s Direction of Trade Statistics for earlier years; turnover
          = exports + imports, only where both are published. <WorldNote partnerList={partnerList} />
        </p>
        <p>
          “e” = estimate; † = the two years compared come from different sources or span a break in the series. Growth
          p.a. is the compound annual growth rate of turnover over {partnerList.window} years
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
