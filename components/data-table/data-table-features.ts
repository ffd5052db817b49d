// The feature set every table in the app is built with. Sorting is registered for its state and
// header APIs only: the server sorts (manualSorting), so no client sorted row model is included.
import { createColumnHelper, metaHelper, rowSortingFeature, tableFeatures } from '@tanstack/react-table';
import type { ColumnDef, RowData } from '@tanstack/react-table';

export interface DataTableColumnMeta {
  /** Numbers align right (`end`) so that digits line up. */
  align?: 'start' | 'end';
  /** Render this column's cells as row headers (`<th scope="row">`), e.g. the partner name. */
  isRowHeader?: boolean;
  /** Extra classes for the column's header and cells (widths, wrapping). */
  className?: string;
}

export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;

export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
