// Parameters of the observations data screen (/data) and of GET /api/observations, defined once.
// Both read the same names with the same schemas: the API strictly (any problem is a 400 naming
// the parameter), the page leniently through nuqs parsers made from these schemas (a bad value
// falls back to its default and is reported in a visible notice). Parsed, never cast.
import { z } from 'zod';
import type { ParameterProblem } from '@/lib/http/api-error';
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

// The one sort grammar (lib/search-params/sort.ts); a bare key sorts ascending, as it always has here.
const sortSchema = z.string().transform((text, ctx) => {
  const result = parseSortList(text, OBSERVATION_SORT_KEYS, { max: MAX_SORT_KEYS, naturalDesc: () => false });
  if (result.ok) return result.items;
  ctx.addIssue({ code: 'custom', message: result.message });
  return z.NEVER;
});

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

/**
 * One schema per parameter, from the raw string: the single definition the API reads strictly and
 * the data screen's nuqs parsers (lib/search-params/data.ts) read leniently.
 */
export const OBSERVATION_PARAMETER_SCHEMAS = {
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

type ParameterName = keyof typeof OBSERVATION_PARAMETER_SCHEMAS;
const PARAMETER_NAMES = Object.keys(OBSERVATION_PARAMETER_SCHEMAS) as ParameterName[];
export const ALLOWED_PARAMETERS = PARAMETER_NAMES.join(', ');

const observationParamsSchema = z
  .object(
    Object.fromEntries(PARAMETER_NAMES.map((name) => [name, OBSERVATION_PARAMETER_SCHEMAS[name].optional()])) as {
      [K in ParameterName]: z.ZodOptional<(typeof OBSERVATION_PARAMETER_SCHEMAS)[K]>;
    },
  )
  .strict();

/**
 * Rows a page may start after. PostgreSQL reads and sorts every row before the offset (measured in
 * docs/api.md); beyond it, the view is narrowed, sorted the other way, or downloaded whole.
 */
export const MAX_PAGE_OFFSET = 100_000;
export const PAGE_OFFSET_MESSAGE = `page × size must stay within the first ${MAX_PAGE_OFFSET.toLocaleString('en-US')} rows; narrow the filters, sort the other way, or download every row (no page and size)`;
/**
 * PostgreSQL time one page of the data screen or the API may take (budgetedSql in lib/sql.ts). A
 * sort on value or a text search has to visit every matching row, and at 10,000,000 rows that took
 * seconds (issue 19.8): such a view is answered within the budget with a message instead, on the
 * data screen in the page's language (Data.overBudget in the catalogues), in the API as
 * API_OVER_BUDGET_MESSAGE. Downloads have no such limit: they stream, and their client waits for them.
 */
export const PAGE_QUERY_BUDGET_MS = 1_500;
/** The API's 422 view_too_expensive. */
export const API_OVER_BUDGET_MESSAGE = `PostgreSQL could not compute this page within ${PAGE_QUERY_BUDGET_MS / 1000} s: a sort other than the default order, a text search (q) or a deep page has to visit every matching row, and this view matches too many. Narrow it with partner, flow, from/to or source, sort in the default order (no sort), or ask for every row (no page and size), which streams with no time limit.`;
/** Rows before the first of a page. */
export const pageOffset = (q: { page?: number; size?: number }) => ((q.page ?? 1) - 1) * (q.size ?? DEFAULT_PAGE_SIZE);

export const observationQuerySchema = observationParamsSchema
  .transform(({ format, ...rest }) => ({ ...rest, format: format ?? 'json' }))
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: 'from must not be after to',
  })
  .refine((q) => pageOffset(q) <= MAX_PAGE_OFFSET, { path: ['page'], message: PAGE_OFFSET_MESSAGE });

/**
 * Filters, sort and paging. Absent means "no filter", "the default order" (source, reporter,
 * partner, indicator, year, period: the natural key, stable and index-backed), "all rows" (the
 * API and exports) or page 1 of DEFAULT_PAGE_SIZE (the data screen).
 */
export type ObservationQuery = z.infer<typeof observationQuerySchema>;

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
