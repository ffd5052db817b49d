// The overview's partner table is a summary: the partner list's first page, in the order asked for,
// with a link to the rest there (paging, search, downloads). All of 235 partners on the landing
// page made it the heaviest document of the site (about 200 KB of its HTML). Pure.
import type { PartnerTable } from '@/lib/queries/overview';
import type { OverviewSearchParams } from '@/lib/search-params/overview';
import { PARTNER_LIST_DEFAULTS, serializePartnerList } from '@/lib/search-params/partner-list';

/** Rows the overview shows: as many as the partner list's first page, so the link continues it. */
export const OVERVIEW_TABLE_ROWS = PARTNER_LIST_DEFAULTS.size;

/**
 * The table with only its first `limit` rows. `total` still counts every partner, and the sources
 * are those of the rows kept and of the world total, the denominator of their shares.
 */
export function firstRows(table: PartnerTable, limit: number): PartnerTable {
  if (table.rows.length <= limit) return table;
  const rows = table.rows.slice(0, limit);
  const sourceIds = new Set(rows.flatMap((row) => row.sourceIds));
  if (table.worldSourceId) sourceIds.add(table.worldSourceId);
  return { ...table, rows, sourceIds: [...sourceIds].sort() };
}

export interface FullPartnerList {
  /** The partner list's address with the same year, order and kind of partner (path only, English). */
  href: string;
  shown: number;
  total: number;
}

/**
 * Where the rest of a shortened table is: the partner list, same year and order. The list has no
 * view of countries and groups together, so "all" opens on its default (countries). Null when
 * the table shows every row.
 */
export function fullPartnerList(table: PartnerTable, params: OverviewSearchParams): FullPartnerList | null {
  if (table.rows.length >= table.total) return null;
  const query = serializePartnerList({
    view: params.partners === 'groups' ? 'groups' : null,
    year: table.year,
    sort: [params.sort],
  });
  return { href: `/partners${query}`, shown: table.rows.length, total: table.total };
}
