// The compare screen's URL state, defined once as nuqs parsers for the page, its controls and the
// export route: /compare?partners=DEU,FRA,ITA,CHN,RUS&flow=turnover&from=2000&to=2025&mode=share
// Every parameter is checked against an allow-list (partner codes from the database, years with
// data); a bad value falls back to its default and is named in the page's notice
// (parseCompareSearchParams, in compare-parse.ts: its words would put catalogues into the client's
// JavaScript). The defaults of `from` and `to` depend on the years with data, so the parsers are
// made for a year range.
import { createParser, createSerializer, parseAsStringLiteral } from 'nuqs/server';
import { CURRENCIES, type Currency } from '@/lib/constants';
import { parseAsYear, sameList } from './shared';
import { foldLegacySortDirection, parseAsSingleSort, type SortItem } from './sort';

export const COMPARE_FLOWS = ['turnover', 'export', 'import', 'balance'] as const;
export const COMPARE_MODES = ['absolute', 'share', 'index', 'change'] as const;
export const COMPARE_SCALES = ['linear', 'log'] as const;
/** Sortable columns of the summary table; also its column ids. */
export const COMPARE_SORT_KEYS = ['partner', 'first', 'last', 'change', 'growth', 'share'] as const;

/** More lines than this make a chart nobody can read. */
export const MAX_COMPARE_PARTNERS = 12;

export type CompareFlow = (typeof COMPARE_FLOWS)[number];
export type CompareMode = (typeof COMPARE_MODES)[number];
export type CompareScale = (typeof COMPARE_SCALES)[number];
export type CompareSortKey = (typeof COMPARE_SORT_KEYS)[number];

export interface CompareSearchParams {
  partners: string[];
  flow: CompareFlow;
  from: number;
  to: number;
  mode: CompareMode;
  scale: CompareScale;
  currency: Currency;
  sort: SortItem<CompareSortKey>;
}

/** The default view answers "how does EU turnover compare with China's and Russia's since 2000?". */
export const DEFAULT_COMPARE_PARTNERS = ['AGG_EU', 'CHN', 'RUS'] as const;
export const DEFAULT_COMPARE_FROM = 2000;
export const COMPARE_DEFAULT_SORT: SortItem<CompareSortKey> = { id: 'last', desc: true };

export interface CompareYearRange {
  /** First and last calendar year with annual trade data; `maxYear` is the default end. */
  minYear: number;
  maxYear: number;
}

export function compareDefaults({ minYear, maxYear }: CompareYearRange): CompareSearchParams {
  return {
    partners: [...DEFAULT_COMPARE_PARTNERS],
    flow: 'turnover',
    from: Math.min(Math.max(DEFAULT_COMPARE_FROM, minYear), maxYear),
    to: maxYear,
    mode: 'absolute',
    scale: 'linear',
    currency: 'USD',
    sort: COMPARE_DEFAULT_SORT,
  };
}

/** Partner names read A→Z; amounts and rates largest first. */
const naturalDesc = (key: CompareSortKey) => key !== 'partner';

/**
 * Comma-separated partner codes, upper-cased and deduplicated. Which codes exist is the database's
 * business: the loader drops unknown ones one by one, so a single typo does not throw away the
 * whole selection.
 */
const parseAsPartnerCodes = createParser<string[]>({
  parse: (text) => {
    if (text.length > 2000) return null;
    const codes = [
      ...new Set(
        text
          .split(',')
          .map((code) => code.trim().toUpperCase())
          .filter(Boolean),
      ),
    ];
    return codes.length > 0 ? codes : null;
  },
  serialize: (codes) => codes.join(','),
  eq: sameList,
});

/** The screen's parsers for a year range, in the order the canonical URL lists them. */
export function compareParsers(range: CompareYearRange) {
  const defaults = compareDefaults(range);
  const inRange = (year: number) => year >= range.minYear && year <= range.maxYear;
  return {
    partners: parseAsPartnerCodes.withDefault(defaults.partners),
    flow: parseAsStringLiteral(COMPARE_FLOWS).withDefault(defaults.flow),
    from: parseAsYear(inRange).withDefault(defaults.from),
    to: parseAsYear(inRange).withDefault(defaults.to),
    mode: parseAsStringLiteral(COMPARE_MODES).withDefault(defaults.mode),
    scale: parseAsStringLiteral(COMPARE_SCALES).withDefault(defaults.scale),
    currency: parseAsStringLiteral(CURRENCIES).withDefault(defaults.currency),
    sort: parseAsSingleSort(COMPARE_SORT_KEYS, naturalDesc).withDefault(defaults.sort),
  };
}

/**
 * The query string of a view ("" or "?…"), defaults dropped; `explicit` writes every parameter, a
 * permalink that keeps meaning the same view when newer data moves the defaults.
 */
export function serializeCompare(params: CompareSearchParams, range: CompareYearRange, { explicit = false } = {}) {
  return createSerializer(compareParsers(range), { clearOnDefault: !explicit })(params);
}

/** `/compare` once wrote `sort=growth&dir=desc`: the proxy redirects it, and the parser reads it too. */
export function foldLegacyCompareSort(search: URLSearchParams): URLSearchParams | null {
  return foldLegacySortDirection(search, COMPARE_DEFAULT_SORT.id);
}
