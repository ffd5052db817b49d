'use client';

import { functionalUpdate, useTable } from '@tanstack/react-table';
import type { ColumnDef, RowData, SortingState, Updater } from '@tanstack/react-table';
import { dataTableFeatures, type DataTableFeatures } from './data-table-features';

interface UseDataTableOptions<TData extends RowData> {
  /** Rows as the server returned them: already sorted (and, later, filtered and paginated). */
  data: readonly TData[];
  /** Must be stable (module scope or memoized): a new array rebuilds the column model. */
  columns: ReadonlyArray<ColumnDef<DataTableFeatures, TData>>;
  /** The sort the server applied, read from the URL. */
  sorting: SortingState;
  /** Called with the requested sort; the caller writes it to the URL, and new data follows. */
  onSortingChange: (sorting: SortingState) => void;
  getRowId: (row: TData) => string;
}

/**
 * A table whose sorting is owned by the URL and applied by the server. The sort state is
 * controlled from props, so the headers always show what the rows are actually sorted by.
 */
export function useDataTable<TData extends RowData>(options: UseDataTableOptions<TData>) {
  const { sorting, onSortingChange } = options;
  return useTable({
    features: dataTableFeatures,
    columns: options.columns,
    data: options.data,
    getRowId: options.getRowId,
    manualSorting: true,
    // One sort key, and a column is always sorted one way or the other, as the URL expresses.
    enableMultiSort: false,
    enableSortingRemoval: false,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => onSortingChange(functionalUpdate(updater, sorting)),
  });
}
