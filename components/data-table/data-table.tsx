'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { Column, RowData } from '@tanstack/react-table';
import type { ReactTable } from '@tanstack/react-table';
import { alignClass, cellClass, EmptyRow, ROW_CLASS } from './data-table-body';
import type { DataTableFeatures } from './data-table-features';

interface DataTableProps<TData extends RowData> {
  table: ReactTable<DataTableFeatures, TData>;
  /** Visible caption: what the rows are, with unit, period and source. */
  caption?: ReactNode;
  emptyMessage?: string;
  /** True while a new sort or filter is loading: the rows shown are about to be replaced. */
  isPending?: boolean;
  testId?: string;
  /** `data-*` attributes per row, e.g. a stable key that tests compare with exported files. */
  rowData?: (row: TData) => Record<`data-${string}`, string>;
  /**
   * Rows the server drew (DataTableBody), in the header's column order: the table then draws only
   * its header, and the browser runs no cell code.
   */
  body?: ReactNode;
}

function ariaSort<TData extends RowData, TValue>(column: Column<DataTableFeatures, TData, TValue>) {
  if (!column.getCanSort()) return undefined;
  const sorted = column.getIsSorted();
  return sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none';
}

/**
 * Renders any table built with `useDataTable`, at full height so that no row hides in an inner
 * scroll box (from print, screenshots or find-in-page). Narrow screens scroll it sideways with the
 * row header held; from lg up it does not scroll by itself, so the header sticks to the window.
 * The page's ViewPendingRegion dims it while a new view loads.
 */
export function DataTable<TData extends RowData>({
  table,
  caption,
  emptyMessage,
  isPending = false,
  testId,
  rowData,
  body,
}: DataTableProps<TData>) {
  const t = useTranslations('DataTable');
  const rows = table.getRowModel().rows;
  const columnCount = Math.max(1, table.getVisibleLeafColumns().length);

  return (
    // `relative` makes the scroller the containing block of the cells' sr-only text, which is absolutely
    // positioned: otherwise text in rows scrolled out of view would stretch the whole page.
    <div
      data-testid={testId}
      aria-busy={isPending}
      className="relative overflow-x-auto rounded-lg border border-border bg-card lg:overflow-visible"
    >
      <table className="w-full border-collapse text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="sticky top-0 z-10 bg-card">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta;
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={ariaSort(header.column)}
                    className={`bg-card px-3 py-2 align-bottom font-semibold whitespace-nowrap shadow-[inset_0_-1px_0_var(--color-border)] ${meta?.isRowHeader ? 'sticky left-0 z-10' : ''} ${alignClass(meta?.align)} ${meta?.className ?? ''}`}
                  >
                    {header.isPlaceholder ? null : <table.FlexRender header={header} />}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {body ??
            (rows.length === 0 ? (
              <EmptyRow columnCount={columnCount} message={emptyMessage ?? t('noResults')} />
            ) : (
              rows.map((row) => (
                <tr key={row.id} className={ROW_CLASS} {...rowData?.(row.original)}>
                  {row.getVisibleCells().map((cell) => {
                    const meta = cell.column.columnDef.meta;
                    return meta?.isRowHeader ? (
                      <th key={cell.id} scope="row" data-column={cell.column.id} className={cellClass(meta, true)}>
                        <table.FlexRender cell={cell} />
                      </th>
                    ) : (
                      <td key={cell.id} data-column={cell.column.id} className={cellClass(meta, false)}>
                        <table.FlexRender cell={cell} />
                      </td>
                    );
                  })}
                </tr>
              ))
            ))}
        </tbody>
      </table>
    </div>
  );
}
