'use client';

import { use, useCallback, useMemo } from 'react';
import type { ColumnVisibilityState, PaginationState, SortingState } from '@tanstack/react-table';
import { DataTable } from '@/components/data-table/data-table';
import { DataTableExport } from '@/components/data-table/data-table-export';
import { DataTablePagination } from '@/components/data-table/data-table-pagination';
import { DataTableViewOptions } from '@/components/data-table/data-table-view-options';
import { useDataTable } from '@/components/data-table/use-data-table';
import { useUrlState } from '@/components/layout/use-url-state';
import { formatNumber } from '@/lib/format';
import { QUALIFIER_DISPLAY, ESTIMATE_MARK } from '@/lib/qualifiers';
import type { ObservationPage, ObservationRecord } from '@/lib/queries/observations';
import {
  DATA_COLUMNS,
  dataParsers,
  observationsExportHref,
  serializeData,
  type DataColumnId,
  type DataState,
} from '@/lib/search-params/data';
import {
  MAX_SORT_KEYS,
  OBSERVATION_SORT_KEYS,
  OVER_BUDGET_MESSAGE,
  PAGE_SIZES,
  type ObservationSort,
  type ObservationSortKey,
} from '@/lib/validations/observations';
import { observationRowKey, observationsTableColumns } from './observations-table-columns';

interface ObservationsTableProps {
  /** Started by the page and not awaited there, so the filters render first. */
  dataPromise: Promise<ObservationPage>;
  state: DataState;
}

const getRowId = (row: ObservationRecord) => row.id;
const rowData = (row: ObservationRecord) => ({ 'data-row-key': observationRowKey(row), 'data-value': row.value });
const isSortKey = (id: string): id is ObservationSortKey => (OBSERVATION_SORT_KEYS as readonly string[]).includes(id);

const LEGEND = (['ABOUT', 'MORE_THAN', 'AT_LEAST', 'NEARLY'] as const).map(
  (q) => `${QUALIFIER_DISPLAY[q].symbol} ${QUALIFIER_DISPLAY[q].label.replace(/ \(.*\)$/, '').toLowerCase()}`,
);

export function ObservationsTable({ dataPromise, state }: ObservationsTableProps) {
  const page = use(dataPromise);
  const { query } = state;
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
      state: { pageIndex: page.page - 1, pageSize: page.size },
      rowCount: page.total,
      onChange: (next: PaginationState) => {
        if (next.pageSize !== page.size) navigate({ size: next.pageSize });
        else navigate({ page: next.pageIndex + 1 });
      },
    }),
    [navigate, page.page, page.size, page.total],
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
    data: page.rows,
    columns: observationsTableColumns,
    sorting,
    onSortingChange,
    getRowId,
    enableMultiSort: true,
    maxSortKeys: MAX_SORT_KEYS,
    pagination,
    columnVisibility,
  });

  const hrefs = {
    csv: observationsExportHref(query, 'csv'),
    xlsx: observationsExportHref(query, 'xlsx'),
    json: observationsExportHref(query, 'json'),
  };
  const beyondLastPage = page.rows.length === 0 && page.total > 0;
  if (page.overBudget) {
    return (
      <div className="space-y-3" data-testid="data-over-budget">
        <div role="status" className="max-w-3xl rounded-md border border-border bg-card p-4 text-sm">
          <p className="font-medium">This view takes too long to compute.</p>
          <p className="mt-1 text-muted-foreground">{OVER_BUDGET_MESSAGE}</p>
          <p className="mt-2">
            <a
              className="underline underline-offset-2"
              href={`/data${serializeData({ ...query, sort: null, page: null })}`}
            >
              This view in the default order
            </a>
          </p>
        </div>
        <DataTableExport hrefs={hrefs} />
      </div>
    );
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground" data-testid="data-summary">
          <span className="font-medium text-foreground">{formatNumber(page.total, 0)}</span>{' '}
          {page.total === 1 ? 'observation' : 'observations'}
          {(query.sort ?? []).length > 1 ? ' · sorted by several columns (numbers next to the arrows)' : null}
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <DataTableViewOptions table={table} />
          <DataTableExport hrefs={hrefs} rowCount={page.total} />
        </div>
      </div>
      <DataTable
        table={table}
        testId="observations-table"
        isPending={isPending}
        rowData={rowData}
        caption="Observations with their reporter, partner, indicator, period, value as published with unit and qualifier, flags and source"
        emptyMessage={
          beyondLastPage
            ? 'This page is past the last one; go back to the first page.'
            : 'No observations match these filters.'
        }
      />
      <DataTablePagination table={table} pageSizes={PAGE_SIZES} rowLabel="observations" isPending={isPending} />
      <p className="text-xs text-muted-foreground">
        Values are shown as each source published them, in the unit named next to them; hover a value for every digit.{' '}
        {LEGEND.join(' · ')} · {ESTIMATE_MARK} estimate. Click a header to sort; shift-click adds it as another sort
        key. Downloads hold every matching row (all pages) in the order shown.
      </p>
    </div>
  );
}
