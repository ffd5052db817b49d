import type { SortingState } from '@tanstack/react-table';

const columnId = (column: { id?: string; accessorKey?: unknown }) =>
  column.id ?? (typeof column.accessorKey === 'string' ? column.accessorKey : undefined);

/**
 * On a narrow screen: the row header (the key) first, then the sorted columns, then the rest, so
 * the column a ranking is about is never scrolled out of view. Elsewhere the defined order.
 */
export function narrowColumnOrder(
  columns: ReadonlyArray<{ id?: string; accessorKey?: unknown; meta?: { isRowHeader?: boolean } }>,
  sorting: SortingState,
): string[] {
  const keys = columns.filter((c) => c.meta?.isRowHeader).map(columnId);
  return [...new Set([...keys, ...sorting.map((s) => s.id)].filter((id): id is string => id !== undefined))];
}

/**
 * Every column, in `narrowColumnOrder`'s order and then the rest as defined. A table whose rows
 * the server draws (DataTableBody) orders its cells with it on every screen width, because the
 * server cannot know the width; its header (useDataTable with `sortedColumnsFirst`) matches it.
 */
export function sortedColumnsFirst<T extends { id?: string; accessorKey?: unknown; meta?: { isRowHeader?: boolean } }>(
  columns: readonly T[],
  sorting: SortingState,
): T[] {
  const lead = narrowColumnOrder(columns, sorting);
  const rank = (column: T) => {
    const index = lead.indexOf(columnId(column) ?? '');
    return index === -1 ? lead.length : index;
  };
  // Array.prototype.sort is stable: the columns outside the lead keep their defined order.
  return [...columns].sort((a, b) => rank(a) - rank(b));
}
