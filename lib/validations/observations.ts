// Parameters of the observations data screen (/data) and of GET /api/observations, defined once.
// Both read the same names with the same readers (observation-parameters.ts, free of zod): the API
// strictly, through the zod schemas here (any problem is a 400 naming the parameter), the page
// leniently through nuqs parsers (a bad value falls back to its default and is reported in a
// visible notice). Parsed, never cast.
import { z } from 'zod';
import type { ParameterProblem } from '@/lib/http/api-error';
import {
  MAX_PAGE_OFFSET,
  OBSERVATION_FORMATS,
  OBSERVATION_PARAMETER_READERS as READERS,
  PAGE_QUERY_BUDGET_MS,
  pageOffset,
  type ParameterReader,
} from './observation-parameters';

/** A reader as a zod schema: each of its problems is an issue of the parameter. */
function schemaOf<T>(read: ParameterReader<T>) {
  return z.string().transform((text, ctx) => {
    const result = read(text);
    if (result.ok) return result.value;
    for (const message of result.problems) ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  });
}

/** One schema per parameter, from the raw string: the API's strict reading of the shared readers. */
export const OBSERVATION_PARAMETER_SCHEMAS = {
  reporter: schemaOf(READERS.reporter),
  partner: schemaOf(READERS.partner),
  group: schemaOf(READERS.group),
  flow: schemaOf(READERS.flow),
  source: schemaOf(READERS.source),
  kind: schemaOf(READERS.kind),
  from: schemaOf(READERS.from),
  to: schemaOf(READERS.to),
  flags: schemaOf(READERS.flags),
  q: schemaOf(READERS.q),
  sort: schemaOf(READERS.sort),
  page: schemaOf(READERS.page),
  size: schemaOf(READERS.size),
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

export const PAGE_OFFSET_MESSAGE = `page × size must stay within the first ${MAX_PAGE_OFFSET.toLocaleString('en-US')} rows; narrow the filters, sort the other way, or download every row (no page and size)`;
/** The API's 422 view_too_expensive. */
export const API_OVER_BUDGET_MESSAGE = `PostgreSQL could not compute this page within ${PAGE_QUERY_BUDGET_MS / 1000} s: a sort other than the default order, a text search (q) or a deep page has to visit every matching row, and this view matches too many. Narrow it with partner, flow, from/to or source, sort in the default order (no sort), or ask for every row (no page and size), which streams with no time limit.`;

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
