'use client';

import { useCallback, useMemo, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { ColumnVisibilityState, PaginationState, SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import type { PagerTexts } from '@/components/data-table/pager-texts';
import { DataTableViewOptions } from '@/components/data-table/data-table-view-options';
import { useDataTable } from '@/components/data-table/use-data-table';
import { useUrlState } from '@/components/layout/use-url-state';
import type { LocalizedObservation } from '@/lib/i18n/observation-names';
import { DATA_COLUMNS, dataParsers, type DataColumnId, type DataState } from '@/lib/search-params/data';
import type { ExportFormat } from '@/lib/export/formats';
import {
  MAX_SORT_KEYS,
  OBSERVATION_SORT_KEYS,
  PAGE_SIZES,
  type ObservationSort,
  type ObservationSortKey,
} from '@/lib/validations/observation-parameters';
import { observationsTableColumns } from './observations-table-columns';

/** What the browser needs besides the rows, which the server draws (ObservationsSection). */
export interface ObservationsTableView {
  page: number;
  size: number;
  total: number;
  hrefs: Record<ExportFormat, string>;
  /** The pager's and the download's words, formatted by the server (pagerTexts, DataTable.allNRows). */
  texts: { pager: PagerTexts; exportRows: string };
}

interface ObservationsTableProps {
  view: ObservationsTableView;
  state: DataState;
  /** The rows, drawn by the server in the header's column order. */
  body: ReactNode;
  /** The count above the table and the legend below it, drawn by the server. */
  summary: ReactNode;
  legend: ReactNode;
}

// The rows are the server's (body): the table model holds none.
const NO_ROWS: LocalizedObservation[] = [];
const getRowId = (row: LocalizedObservation) => row.id;
const isSortKey = (id: string): id is ObservationSortKey => (OBSERVATION_SORT_KEYS as readonly string[]).includes(id);

/**
 * The data screen's header (sorting), column menu, pager and downloads. The rows come drawn by
 * the server, so hydrating the page runs no cell code (issue 18.2); TanStack Table here holds only
 * the sort, page and shown columns, which live in the URL.
 */
export function ObservationsTable({ view, state, body, summary, legend }: ObservationsTableProps) {
  const t = useTranslations('Data');
  const { query } = state;
  const columns = useMemo(() => observationsTableColumns(t), [t]);
  const base = useMemo(() => ({ ...query, cols: [...state.columns] }), [query, state.columns]);
  const { navigate, isPending } = useUrlState(dataParsers, base, { pageKey: 'page' });

  const sorting = useMemo<SortingState>(
    () => (query.sort ?? []).map((s) => ({ id: s.id, desc: s.desc })),
    [query.sort],
  );
  const onSortingChange = useCallback(
    (next: SortingState) => {
      // Only allow-listed column ids become URL state; anything else is a bug in the column defs.
      const sort: ObservationSort[] = next
        .filter((s) => isSortKey(s.id))
        .map((s) => ({ id: s.id as ObservationSortKey, desc: s.desc }));
      navigate({ sort: sort.length > 0 ? sort : null });
    },
    [navigate],
  );

  const pagination = useMemo(
    () => ({
      state: { pageIndex: view.page - 1, pageSize: view.size },
      rowCount: view.total,
      onChange: (next: PaginationState) => {
        if (next.pageSize !== view.size) navigate({ size: next.pageSize });
        else navigate({ page: next.pageIndex + 1 });
      },
    }),
    [navigate, view.page, view.size, view.total],
  );

  const columnVisibility = useMemo(
    () => ({
      state: Object.fromEntries(DATA_COLUMNS.map((id) => [id, state.columns.includes(id)])) as ColumnVisibilityState,
      // Showing a column changes no row: the page stays, and no history entry per checkbox.
      onChange: (next: ColumnVisibilityState) =>
        navigate(
          { cols: DATA_COLUMNS.filter((id: DataColumnId) => next[id] !== false) },
          { keepPage: true, history: 'replace' },
        ),
    }),
    [navigate, state.columns],
  );

  const table = useDataTable({
    data: NO_ROWS,
    columns,
    sorting,
    onSortingChange,
    getRowId,
    sortedColumnsFirst: true,
    enableMultiSort: true,
    maxSortKeys: MAX_SORT_KEYS,
    pagination,
    columnVisibility,
  });

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        {summary}
        <div className="flex flex-wrap items-center gap-2">
          <DataTableViewOptions table={table} />
          <DataTableExport hrefs={view.hrefs} rowsLabel={view.texts.exportRows} />
        </div>
      </div>
      <DataTable table={table} testId="observations-table" isPending={isPending} body={body} caption={t('caption')} />
      <DataTablePagination table={table} pageSizes={PAGE_SIZES} texts={view.texts.pager} isPending={isPending} />
      {legend}
    </div>
  );
}
