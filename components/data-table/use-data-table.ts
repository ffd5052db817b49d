'use client';

import { functionalUpdate, useTable } from '@tanstack/react-table';
import type {
  ColumnDef,
  ColumnVisibilityState,
  PaginationState,
  RowData,
  SortingState,
  Updater,
} from '@tanstack/react-table';
import { dataTableFeatures, type DataTableFeatures } from './data-table-features';

interface UseDataTableOptions<TData extends RowData> {
  /** Rows as the server returned them: already filtered, sorted and paginated. */
  data: readonly TData[];
  /** Must be stable (module scope or memoized): a new array rebuilds the column model. */
  columns: ReadonlyArray<ColumnDef<DataTableFeatures, TData>>;
  /** The sort the server applied, read from the URL. */
  sorting: SortingState;
  /** Called with the requested sort; the caller writes it to the URL, and new data follows. */
  onSortingChange: (sorting: SortingState) => void;
  getRowId: (row: TData) => string;
  /** Shift-click on a header adds it as the next sort key (up to `maxSortKeys`). */
  enableMultiSort?: boolean;
  maxSortKeys?: number;
  /** Server-side pages: the page shown (0-based), its size, and the total row count. */
  pagination?: {
    state: PaginationState;
    rowCount: number;
    onChange: (pagination: PaginationState) => void;
  };
  /** Columns hidden by the reader (`false`); absent ids are visible. */
  columnVisibility?: {
    state: ColumnVisibilityState;
    onChange: (visibility: ColumnVisibilityState) => void;
  };
}

const noop = () => {};

/**
 * A table whose sorting, page and visible columns are owned by the URL and applied by the server.
 * Every slice is controlled from props, so the headers and pager always show what the rows
 * actually are; a change only requests new URL state.
 */
export function useDataTable<TData extends RowData>(options: UseDataTableOptions<TData>) {
  const { sorting, onSortingChange, pagination, columnVisibility } = options;
  const paginationState = pagination?.state ?? { pageIndex: 0, pageSize: Math.max(1, options.data.length) };
  const visibilityState = columnVisibility?.state ?? {};
  return useTable({
    features: dataTableFeatures,
    columns: options.columns,
    data: options.data,
    getRowId: options.getRowId,
    manualSorting: true,
    manualPagination: true,
    rowCount: pagination?.rowCount ?? options.data.length,
    enableMultiSort: options.enableMultiSort ?? false,
    maxMultiSortColCount: options.maxSortKeys,
    // A column is always sorted one way or the other; shift-click can still drop a secondary key.
    enableSortingRemoval: false,
    enableMultiRemove: true,
    state: { sorting, pagination: paginationState, columnVisibility: visibilityState },
    onSortingChange: (updater: Updater<SortingState>) => onSortingChange(functionalUpdate(updater, sorting)),
    onPaginationChange: pagination
      ? (updater: Updater<PaginationState>) => pagination.onChange(functionalUpdate(updater, paginationState))
      : noop,
    onColumnVisibilityChange: columnVisibility
      ? (updater: Updater<ColumnVisibilityState>) =>
          columnVisibility.onChange(functionalUpdate(updater, visibilityState))
      : noop,
  });
}
