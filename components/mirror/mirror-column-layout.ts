// The disagreement table's columns in display order, with the layout that both the header
// (mirror-table-columns.tsx) and the server-drawn cells (mirror-cells.tsx) follow.
import type { DataTableColumnMeta } from '@/components/data-table/data-table-features';
import type { MirrorGapRow } from '@/lib/queries/mirror';
import type { MirrorSortKey } from '@/lib/search-params/mirror';

// Every column sorts, so its id is a sort key.
export type MirrorColumnId = MirrorSortKey;

export const MIRROR_COLUMNS: readonly { id: MirrorColumnId; meta: DataTableColumnMeta }[] = [
  { id: 'partner', meta: { isRowHeader: true, className: 'min-w-40' } },
  { id: 'year', meta: { align: 'end' } },
  { id: 'kaz', meta: { align: 'end' } },
  { id: 'partner_value', meta: { align: 'end' } },
  { id: 'abs_gap', meta: { align: 'end' } },
  { id: 'ratio', meta: { className: 'min-w-56' } },
];

/** A row's key, one partner and year: the server's rows and the client table's row ids. */
export const mirrorRowKey = (row: MirrorGapRow) => `${row.partnerCode}|${row.year}`;
