// The partner scorecard's URL state (/partners and its export), defined once for the server page,
// the export route and the client controls. Bad values fall back to their defaults and are
// reported, so a mistyped link shows the default view with a notice instead of failing.
import { z } from 'zod';
import { MEMBERSHIP_GROUP_CODES, type MembershipGroupCode } from '@/lib/membership-groups';
import type { IgnoredSearchParam, RawSearchParams } from '@/lib/validations/observations';
import { createParamReader } from './shared';

/** Sortable columns; also the table's column ids. */
export const SCORECARD_SORT_KEYS = [
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
export type ScorecardSortKey = (typeof SCORECARD_SORT_KEYS)[number];

export interface ScorecardSort {
  id: ScorecardSortKey;
  desc: boolean;
}

/** Countries (incl. former ones) are ranked; groups overlap each other and are listed apart. */
export const SCORECARD_VIEWS = ['countries', 'groups'] as const;
export type ScorecardView = (typeof SCORECARD_VIEWS)[number];

/** Years over which the compound annual growth is computed, ending in the year shown. */
export const CAGR_WINDOWS = [3, 5, 10, 15, 20] as const;
export const SCORECARD_PAGE_SIZES = [10, 25, 50, 100] as const;
export const MAX_SCORECARD_SORT_KEYS = 3;
/** Every parameter the scorecard reads; the proxy drops any other from a page's address. */
export const SCORECARD_PARAM_NAMES = ['year', 'window', 'view', 'group', 'q', 'sort', 'page', 'size'] as const;
/** Sparklines cover the 15 years up to the year shown. */
export const SPARKLINE_YEARS = 15;

export interface ScorecardParams {
  /** Absent: the latest year with data, which depends on the database, not the URL. */
  year?: number;
  window: number;
  view: ScorecardView;
  group?: MembershipGroupCode[];
  q?: string;
  sort: ScorecardSort[];
  page: number;
  size: number;
}

export const SCORECARD_DEFAULTS = {
  window: 5,
  view: 'countries',
  sort: [{ id: 'turnover', desc: true }],
  page: 1,
  size: 25,
} as const satisfies Omit<ScorecardParams, 'year' | 'group' | 'q'>;

const SORT_ITEM = new RegExp(`^(${SCORECARD_SORT_KEYS.join('|')})(?::(asc|desc))?$`);

const sortSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().regex(SORT_ITEM)).min(1).max(MAX_SCORECARD_SORT_KEYS))
  .transform((items) =>
    items.map((item): ScorecardSort => {
      const [id, dir] = item.split(':');
      // Without a direction a key sorts its natural way: names A→Z, ranks 1→n, amounts largest first.
      const key = id as ScorecardSortKey;
      return { id: key, desc: dir === undefined ? defaultDescending(key) : dir === 'desc' };
    }),
  )
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length);

export function defaultDescending(key: ScorecardSortKey): boolean {
  return key !== 'name' && key !== 'rank';
}

const groupSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(MEMBERSHIP_GROUP_CODES)).min(1).max(MEMBERSHIP_GROUP_CODES.length))
  .transform((items) => MEMBERSHIP_GROUP_CODES.filter((g) => items.includes(g)));

const intIn = (values: readonly number[]) =>
  z
    .string()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .refine((n) => values.includes(n));

const pageSchema = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number)
  .refine((n) => n >= 1);

interface ParseOptions {
  /** Years that have data, ascending; a year outside this list is ignored. */
  availableYears: readonly number[];
}

export function parseScorecardSearchParams(
  raw: RawSearchParams,
  { availableYears }: ParseOptions,
): { params: ScorecardParams; ignored: IgnoredSearchParam[] } {
  const ignored: IgnoredSearchParam[] = [];
  const read = createParamReader(raw, ignored);
  const yearExpected =
    availableYears.length === 0
      ? 'a year with data (there is none yet)'
      : `a year with data, ${availableYears[0]}–${availableYears.at(-1)}`;
  // No control characters: PostgreSQL refuses a NUL in text, which would be a 500, not a search.
  const q = read(
    'q',
    z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[^\u0000-\u001f\u007f]*$/),
    'a name of at most 100 characters',
  );
  return {
    params: {
      year: read('year', intIn(availableYears), yearExpected),
      window:
        read('window', intIn(CAGR_WINDOWS), `one of ${CAGR_WINDOWS.join(', ')} (years)`) ?? SCORECARD_DEFAULTS.window,
      view: read('view', z.enum(SCORECARD_VIEWS), `one of ${SCORECARD_VIEWS.join(', ')}`) ?? SCORECARD_DEFAULTS.view,
      group: read('group', groupSchema, `a comma-separated list of ${MEMBERSHIP_GROUP_CODES.join(', ')}`),
      q,
      sort: read(
        'sort',
        sortSchema,
        `up to ${MAX_SCORECARD_SORT_KEYS} distinct keys key:asc or key:desc, key one of ${SCORECARD_SORT_KEYS.join(', ')}`,
      ) ?? [...SCORECARD_DEFAULTS.sort],
      page: read('page', pageSchema, 'a page number from 1') ?? SCORECARD_DEFAULTS.page,
      size:
        read('size', intIn(SCORECARD_PAGE_SIZES), `one of ${SCORECARD_PAGE_SIZES.join(', ')}`) ??
        SCORECARD_DEFAULTS.size,
    },
    ignored,
  };
}

const serializeSort = (sort: readonly ScorecardSort[]) =>
  sort.map((s) => `${s.id}:${s.desc ? 'desc' : 'asc'}`).join(',');

interface SerializeOptions {
  /** Page and size belong to the screen; exports hold every page. */
  paging?: boolean;
  format?: string;
}

/** The canonical query string ("" or without "?"), defaults dropped, in a fixed key order. */
export function serializeScorecardSearchParams(
  params: ScorecardParams,
  options: SerializeOptions = { paging: true },
): string {
  const query = new URLSearchParams();
  if (params.q) query.set('q', params.q);
  if (params.group && params.group.length > 0) query.set('group', params.group.join(','));
  if (params.view !== SCORECARD_DEFAULTS.view) query.set('view', params.view);
  if (params.year !== undefined) query.set('year', String(params.year));
  if (params.window !== SCORECARD_DEFAULTS.window) query.set('window', String(params.window));
  const sort = serializeSort(params.sort);
  if (sort !== serializeSort(SCORECARD_DEFAULTS.sort)) query.set('sort', sort);
  if (options.paging) {
    if (params.page !== SCORECARD_DEFAULTS.page) query.set('page', String(params.page));
    if (params.size !== SCORECARD_DEFAULTS.size) query.set('size', String(params.size));
  }
  if (options.format) query.set('format', options.format);
  return query.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}
