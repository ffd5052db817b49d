// The feature set every table in the app is built with. Sorting and pagination are registered for
// their state and header/navigation APIs only: the server sorts and pages (manualSorting,
// manualPagination), so no client row models are included. Column visibility is a view choice
// that lives in the URL like everything else. Column order only changes on narrow screens, where
// the sorted column moves next to the row header (use-data-table.ts), or on every width for a
// table whose rows the server draws (data-table-body.tsx).
import {
  columnOrderingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  metaHelper,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { ColumnDef, RowData } from '@tanstack/react-table';

export interface DataTableColumnMeta {
  /** Numbers align right (`end`) so that digits line up. */
  align?: 'start' | 'end';
  /** Render this column's cells as row headers (`<th scope="row">`), e.g. the partner name. */
  isRowHeader?: boolean;
  /** Extra classes for the column's header and cells (widths, wrapping). */
  className?: string;
  /** The column's name in the view options menu, when the header is not plain text. */
  label?: string;
}

export const dataTableFeatures = tableFeatures({
  columnOrderingFeature,
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<DataTableColumnMeta>(),
});

export type DataTableFeatures = typeof dataTableFeatures;

export type DataTableColumnDef<TData extends RowData> = ColumnDef<DataTableFeatures, TData>;

export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
