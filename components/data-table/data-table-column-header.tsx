'use client';

import { useTranslations } from 'next-intl';
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

/**
 * A header cell's content: a sort button when the column sorts, plain text otherwise. A click
 * sorts by this column alone; with multi-sort on, shift-click (or shift-Enter) adds it as the next
 * key, and the key's position is shown next to the arrow.
 */
export function DataTableColumnHeader<TData extends RowData, TValue>({
  column,
  title,
  unit,
}: DataTableColumnHeaderProps<TData, TValue>) {
  const t = useTranslations('DataTable');
  const label = (
    <span className="flex flex-col leading-tight">
      <span>{title}</span>
      {unit ? <span className="text-xs font-normal text-muted-foreground">{unit}</span> : null}
    </span>
  );
  if (!column.getCanSort()) return label;

  const sorted = column.getIsSorted();
  const next = sorted
    ? sorted === 'asc'
      ? 'descending'
      : 'ascending'
    : column.getFirstSortDir() === 'asc'
      ? 'ascending'
      : 'descending';
  const alignEnd = column.columnDef.meta?.align === 'end';
  const multi = column.getCanMultiSort() && column.table.options.enableMultiSort === true;
  const sortCount = multi ? column.table.atoms.sorting.get().length : 0;
  const position = sorted && sortCount > 1 ? column.getSortIndex() + 1 : null;
  return (
    <button
      type="button"
      onClick={column.getToggleSortingHandler()}
      title={multi ? t('multiSort') : undefined}
      className={`-mx-1 inline-flex items-center gap-1 rounded px-1 py-0.5 font-semibold hover:bg-muted focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent ${alignEnd ? 'flex-row-reverse text-right' : 'text-left'}`}
    >
      {label}
      <span className="inline-flex items-center">
        <SortIcon direction={sorted} />
        {position !== null ? (
          <span aria-hidden="true" className="text-[0.65rem] font-normal text-muted-foreground tabular-nums">
            {position}
          </span>
        ) : null}
      </span>
      <span className="sr-only">
        {position !== null ? t('sortKey', { position }) : null}
        {t('sortNext', { direction: next })}
        {multi ? t('shiftAdd') : null}
      </span>
    </button>
  );
}
