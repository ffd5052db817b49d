// Parameters of the observations explorer (/data) and of GET /api/observations, defined once.
// Both read the same names with the same schemas: the API strictly (any problem is a 400 naming
// the parameter), the page leniently (a bad value falls back to its default and is reported in a
// visible notice). Parsed, never cast.
import { z } from 'zod';
import { SourceKind } from '@/lib/generated/prisma/enums';
import { MEMBERSHIP_GROUP_CODES } from '@/lib/membership-groups';

const CODE = /^(?:[A-Z]{3}|AGG_[A-Z0-9_]{1,40})$/;
const INDICATOR = /^[a-z][a-z0-9_]{0,63}$/;
const SOURCE = /^[A-Za-z0-9_:.\-]{1,100}$/;

/** Sortable columns; also the explorer's column ids, so a header click maps straight to `?sort=`. */
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

/** Row properties one can filter on; a row matches when it has any of the chosen ones. */
export const OBSERVATION_FLAGS = ['estimate', 'derived', 'partner'] as const;
export type ObservationFlag = (typeof OBSERVATION_FLAGS)[number];

export const SOURCE_KINDS = Object.values(SourceKind);
export const OBSERVATION_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ObservationFormat = (typeof OBSERVATION_FORMATS)[number];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Several keys sort within each other; more than four stops being readable. */
export const MAX_SORT_KEYS = 4;
const MAX_PAGE = 1_000_000;

export interface ObservationSort {
  id: ObservationSortKey;
  desc: boolean;
}

const list = (name: string, pattern: RegExp, example: string, max = 300) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(pattern, `each ${name} must look like ${example}`))
        .min(1, `${name} must not be empty`)
        .max(max, `at most ${max} values`),
    );

const enumList = <T extends string>(name: string, values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(z.enum(values, { error: `each ${name} must be one of: ${values.join(', ')}` }))
        .min(1, `${name} must not be empty`)
        .max(values.length, `at most ${values.length} values`)
        .transform((items) => [...new Set(items)]),
    );

const year = (name: string) =>
  z
    .string()
    .regex(/^\d{4}$/, `${name} must be a four-digit year`)
    .transform(Number)
    .pipe(z.number().min(1900, `${name} must be 1900 or later`).max(2100, `${name} must be 2100 or earlier`));

const SORT_ITEM = new RegExp(`^(${OBSERVATION_SORT_KEYS.join('|')})(?::(asc|desc))?$`);
const sortSchema = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .string()
          .regex(
            SORT_ITEM,
            `each sort key must be key:asc or key:desc with key one of: ${OBSERVATION_SORT_KEYS.join(', ')}`,
          ),
      )
      .min(1, 'sort must not be empty')
      .max(MAX_SORT_KEYS, `at most ${MAX_SORT_KEYS} sort keys`),
  )
  .transform((items) =>
    items.map((item): ObservationSort => {
      const [id, dir] = item.split(':');
      return { id: id as ObservationSortKey, desc: dir === 'desc' };
    }),
  )
  .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'each sort key may appear once');

const positiveInt = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d{1,7}$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().min(1, `${name} must be 1 or more`).max(max, `${name} must be ${max} or less`));

const pageSizeSchema = z
  .string()
  .regex(/^\d{1,3}$/, `size must be one of: ${PAGE_SIZES.join(', ')}`)
  .transform(Number)
  .refine((n) => (PAGE_SIZES as readonly number[]).includes(n), `size must be one of: ${PAGE_SIZES.join(', ')}`);

/** One schema per parameter, from the raw string: the single definition both modes read. */
const PARAMETER_SCHEMAS = {
  reporter: list('reporter', CODE, 'KAZ or AGG_EU'),
  partner: list('partner', CODE, 'DEU or AGG_EU'),
  group: enumList('group', MEMBERSHIP_GROUP_CODES),
  flow: list('flow', INDICATOR, 'export, import or turnover', 100),
  source: list('source', SOURCE, 'imf_dots_2022_via_SamLeBlanc', 100),
  kind: enumList('kind', SOURCE_KINDS as [SourceKind, ...SourceKind[]]),
  from: year('from'),
  to: year('to'),
  flags: enumList('flags', OBSERVATION_FLAGS),
  // PostgreSQL refuses a NUL in text: a control character is bad input (400), not a failed query.
  q: z
    .string()
    .trim()
    .min(1, 'q must not be empty')
    .max(100, 'q must be at most 100 characters')
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'q must not contain control characters'),
  sort: sortSchema,
  page: positiveInt('page', MAX_PAGE),
  size: pageSizeSchema,
  format: z.enum(OBSERVATION_FORMATS, { error: `format must be one of: ${OBSERVATION_FORMATS.join(', ')}` }),
} as const;

type ParameterName = keyof typeof PARAMETER_SCHEMAS;
const PARAMETER_NAMES = Object.keys(PARAMETER_SCHEMAS) as ParameterName[];
export const ALLOWED_PARAMETERS = PARAMETER_NAMES.join(', ');
/** The parameters the explorer page reads of these (it renders HTML whatever `format` says). */
export const OBSERVATION_PAGE_PARAM_NAMES: readonly string[] = PARAMETER_NAMES.filter((name) => name !== 'format');

const observationParamsSchema = z
  .object(
    Object.fromEntries(PARAMETER_NAMES.map((name) => [name, PARAMETER_SCHEMAS[name].optional()])) as {
      [K in ParameterName]: z.ZodOptional<(typeof PARAMETER_SCHEMAS)[K]>;
    },
  )
  .strict();

/**
 * Rows a page may start after. PostgreSQL reads and sorts every row before the offset: page
 * 1,000,000 of a search with four sort keys took 3.8 s at 1,000,000 rows. Beyond it, the view is
 * narrowed, sorted the other way, or downloaded whole.
 */
export const MAX_PAGE_OFFSET = 100_000;
const PAGE_OFFSET_MESSAGE = `page × size must stay within the first ${MAX_PAGE_OFFSET.toLocaleString('en-US')} rows; narrow the filters, sort the other way, or download every row (no page and size)`;
const offsetOf = (q: { page?: number; size?: number }) => ((q.page ?? 1) - 1) * (q.size ?? DEFAULT_PAGE_SIZE);

export const observationQuerySchema = observationParamsSchema
  .transform(({ format, ...rest }) => ({ ...rest, format: format ?? 'json' }))
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: 'from must not be after to',
  })
  .refine((q) => offsetOf(q) <= MAX_PAGE_OFFSET, { path: ['page'], message: PAGE_OFFSET_MESSAGE });

/**
 * Filters, sort and paging. Absent means "no filter", "the default order" (source, reporter,
 * partner, indicator, year, period: the natural key, stable and index-backed), "all rows" (the
 * API and exports) or page 1 of DEFAULT_PAGE_SIZE (the explorer).
 */
export type ObservationQuery = z.infer<typeof observationQuerySchema>;

export interface ParameterProblem {
  parameter: string;
  message: string;
}

/**
 * The API's parser: every problem is reported. A parameter given twice is refused rather than
 * silently picked, and unknown parameters are refused so that a typo never reads as "no filter".
 */
export function parseObservationQuery(
  params: URLSearchParams,
): { ok: true; query: ObservationQuery } | { ok: false; problems: ParameterProblem[] } {
  const record: Record<string, string> = {};
  const problems: ParameterProblem[] = [];
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1)
      problems.push({ parameter: key, message: 'given more than once; pass one comma-separated value' });
    record[key] = values[0] ?? '';
  }
  const parsed = observationQuerySchema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          problems.push({ parameter: key, message: `unknown parameter; allowed: ${ALLOWED_PARAMETERS}` });
        }
      } else {
        problems.push({ parameter: String(issue.path[0] ?? ''), message: issue.message });
      }
    }
  }
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, query: parsed.data };
}

/** What Next passes as `searchParams`. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** A parameter the page could not use, with what it expected, for the visible notice. */
export interface IgnoredSearchParam {
  name: string;
  value: string;
  expected: string;
}

/**
 * The explorer's parser: the same schemas, but a bad value is dropped (its default applies) and
 * listed in `ignored`. Unknown keys are left alone: they may belong to the page (column visibility)
 * or to other tools. `format` is not read: the page always renders HTML.
 */
export function parseObservationSearchParams(raw: RawSearchParams): {
  query: ObservationQuery;
  ignored: IgnoredSearchParam[];
} {
  const ignored: IgnoredSearchParam[] = [];
  function read<K extends ParameterName>(name: K): z.output<(typeof PARAMETER_SCHEMAS)[K]> | undefined {
    const value = raw[name];
    // An empty value (`?q=`) is what a cleared form field sends: treat it as absent.
    if (value === undefined || value === '') return undefined;
    if (Array.isArray(value)) {
      ignored.push({ name, value: value.join(', '), expected: 'a single (comma-separated) value' });
      return undefined;
    }
    const parsed = PARAMETER_SCHEMAS[name].safeParse(value);
    if (parsed.success) return parsed.data as z.output<(typeof PARAMETER_SCHEMAS)[K]>;
    ignored.push({ name, value, expected: parsed.error.issues[0]?.message ?? 'a valid value' });
    return undefined;
  }
  const query: ObservationQuery = {
    q: read('q'),
    reporter: read('reporter'),
    partner: read('partner'),
    group: read('group'),
    flow: read('flow'),
    from: read('from'),
    to: read('to'),
    source: read('source'),
    kind: read('kind'),
    flags: read('flags'),
    sort: read('sort'),
    page: read('page'),
    size: read('size'),
    format: 'json',
  };
  if (offsetOf(query) > MAX_PAGE_OFFSET) {
    ignored.push({ name: 'page', value: String(query.page), expected: PAGE_OFFSET_MESSAGE });
    query.page = undefined;
  }
  if (query.from !== undefined && query.to !== undefined && query.from > query.to) {
    ignored.push({ name: 'from', value: String(query.from), expected: `a year not after to (${query.to})` });
    query.from = undefined;
  }
  return { query, ignored };
}

export function serializeSort(sort: readonly ObservationSort[]): string {
  return sort.map((s) => `${s.id}:${s.desc ? 'desc' : 'asc'}`).join(',');
}

interface SerializeOptions {
  /** Include page and size (the screen's URL); exports leave them out to get every page. */
  paging?: boolean;
  format?: ObservationFormat;
}

/**
 * The query string of a state in a fixed key order, defaults and empty filters dropped, so one
 * view has one URL. Returns "" or text without the leading "?".
 */
export function serializeObservationQuery(
  query: Omit<ObservationQuery, 'format'>,
  options: SerializeOptions = {},
): string {
  const params = new URLSearchParams();
  const put = (name: string, value: readonly (string | number)[] | string | number | undefined) => {
    if (value === undefined) return;
    const text = Array.isArray(value) ? value.join(',') : String(value);
    if (text !== '') params.set(name, text);
  };
  put('q', query.q);
  put('reporter', query.reporter);
  put('partner', query.partner);
  put('group', query.group);
  put('flow', query.flow);
  put('from', query.from);
  put('to', query.to);
  put('source', query.source);
  put('kind', query.kind);
  put('flags', query.flags);
  if (query.sort && query.sort.length > 0) params.set('sort', serializeSort(query.sort));
  if (options.paging) {
    if (query.page !== undefined && query.page > 1) put('page', query.page);
    if (query.size !== undefined && query.size !== DEFAULT_PAGE_SIZE) put('size', query.size);
  }
  if (options.format) params.set('format', options.format);
  // Commas and colons are legal in a query string; keeping them readable makes URLs shareable.
  return params.toString().replace(/%2C/g, ',').replace(/%3A/g, ':');
}
