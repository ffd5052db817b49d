'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useCallback, useMemo, type ReactNode } from 'react';
import type { PaginationState, SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import { useDataTable } from '@/components/data-table/use-data-table';
import { useUrlState } from '@/components/layout/use-url-state';
import type { PagerTexts } from '@/components/data-table/pager-texts';
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

/** What the browser needs besides the rows, which the server draws (PartnerListSection). */
export interface PartnerListTableView {
  partnerList: Omit<PartnerList, 'rows' | 'sparklines'>;
  /** The pager's and the download's words, formatted by the server (pagerTexts, DataTable.allNRows). */
  texts: { pager: PagerTexts; exportRows: string };
}

interface PartnerListTableProps {
  view: PartnerListTableView;
  /** The table's rows, drawn by the server in the header's column order. */
  body: ReactNode;
  /** The count above the table and the notes below it, drawn by the server (partner-list-texts.tsx). */
  summary: ReactNode;
  notes: ReactNode;
  params: PartnerListParams;
}

// The rows are the server's (body): the table model holds none.
const NO_ROWS: PartnerListRow[] = [];
const getRowId = (row: PartnerListRow) => row.code;
const isSortKey = (id: string): id is PartnerListSortKey => (PARTNER_LIST_SORT_KEYS as readonly string[]).includes(id);

/**
 * The partner list's header (sorting), pager, download and notes. The rows come drawn by the
 * server, so hydrating the page runs no cell code (issue 18.2); TanStack Table here holds only the
 * sort and page state, which live in the URL.
 */
export function PartnerListTable({ view, body, summary, notes, params }: PartnerListTableProps) {
  const { partnerList, texts } = view;
  const { navigate, isPending } = useUrlState(partnerListParsers, params, { pageKey: 'page' });
  const t = useTranslations('partnerList');
  const locale = useLocale();
  const year = partnerList.year ?? new Date().getUTCFullYear();

  const columns = useMemo(
    () =>
      partnerListColumns({
        year,
        window: partnerList.window,
        sparklineFrom: year - SPARKLINE_YEARS + 1,
        ranked: params.view === 'countries',
        t,
        locale,
      }),
    [year, partnerList.window, params.view, t, locale],
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
    data: NO_ROWS,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    sortedColumnsFirst: true,
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
        {summary}
        <DataTableExport hrefs={hrefs} rowsLabel={texts.exportRows} />
      </div>
      <DataTable
        table={table}
        testId="partner-list-table"
        isPending={isPending}
        body={body}
        caption={t('caption', { year: String(year) })}
      />
      <DataTablePagination
        table={table}
        pageSizes={PARTNER_LIST_PAGE_SIZES}
        texts={texts.pager}
        isPending={isPending}
      />
      {notes}
    </div>
  );
}
