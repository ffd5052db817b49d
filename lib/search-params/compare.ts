// The compare screen's URL state, defined once for the page, its controls and the export route:
// /compare?partners=DEU,FRA,ITA,CHN,RUS&flow=turnover&from=2000&to=2025&mode=share
// Every parameter is checked against an allow-list (partner codes from the database, years with
// data); a bad value falls back to its default and is named in the page's notice.
import { z } from 'zod';
import { CURRENCIES, type Currency } from '@/lib/charts/currency';
import { createParamReader, toQueryString, type IgnoredSearchParam, type RawSearchParams } from './shared';

export const COMPARE_FLOWS = ['turnover', 'export', 'import', 'balance'] as const;
export const COMPARE_MODES = ['absolute', 'share', 'index', 'change'] as const;
export const COMPARE_SCALES = ['linear', 'log'] as const;
/** Sortable columns of the summary table; also its column ids. */
export const COMPARE_SORT_KEYS = ['partner', 'first', 'last', 'change', 'growth', 'share'] as const;
export const COMPARE_DIRECTIONS = ['asc', 'desc'] as const;
/** Every parameter the compare view reads; the proxy drops any other from a page's address. */
export const COMPARE_PARAM_NAMES = [
  'partners',
  'flow',
  'from',
  'to',
  'mode',
  'scale',
  'currency',
  'sort',
  'dir',
] as const;

/** More lines than this make a chart nobody can read. */
export const MAX_COMPARE_PARTNERS = 12;

export const compareFlowSchema = z.enum(COMPARE_FLOWS);
export const compareModeSchema = z.enum(COMPARE_MODES);
export const compareScaleSchema = z.enum(COMPARE_SCALES);
export const compareSortKeySchema = z.enum(COMPARE_SORT_KEYS);
export const compareDirectionSchema = z.enum(COMPARE_DIRECTIONS);
export const currencySchema = z.enum(CURRENCIES);

export type CompareFlow = z.infer<typeof compareFlowSchema>;
export type CompareMode = z.infer<typeof compareModeSchema>;
export type CompareScale = z.infer<typeof compareScaleSchema>;
export type CompareSortKey = z.infer<typeof compareSortKeySchema>;
export type CompareDirection = z.infer<typeof compareDirectionSchema>;

export interface CompareSearchParams {
  partners: string[];
  flow: CompareFlow;
  from: number;
  to: number;
  mode: CompareMode;
  scale: CompareScale;
  currency: Currency;
  sort: CompareSortKey;
  dir: CompareDirection;
}

/** The default view answers "how does EU turnover compare with China's and Russia's since 2000?". */
export const DEFAULT_COMPARE_PARTNERS = ['AGG_EU', 'CHN', 'RUS'] as const;
export const DEFAULT_COMPARE_FROM = 2000;

export interface CompareParseOptions {
  /** Every partner code in the database. */
  partnerCodes: ReadonlySet<string>;
  /** First and last calendar year with annual trade data; `maxYear` is the default end. */
  minYear: number;
  maxYear: number;
}

export interface ParsedCompareSearchParams {
  params: CompareSearchParams;
  ignored: IgnoredSearchParam[];
}

export function compareDefaults(options: Pick<CompareParseOptions, 'minYear' | 'maxYear'>): CompareSearchParams {
  return {
    partners: [...DEFAULT_COMPARE_PARTNERS],
    flow: 'turnover',
    from: Math.min(Math.max(DEFAULT_COMPARE_FROM, options.minYear), options.maxYear),
    to: options.maxYear,
    mode: 'absolute',
    scale: 'linear',
    currency: 'USD',
    sort: 'last',
    dir: 'desc',
  };
}

/** Partner names read A→Z; amounts and rates largest first. */
export function defaultCompareDirection(sort: CompareSortKey): CompareDirection {
  return sort === 'partner' ? 'asc' : 'desc';
}

const yearText = z
  .string()
  .regex(/^\d{4}$/)
  .transform(Number);

/** Parses the compare screen's search params (see the module comment). Unknown keys are left alone. */
export function parseCompareSearchParams(
  raw: RawSearchParams | URLSearchParams,
  options: CompareParseOptions,
): ParsedCompareSearchParams {
  const ignored: IgnoredSearchParam[] = [];
  const read = createParamReader(raw, ignored);
  const defaults = compareDefaults(options);
  const yearRange = `a year from ${options.minYear} to ${options.maxYear}`;
  const yearSchema = yearText.refine((year) => year >= options.minYear && year <= options.maxYear);

  // Partners: comma-separated codes; unknown ones are dropped one by one, so a single typo does not
  // throw away the whole selection.
  let partners: string[] = defaults.partners;
  const partnerText = read('partners', z.string().max(2000), 'comma-separated partner codes');
  if (partnerText !== undefined) {
    const codes = [
      ...new Set(
        partnerText
          .split(',')
          .map((code) => code.trim().toUpperCase())
          .filter(Boolean),
      ),
    ];
    const known = codes.filter((code) => options.partnerCodes.has(code));
    const unknown = codes.filter((code) => !options.partnerCodes.has(code));
    if (unknown.length > 0) {
      ignored.push({
        name: 'partners',
        value: unknown.join(','),
        expected: 'partner codes from the partner list',
        outcome: known.length > 0 ? 'left out; the other partners are shown' : undefined,
      });
    }
    if (known.length > MAX_COMPARE_PARTNERS) {
      ignored.push({
        name: 'partners',
        value: known.slice(MAX_COMPARE_PARTNERS).join(','),
        expected: `at most ${MAX_COMPARE_PARTNERS} partners`,
        outcome: `left out; the first ${MAX_COMPARE_PARTNERS} are shown`,
      });
    }
    if (known.length > 0) partners = known.slice(0, MAX_COMPARE_PARTNERS);
  }

  const flow = read('flow', compareFlowSchema, `one of ${COMPARE_FLOWS.join(', ')}`) ?? defaults.flow;
  let from = read('from', yearSchema, yearRange) ?? defaults.from;
  let to = read('to', yearSchema, yearRange) ?? defaults.to;
  if (from > to) {
    ignored.push({ name: 'from', value: String(from), expected: `a year not after to (${to})` });
    from = Math.min(defaults.from, to);
    if (from > to) to = defaults.to;
  }

  let mode = read('mode', compareModeSchema, `one of ${COMPARE_MODES.join(', ')}`) ?? defaults.mode;
  if (mode === 'share' && flow === 'balance') {
    // A balance is a difference, not a part of a whole: its "share of the total" means nothing.
    ignored.push({
      name: 'mode',
      value: mode,
      expected: 'absolute, index or change for the balance (a balance has no share of a total)',
    });
    mode = defaults.mode;
  }

  let scale = read('scale', compareScaleSchema, `one of ${COMPARE_SCALES.join(', ')}`) ?? defaults.scale;
  if (scale === 'log' && (mode === 'change' || flow === 'balance')) {
    // Changes and balances are negative as often as not; a log axis cannot show them.
    ignored.push({ name: 'scale', value: scale, expected: 'linear for changes and balances, which can be negative' });
    scale = defaults.scale;
  }

  const currency = read('currency', currencySchema, `one of ${CURRENCIES.join(', ')}`) ?? defaults.currency;
  const sort = read('sort', compareSortKeySchema, `one of ${COMPARE_SORT_KEYS.join(', ')}`) ?? defaults.sort;
  const dir =
    read('dir', compareDirectionSchema, `one of ${COMPARE_DIRECTIONS.join(', ')}`) ?? defaultCompareDirection(sort);

  return { params: { partners, flow, from, to, mode, scale, currency, sort, dir }, ignored };
}

interface SerializeOptions {
  /** The defaults to drop; pass the same year range the page parsed with. */
  minYear: number;
  maxYear: number;
  /** Write every parameter, defaults too: a permalink that keeps meaning the same view when newer data arrives. */
  explicit?: boolean;
}

/** The query string for a state ("" or "?..."), defaults dropped unless `explicit`. */
export function serializeCompareSearchParams(params: CompareSearchParams, options: SerializeOptions): string {
  const defaults = compareDefaults(options);
  const keep = (changed: boolean) => options.explicit === true || changed;
  const entries: [string, string][] = [];
  if (keep(params.partners.join(',') !== defaults.partners.join(',')))
    entries.push(['partners', params.partners.join(',')]);
  if (keep(params.flow !== defaults.flow)) entries.push(['flow', params.flow]);
  if (keep(params.from !== defaults.from)) entries.push(['from', String(params.from)]);
  if (keep(params.to !== defaults.to)) entries.push(['to', String(params.to)]);
  if (keep(params.mode !== defaults.mode)) entries.push(['mode', params.mode]);
  if (keep(params.scale !== defaults.scale)) entries.push(['scale', params.scale]);
  if (keep(params.currency !== defaults.currency)) entries.push(['currency', params.currency]);
  if (keep(params.sort !== defaults.sort)) entries.push(['sort', params.sort]);
  if (keep(params.dir !== defaultCompareDirection(params.sort))) entries.push(['dir', params.dir]);
  return toQueryString(entries);
}
