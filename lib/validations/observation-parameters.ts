// The parameters of the data screen (/data) and of GET /api/observations, defined once as plain
// readers: allowed values, patterns and limits, and the message for each problem. The API wraps
// them in zod schemas and reads them strictly (lib/validations/observations.ts); the data screen's
// nuqs parsers read them leniently (lib/search-params/data.ts). No zod here: the screen's client
// controls import this module, and zod was 33 KB gzipped of their JavaScript (zod/mini still brings
// its core, and would leave two definitions or one schema written in two dialects).
import { SourceKind } from '@/lib/generated/prisma/enums';
import { MEMBERSHIP_GROUP_CODES } from '@/lib/membership-groups';
import { parseSortList, type SortItem } from '@/lib/search-params/sort';

const CODE = /^(?:[A-Z]{3}|AGG_[A-Z0-9_]{1,40})$/;
const INDICATOR = /^[a-z][a-z0-9_]{0,63}$/;
const SOURCE = /^[A-Za-z0-9_:.\-]{1,100}$/;

/** Sortable columns; also the data screen's column ids, so a header click maps straight to `?sort=`. */
export const OBSERVATION_SORT_KEYS = [
  'reporter',
  'partner',
  'flow',
  'year',
  'period',
  'value',
  'unit',
  'qualifier',
  'source',
] as const;
export type ObservationSortKey = (typeof OBSERVATION_SORT_KEYS)[number];

/**
 * Row properties one can filter on; a row matches when it has any of the chosen ones. `official`:
 * the row the official series (official_series) uses for its partner, flow and year.
 */
export const OBSERVATION_FLAGS = ['official', 'estimate', 'derived', 'partner'] as const;
export type ObservationFlag = (typeof OBSERVATION_FLAGS)[number];

export const SOURCE_KINDS = Object.values(SourceKind);
export const OBSERVATION_FORMATS = ['json', 'csv', 'xlsx'] as const;

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Several keys sort within each other; more than four stops being readable. */
export const MAX_SORT_KEYS = 4;
const MAX_PAGE = 1_000_000;

export type ObservationSort = SortItem<ObservationSortKey>;

/**
 * Rows a page may start after. PostgreSQL reads and sorts every row before the offset (measured in
 * docs/api.md); beyond it, the view is narrowed, sorted the other way, or downloaded whole.
 */
export const MAX_PAGE_OFFSET = 100_000;
/**
 * PostgreSQL time one page of the data screen or the API may take (budgetedSql in lib/sql.ts). A
 * sort on value or a text search has to visit every matching row, and at 10,000,000 rows that took
 * seconds (issue 19.8): such a view is answered within the budget with a message instead, on the
 * data screen in the page's language (Data.overBudget in the catalogues), in the API as
 * API_OVER_BUDGET_MESSAGE. Downloads have no such limit: they stream, and their client waits for them.
 */
export const PAGE_QUERY_BUDGET_MS = 1_500;
/** Rows before the first of a page. */
export const pageOffset = (q: { page?: number; size?: number }) => ((q.page ?? 1) - 1) * (q.size ?? DEFAULT_PAGE_SIZE);

/** A parameter's value read from its raw string, or every problem with it (the API lists them all). */
export type Reading<T> = { ok: true; value: T } | { ok: false; problems: string[] };
export type ParameterReader<T> = (text: string) => Reading<T>;

const read = <T>(value: T): Reading<T> => ({ ok: true, value });
const refuse = (...problems: string[]): Reading<never> => ({ ok: false, problems });

const items = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A comma-separated list: too many items is the one problem named (the items are not checked);
 * otherwise each item that does not fit is named once.
 */
function listOf<T extends string>(
  name: string,
  max: number,
  fits: (item: string) => item is T,
  misfit: string,
): ParameterReader<T[]> {
  return (text) => {
    const values = items(text);
    if (values.length > max) return refuse(`at most ${max} values`);
    if (values.length === 0) return refuse(`${name} must not be empty`);
    const problems = values.filter((item) => !fits(item)).map(() => misfit);
    return problems.length > 0 ? refuse(...problems) : read(values.filter(fits));
  };
}

const codeList = (name: string, pattern: RegExp, example: string, max = 300) =>
  listOf(name, max, (item): item is string => pattern.test(item), `each ${name} must look like ${example}`);

/** Items from a fixed list, deduplicated in the order given. */
function enumList<T extends string>(name: string, values: readonly T[]): ParameterReader<T[]> {
  const allowed: ReadonlySet<string> = new Set(values);
  const list = listOf(
    name,
    values.length,
    (item): item is T => allowed.has(item),
    `each ${name} must be one of: ${values.join(', ')}`,
  );
  return (text) => {
    const result = list(text);
    return result.ok ? read([...new Set(result.value)]) : result;
  };
}

const year =
  (name: string): ParameterReader<number> =>
  (text) => {
    if (!/^\d{4}$/.test(text)) return refuse(`${name} must be a four-digit year`);
    const n = Number(text);
    if (n < 1900) return refuse(`${name} must be 1900 or later`);
    if (n > 2100) return refuse(`${name} must be 2100 or earlier`);
    return read(n);
  };

const positiveInt =
  (name: string, max: number): ParameterReader<number> =>
  (text) => {
    if (!/^\d{1,7}$/.test(text)) return refuse(`${name} must be a whole number`);
    const n = Number(text);
    if (n < 1) return refuse(`${name} must be 1 or more`);
    if (n > max) return refuse(`${name} must be ${max} or less`);
    return read(n);
  };

const pageSize: ParameterReader<number> = (text) => {
  const n = /^\d{1,3}$/.test(text) ? Number(text) : null;
  return n !== null && (PAGE_SIZES as readonly number[]).includes(n)
    ? read(n)
    : refuse(`size must be one of: ${PAGE_SIZES.join(', ')}`);
};

// PostgreSQL refuses a NUL in text: a control character is bad input (400), not a failed query.
const searchText: ParameterReader<string> = (text) => {
  const q = text.trim();
  const problems = [
    ...(q.length < 1 ? ['q must not be empty'] : []),
    ...(q.length > 100 ? ['q must be at most 100 characters'] : []),
    ...(/^[^\u0000-\u001f\u007f]*$/.test(q) ? [] : ['q must not contain control characters']),
  ];
  return problems.length > 0 ? refuse(...problems) : read(q);
};

// The one sort grammar (lib/search-params/sort.ts); a bare key sorts ascending, as it always has here.
const sortList: ParameterReader<ObservationSort[]> = (text) => {
  const result = parseSortList(text, OBSERVATION_SORT_KEYS, { max: MAX_SORT_KEYS, naturalDesc: () => false });
  return result.ok ? read(result.items) : refuse(result.message);
};

/**
 * One reader per filter, sort and paging parameter, from the raw string: the single definition the
 * API reads strictly and the data screen's nuqs parsers read leniently.
 */
export const OBSERVATION_PARAMETER_READERS = {
  reporter: codeList('reporter', CODE, 'KAZ or AGG_EU'),
  partner: codeList('partner', CODE, 'DEU or AGG_EU'),
  group: enumList('group', MEMBERSHIP_GROUP_CODES),
  flow: codeList('flow', INDICATOR, 'export, import or turnover', 100),
  source: codeList('source', SOURCE, 'imf_dots_2022_via_SamLeBlanc', 100),
  kind: enumList('kind', SOURCE_KINDS),
  from: year('from'),
  to: year('to'),
  flags: enumList('flags', OBSERVATION_FLAGS),
  q: searchText,
  sort: sortList,
  page: positiveInt('page', MAX_PAGE),
  size: pageSize,
} as const;
