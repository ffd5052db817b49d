'use client';

import type { Column, RowData } from '@tanstack/react-table';
import type { DataTableFeatures } from './data-table-features';

interface DataTableColumnHeaderProps<TData extends RowData, TValue> {
  column: Column<DataTableFeatures, TData, TValue>;
  title: string;
  /** Unit shown under the title, e.g. "USD million". */
  unit?: string;
}

function SortIcon({ direction }: { direction: false | 'asc' | 'desc' }) {
  // Decorative: the state is announced by aria-sort on the header cell.
  return (
    <svg aria-hidden="true" viewBox="0 0 12 16" className="h-4 w-3 shrink-0" fill="currentColor">
      <path d="M6 1 10 6H2z" opacity={direction === 'asc' ? 1 : 0.3} />
      <path d="M6 15 2 10h8z" opacity={direction === 'desc' ? 1 : 0.3} />
    </svg>
  );
}

/** A header cell's content: a sort button when the column sorts, plain text otherwise. */
export function DataTableColumnHeader<TData extends RowData, TValue>({ column, title, unit }: DataTableColumnHeaderProps<TData, TValue>) {
  const label = (
    <span className="flex flex-col leading-tight">
      <span>{title}</span>
      {unit ? <span className="text-xs font-normal text-muted-foreground">{unit}</span> : null}
    </span>
  );
  if (!column.getCanSort()) return label;

  const sorted = column.getIsSorted();
  const next = sorted ? (sorted === 'asc' ? 'descending' : 'ascending') : column.getFirstSortDir() === 'asc' ? 'ascending' : 'descending';
  const alignEnd = column.columnDef.meta?.align === 'end';
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      className={`-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 font-semibold hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${alignEnd ? 'flex-row-reverse text-right' : 'text-left'}`}
    >
      {label}
      <SortIcon direction={sorted} />
      <span className="sr-only">, sort {next}</span>
    </button>
  );
}
