// The partner list's columns: ids (the URL's sort keys, lib/search-params/partner-list.ts) in
// their defined order, with the layout that both the header (partner-list-table-columns.tsx) and
// the server-drawn cells (partner-list-cells.tsx) follow.
import type { DataTableColumnMeta } from '@/components/data-table/data-table-features';

export type PartnerListColumnId =
  | 'rank'
  | 'rank_change'
  | 'name'
  | 'groups'
  | 'turnover'
  | 'share'
  | 'change'
  | 'cagr'
  | 'trend'
  | 'export'
  | 'import'
  | 'balance'
  | 'agreements'
  | 'investment';

/**
 * The columns in their defined order, with what both the header and the cells need to know.
 * The measures of the question asked most (size, share, change, growth, trend) come first, so
 * they fit on a laptop screen.
 */
export const PARTNER_LIST_COLUMNS: readonly { id: PartnerListColumnId; meta: DataTableColumnMeta }[] = [
  { id: 'rank', meta: { align: 'end' } },
  { id: 'rank_change', meta: { align: 'end' } },
  { id: 'name', meta: { isRowHeader: true, className: 'min-w-44 max-w-64' } },
  { id: 'groups', meta: {} },
  { id: 'turnover', meta: { align: 'end' } },
  { id: 'share', meta: { align: 'end' } },
  { id: 'change', meta: { align: 'end' } },
  { id: 'cagr', meta: { align: 'end' } },
  { id: 'trend', meta: {} },
  { id: 'export', meta: { align: 'end' } },
  { id: 'import', meta: { align: 'end' } },
  { id: 'balance', meta: { align: 'end' } },
  { id: 'agreements', meta: { align: 'end' } },
  { id: 'investment', meta: { align: 'end' } },
];
