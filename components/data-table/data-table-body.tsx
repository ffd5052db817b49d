// The rows of a data table, drawn by the server: no hooks and no TanStack Table, so the browser
// gets finished markup and hydrates no cell code (issue 18.2). DataTable (the client table) draws
// its own rows with the same classes when it is given no body.
import type { SortingState } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { sortedColumnsFirst } from './column-order';
import type { DataTableColumnMeta } from './data-table-features';

export function alignClass(align: 'start' | 'end' | undefined) {
  return align === 'end' ? 'text-right tabular-nums' : 'text-left';
}

export const ROW_CLASS = 'group border-t border-border hover:bg-muted';

/** A body cell's classes; a row header is also sticky, so the key stays in view while numbers scroll sideways on phones. */
export function cellClass(meta: DataTableColumnMeta | undefined, rowHeader: boolean) {
  const className = `px-3 py-1.5 ${alignClass(meta?.align)} ${meta?.className ?? ''}`;
  return rowHeader ? `sticky left-0 bg-card font-normal group-hover:bg-muted ${className}` : className;
}

/** The empty table's one row; sticky so the message stays in view when the columns are wider than a phone. */
export function EmptyRow({ columnCount, message }: { columnCount: number; message: ReactNode }) {
  return (
    <tr>
      <td colSpan={Math.max(1, columnCount)} className="px-3 py-10 text-muted-foreground">
        <span className="sticky left-3">{message}</span>
      </td>
    </tr>
  );
}

export interface DataTableBodyColumn<TRow> {
  id: string;
  meta?: DataTableColumnMeta;
  cell: (row: TRow) => ReactNode;
}

/**
 * The body's columns for a table whose header sorts with `sortedColumnsFirst`: the layout in that
 * order (the row header, the sorted columns, the rest), each with its cell drawn by the server.
 */
export function bodyColumns<TRow, TId extends string>(
  layout: readonly { id: TId; meta: DataTableColumnMeta }[],
  sorting: SortingState,
  cells: Record<TId, (row: TRow) => ReactNode>,
): DataTableBodyColumn<TRow>[] {
  return sortedColumnsFirst(layout, sorting).map((c) => ({ id: c.id, meta: c.meta, cell: cells[c.id] }));
}

interface DataTableBodyProps<TRow> {
  /** In the order the header shows them. */
  columns: readonly DataTableBodyColumn<TRow>[];
  rows: readonly TRow[];
  rowKey: (row: TRow) => string;
  /** `data-*` attributes per row, e.g. a stable key that tests compare with exported files. */
  rowData?: (row: TRow) => Record<`data-${string}`, string>;
  emptyMessage: ReactNode;
}

export function DataTableBody<TRow>({ columns, rows, rowKey, rowData, emptyMessage }: DataTableBodyProps<TRow>) {
  if (rows.length === 0) return <EmptyRow columnCount={columns.length} message={emptyMessage} />;
  return rows.map((row) => (
    <tr key={rowKey(row)} className={ROW_CLASS} {...rowData?.(row)}>
      {columns.map((column) =>
        column.meta?.isRowHeader ? (
          <th key={column.id} scope="row" data-column={column.id} className={cellClass(column.meta, true)}>
            {column.cell(row)}
          </th>
        ) : (
          <td key={column.id} data-column={column.id} className={cellClass(column.meta, false)}>
            {column.cell(row)}
          </td>
        ),
      )}
    </tr>
  ));
}
