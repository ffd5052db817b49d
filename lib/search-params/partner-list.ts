// The partner list's URL state (/partners and its export), defined once as nuqs parsers for
// the page's loader, the export route and the client controls. Bad values fall back to their
// defaults and are reported, so a mistyped link shows the default view with a notice instead of
// failing (parsePartnerListSearchParams, in partner-list-parse.ts: its words would put catalogues
// into the client's JavaScript).
import { createSerializer, parseAsStringLiteral } from 'nuqs/server';
import { MEMBERSHIP_GROUP_CODES, type MembershipGroupCode } from '@/lib/membership-groups';
import { parseAsAllowedList, parseAsIntegerIn, parseAsPage, parseAsSearchText, parseAsYear } from './shared';
import { parseAsSort, type SortItem } from './sort';

/** Sortable columns; also the table's column ids. */
export const PARTNER_LIST_SORT_KEYS = [
  'name',
  'turnover',
  'export',
  'import',
  'balance',
  'share',
  'change',
  'cagr',
  'rank',
  'rank_change',
  'agreements',
  'investment',
] as const;
export type PartnerListSortKey = (typeof PARTNER_LIST_SORT_KEYS)[number];
export type PartnerListSort = SortItem<PartnerListSortKey>;

/** Countries (incl. former ones) are ranked; groups overlap each other and are listed apart. */
export const PARTNER_LIST_VIEWS = ['countries', 'groups'] as const;
export type PartnerListView = (typeof PARTNER_LIST_VIEWS)[number];

/** Years over which the compound annual growth is computed, ending in the year shown. */
export const CAGR_WINDOWS = [3, 5, 10, 15, 20] as const;
/**
 * Growth is ranked only for partners this large (turnover, USD million) in both the base and the
 * last year: from a tiny base, any change is a huge rate, and such partners would lead the ranking.
 */
export const GROWTH_MIN_SIZES = [0, 10, 100, 1000] as const;
export const PARTNER_LIST_PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_PARTNER_LIST_SORT_KEYS = 3;
/** Sparklines cover the 15 years up to the year shown. */
export const SPARKLINE_YEARS = 15;

export interface PartnerListParams {
  /** Absent: the latest year with data, which depends on the database, not the URL. */
  year?: number;
  window: number;
  /** Minimum turnover in both years for a growth rate, USD million. */
  min: number;
  view: PartnerListView;
  group?: MembershipGroupCode[];
  q?: string;
  sort: PartnerListSort[];
  page: number;
  size: number;
}

export const PARTNER_LIST_DEFAULTS = {
  window: 5,
  min: 100,
  view: 'countries',
  sort: [{ id: 'turnover', desc: true }],
  page: 1,
  size: 25,
} as const satisfies Omit<PartnerListParams, 'year' | 'group' | 'q'>;

/** Without a direction a key sorts its natural way: names A→Z, ranks 1→n, amounts largest first. */
export function defaultDescending(key: PartnerListSortKey): boolean {
  return key !== 'name' && key !== 'rank';
}

/** In the order the canonical URL lists them. */
export const partnerListParsers = {
  q: parseAsSearchText,
  group: parseAsAllowedList(MEMBERSHIP_GROUP_CODES),
  view: parseAsStringLiteral(PARTNER_LIST_VIEWS).withDefault(PARTNER_LIST_DEFAULTS.view),
  year: parseAsYear(),
  window: parseAsIntegerIn(CAGR_WINDOWS).withDefault(PARTNER_LIST_DEFAULTS.window),
  min: parseAsIntegerIn(GROWTH_MIN_SIZES).withDefault(PARTNER_LIST_DEFAULTS.min),
  sort: parseAsSort(PARTNER_LIST_SORT_KEYS, {
    max: MAX_PARTNER_LIST_SORT_KEYS,
    naturalDesc: defaultDescending,
  }).withDefault([...PARTNER_LIST_DEFAULTS.sort]),
  page: parseAsPage(6).withDefault(PARTNER_LIST_DEFAULTS.page),
  size: parseAsIntegerIn(PARTNER_LIST_PAGE_SIZES).withDefault(PARTNER_LIST_DEFAULTS.size),
};

/** "" or "?…", defaults dropped, in a fixed key order. Exports pass `page: null, size: null`. */
export const serializePartnerList = createSerializer(partnerListParsers);

/** The export of the view as shown: every page, the year made explicit so a later file says the same. */
export function partnerListExportHref(params: PartnerListParams, year: number | undefined, format: string): string {
  const query = serializePartnerList({ ...params, year, page: null, size: null });
  return `/api/export/partners${query}${query ? '&' : '?'}format=${format}`;
}
