// The disagreement screen's URL state (/mirror), defined once as nuqs parsers for the loader and
// the client controls. Bad values fall back to their defaults and are named in the notice
// (parseMirrorSearchParams, in mirror-parse.ts: its words would put catalogues into the client's JavaScript).
import { parseAsStringLiteral } from 'nuqs/server';
import { parseAsIntegerIn, parseAsPage, parseAsYear } from './shared';
import { parseAsSort, type SortItem } from './sort';

/** Kazakhstan's exports (what partners record as imports from it) or its imports. */
export const MIRROR_FLOWS = ['export', 'import'] as const;
export type MirrorFlow = (typeof MIRROR_FLOWS)[number];

/** Sortable columns; also the table's column ids. */
export const MIRROR_SORT_KEYS = ['partner', 'year', 'kaz', 'partner_value', 'abs_gap', 'ratio'] as const;
export type MirrorSortKey = (typeof MIRROR_SORT_KEYS)[number];
export type MirrorSort = SortItem<MirrorSortKey>;

/** Pairs where neither side reaches this many USD million are left out: ratios of tiny flows say little. */
export const MIRROR_MIN_SIZES = [0, 10, 100, 1000] as const;
export const MIRROR_PAGE_SIZES = [25, 50, 100] as const;
export const MAX_MIRROR_SORT_KEYS = 2;

export interface MirrorParams {
  flow: MirrorFlow;
  /** Absent: every year. */
  year?: number;
  min: number;
  sort: MirrorSort[];
  page: number;
  size: number;
}

export const MIRROR_DEFAULTS = {
  flow: 'export',
  min: 100,
  sort: [{ id: 'abs_gap', desc: true }],
  page: 1,
  size: 25,
} as const satisfies Omit<MirrorParams, 'year'>;

const naturalDesc = (key: MirrorSortKey) => key !== 'partner';

export const mirrorParsers = {
  flow: parseAsStringLiteral(MIRROR_FLOWS).withDefault(MIRROR_DEFAULTS.flow),
  year: parseAsYear(),
  min: parseAsIntegerIn(MIRROR_MIN_SIZES).withDefault(MIRROR_DEFAULTS.min),
  sort: parseAsSort(MIRROR_SORT_KEYS, { max: MAX_MIRROR_SORT_KEYS, naturalDesc }).withDefault([
    ...MIRROR_DEFAULTS.sort,
  ]),
  page: parseAsPage(5).withDefault(MIRROR_DEFAULTS.page),
  size: parseAsIntegerIn(MIRROR_PAGE_SIZES).withDefault(MIRROR_DEFAULTS.size),
};
