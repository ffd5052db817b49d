// The overview's partner table: column ids (the URL's sort keys, lib/search-params/overview.ts) in
// their order, with the layout that both the header (partners-table-columns.tsx) and the
// server-drawn cells (partners-table-cells.tsx) follow.
import type { DataTableColumnMeta } from '@/components/data-table/data-table-features';
import type { OverviewSearchParams } from '@/lib/search-params/overview';

export type PartnersTableColumnId = 'name' | 'kind' | 'export' | 'import' | 'turnover' | 'share';

export const PARTNERS_TABLE_COLUMNS: readonly { id: PartnersTableColumnId; meta: DataTableColumnMeta }[] = [
  { id: 'name', meta: { isRowHeader: true, className: 'min-w-40 max-w-72' } },
  { id: 'kind', meta: {} },
  { id: 'export', meta: { align: 'end' } },
  { id: 'import', meta: { align: 'end' } },
  { id: 'turnover', meta: { align: 'end' } },
  { id: 'share', meta: { align: 'end' } },
];

/** The kind column only says something when countries and groups are listed together. */
export const showsKind = (params: OverviewSearchParams): boolean => params.partners === 'all';
