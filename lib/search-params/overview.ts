// The overview screen's URL state, defined once as nuqs parsers: the page's loader parses with them
// (the year checked against the years with data; overview-parse.ts), the client controls write
// through them with useQueryStates, and `serializeOverview` builds the canonical query string. Bad
// values never reach a query: each falls back to its default and is reported so the page can say
// which it ignored. No words here: client controls import this module.
import { createSerializer, parseAsStringLiteral } from 'nuqs/server';
import { parseAsYear } from './shared';
import { foldLegacySortDirection, parseAsSingleSort, type SortItem } from './sort';

export type { IgnoredSearchParam, RawSearchParams } from './shared';
export type { SortDirection } from './sort';

/** Sortable partner-table columns. These are also the table's column ids. */
export const PARTNER_SORT_KEYS = ['name', 'export', 'import', 'turnover', 'share'] as const;
/** Which partners the table lists: countries (incl. former ones), IMF groups, or both. */
export const PARTNER_VIEWS = ['countries', 'groups', 'all'] as const;
/** The composition chart shows the EU as one block or as its members: never both. */
export const COMPOSITION_EU_VIEWS = ['block', 'members'] as const;
export type PartnerSortKey = (typeof PARTNER_SORT_KEYS)[number];
export type PartnerView = (typeof PARTNER_VIEWS)[number];
export type CompositionEuView = (typeof COMPOSITION_EU_VIEWS)[number];

/** Names read A→Z and amounts largest first: `?sort=name` is A→Z, `?sort=export` largest first. */
const naturalDesc = (key: PartnerSortKey) => key !== 'name';

export const OVERVIEW_DEFAULT_SORT: SortItem<PartnerSortKey> = { id: 'turnover', desc: true };

/** In the order the canonical URL lists them. */
export const overviewParsers = {
  partners: parseAsStringLiteral(PARTNER_VIEWS).withDefault('countries'),
  eu: parseAsStringLiteral(COMPOSITION_EU_VIEWS).withDefault('block'),
  /** Absent means "the latest year with data", which depends on the database, not the URL. */
  year: parseAsYear(),
  sort: parseAsSingleSort(PARTNER_SORT_KEYS, naturalDesc).withDefault(OVERVIEW_DEFAULT_SORT),
};

/** "" or "?…", defaults dropped, so that the canonical URL of the default view is plain `/`. */
export const serializeOverview = createSerializer(overviewParsers);

export interface OverviewSearchParams {
  partners: PartnerView;
  eu: CompositionEuView;
  year?: number;
  sort: SortItem<PartnerSortKey>;
}

export const OVERVIEW_DEFAULTS = {
  partners: 'countries',
  eu: 'block',
  year: undefined,
  sort: OVERVIEW_DEFAULT_SORT,
} as const satisfies OverviewSearchParams;

/**
 * The overview once wrote `sort=share&dir=desc`: the proxy redirects such a URL to this grammar, and
 * the parser reads it the same way wherever it arrives from.
 */
export function foldLegacyOverviewSort(search: URLSearchParams): URLSearchParams | null {
  return foldLegacySortDirection(search, OVERVIEW_DEFAULT_SORT.id);
}
