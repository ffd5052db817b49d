'use client';

import { functionalUpdate, useTable } from '@tanstack/react-table';
import { useSyncExternalStore } from 'react';
import type {
  ColumnDef,
  ColumnVisibilityState,
  PaginationState,
  RowData,
  SortingState,
  Updater,
} from '@tanstack/react-table';
import { narrowColumnOrder } from './column-order';
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
  /**
   * The sorted columns follow the row header on every screen width, not only on phones: for a
   * table whose rows the server draws in that order (sortedColumnsFirst, DataTableBody).
   */
  sortedColumnsFirst?: boolean;
  /** Columns hidden by the reader (`false`); absent ids are visible. */
  columnVisibility?: {
    state: ColumnVisibilityState;
    onChange: (visibility: ColumnVisibilityState) => void;
  };
}

const noop = () => {};

/** Phones: below this width a table scrolls sideways, so what a reader sorted by must come first. */
const NARROW = '(max-width: 40rem)';
const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
/** False on the server and in the first render, so hydration matches; true after it on a phone. */
function useNarrowScreen(): boolean {
  return useSyncExternalStore(
    subscribeNarrow,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}

/**
 * A table whose sorting, page and visible columns are owned by the URL and applied by the server.
 * Every slice is controlled from props, so the headers and pager always show what the rows
 * actually are; a change only requests new URL state.
 */
export function useDataTable<TData extends RowData>(options: UseDataTableOptions<TData>) {
  const { sorting, onSortingChange, pagination, columnVisibility } = options;
  const paginationState = pagination?.state ?? { pageIndex: 0, pageSize: Math.max(1, options.data.length) };
  const visibilityState = columnVisibility?.state ?? {};
  const narrow = useNarrowScreen();
  const columnOrder = narrow || options.sortedColumnsFirst ? narrowColumnOrder(options.columns, sorting) : [];
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
    state: { sorting, pagination: paginationState, columnVisibility: visibilityState, columnOrder },
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
