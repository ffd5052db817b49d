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
