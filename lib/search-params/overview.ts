// The overview screen's URL state, defined once: the page parses it on the server, and the client
// controls (sort headers, year and partner pickers) build their links with the same serializer.
// Bad values never reach a query: each falls back to its default and is reported back so the page
// can say which parameter it ignored.
import { z } from 'zod';
import { createParamReader, type IgnoredSearchParam, type RawSearchParams } from './shared';

export type { IgnoredSearchParam, RawSearchParams } from './shared';

/** Sortable partner-table columns. These are also the table's column ids. */
export const PARTNER_SORT_KEYS = ['name', 'export', 'import', 'turnover', 'share'] as const;
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
/** Which partners the table lists: countries (incl. former ones), IMF groups, or both. */
export const PARTNER_VIEWS = ['countries', 'groups', 'all'] as const;
/** The composition chart shows the EU as one block or as its members: never both. */
export const COMPOSITION_EU_VIEWS = ['block', 'members'] as const;
/** Every parameter the overview reads; the proxy drops any other from a page's address. */
export const OVERVIEW_PARAM_NAMES = ['year', 'sort', 'dir', 'partners', 'eu'] as const;

export const partnerSortKeySchema = z.enum(PARTNER_SORT_KEYS);
export const sortDirectionSchema = z.enum(SORT_DIRECTIONS);
export const partnerViewSchema = z.enum(PARTNER_VIEWS);
export const compositionEuViewSchema = z.enum(COMPOSITION_EU_VIEWS);

export type PartnerSortKey = z.infer<typeof partnerSortKeySchema>;
export type SortDirection = z.infer<typeof sortDirectionSchema>;
export type PartnerView = z.infer<typeof partnerViewSchema>;
export type CompositionEuView = z.infer<typeof compositionEuViewSchema>;

export const overviewSearchParamsSchema = z.object({
  sort: partnerSortKeySchema,
  dir: sortDirectionSchema,
  partners: partnerViewSchema,
  eu: compositionEuViewSchema,
  /** Absent means "the latest year with data", which depends on the database, not the URL. */
  year: z.number().int().optional(),
});

export type OverviewSearchParams = z.infer<typeof overviewSearchParamsSchema>;

export const OVERVIEW_DEFAULTS = {
  sort: 'turnover',
  dir: 'desc',
  partners: 'countries',
  eu: 'block',
  year: undefined,
} as const satisfies OverviewSearchParams;

/**
 * Names read A→Z and amounts largest first, so each column's natural direction is its default
 * and stays out of the URL: `?sort=name` is A→Z, `?sort=export` is largest first.
 */
export function defaultSortDirection(sort: PartnerSortKey): SortDirection {
  return sort === 'name' ? 'asc' : 'desc';
}

export interface ParsedOverviewSearchParams {
  params: OverviewSearchParams;
  ignored: IgnoredSearchParam[];
}

interface ParseOptions {
  /** Years that have data; a year outside this list is ignored. Omit to accept any 4-digit year. */
  availableYears?: readonly number[];
}

function yearSchema(availableYears: readonly number[] | undefined) {
  const base = z
    .string()
    .regex(/^\d{4}$/)
    .transform(Number);
  return availableYears ? base.refine((year) => availableYears.includes(year)) : base;
}

function describeYears(availableYears: readonly number[] | undefined): string {
  if (!availableYears) return 'a four-digit year';
  if (availableYears.length === 0) return 'a year with data (there is none yet)';
  return `a year with data, ${Math.min(...availableYears)}–${Math.max(...availableYears)}`;
}

/**
 * Parses the overview's search params. Unknown keys are left alone (they may belong to other
 * tools, e.g. analytics tags); known keys with bad values are dropped and listed in `ignored`.
 */
export function parseOverviewSearchParams(
  raw: RawSearchParams,
  options: ParseOptions = {},
): ParsedOverviewSearchParams {
  const ignored: IgnoredSearchParam[] = [];

  const read = createParamReader(raw, ignored);

  const sort = read('sort', partnerSortKeySchema, `one of ${PARTNER_SORT_KEYS.join(', ')}`) ?? OVERVIEW_DEFAULTS.sort;
  const params: OverviewSearchParams = {
    sort,
    dir: read('dir', sortDirectionSchema, `one of ${SORT_DIRECTIONS.join(', ')}`) ?? defaultSortDirection(sort),
    partners: read('partners', partnerViewSchema, `one of ${PARTNER_VIEWS.join(', ')}`) ?? OVERVIEW_DEFAULTS.partners,
    eu: read('eu', compositionEuViewSchema, `one of ${COMPOSITION_EU_VIEWS.join(', ')}`) ?? OVERVIEW_DEFAULTS.eu,
    year: read('year', yearSchema(options.availableYears), describeYears(options.availableYears)),
  };
  return { params, ignored };
}

/**
 * The query string for a state, defaults dropped so that the canonical URL of the default view is
 * plain `/`. Returns "" or a string starting with "?".
 */
export function serializeOverviewSearchParams(params: OverviewSearchParams): string {
  const query = new URLSearchParams();
  if (params.partners !== OVERVIEW_DEFAULTS.partners) query.set('partners', params.partners);
  if (params.eu !== OVERVIEW_DEFAULTS.eu) query.set('eu', params.eu);
  if (params.year !== undefined) query.set('year', String(params.year));
  if (params.sort !== OVERVIEW_DEFAULTS.sort) query.set('sort', params.sort);
  if (params.dir !== defaultSortDirection(params.sort)) query.set('dir', params.dir);
  const text = query.toString();
  return text ? `?${text}` : '';
}
