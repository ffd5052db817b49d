// Query parameters of GET /api/observations. Parsed, never cast: every problem names its parameter.
import { z } from 'zod';

const CODE = /^(?:[A-Z]{3}|AGG_[A-Z0-9_]{1,40})$/;
const INDICATOR = /^[a-z][a-z0-9_]{0,63}$/;
const SOURCE = /^[A-Za-z0-9_:.\-]{1,100}$/;

const list = (name: string, pattern: RegExp, example: string, max = 300) =>
  z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(pattern, `each ${name} must look like ${example}`))
        .min(1, `${name} must not be empty`)
        .max(max, `at most ${max} values`),
    );

const year = (name: string) =>
  z.string().regex(/^\d{4}$/, `${name} must be a four-digit year`).transform(Number)
    .pipe(z.number().min(1900, `${name} must be 1900 or later`).max(2100, `${name} must be 2100 or earlier`));

export const OBSERVATION_FORMATS = ['json', 'csv'] as const;

const observationParamsSchema = z
  .object({
    reporter: list('reporter', CODE, 'KAZ or AGG_EU').optional(),
    partner: list('partner', CODE, 'DEU or AGG_EU').optional(),
    flow: list('flow', INDICATOR, 'export, import or turnover', 100).optional(),
    source: list('source', SOURCE, 'imf_dots_2022_via_SamLeBlanc', 100).optional(),
    from: year('from').optional(),
    to: year('to').optional(),
    format: z.enum(OBSERVATION_FORMATS, { error: `format must be one of: ${OBSERVATION_FORMATS.join(', ')}` }).default('json'),
  })
  .strict();

const ALLOWED_PARAMETERS = Object.keys(observationParamsSchema.shape).join(', ');

export const observationQuerySchema = observationParamsSchema.refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
    path: ['from'],
    message: 'from must not be after to',
  });

export type ObservationQuery = z.infer<typeof observationQuerySchema>;

export interface ParameterProblem {
  parameter: string;
  message: string;
}

/** Parses URLSearchParams; a parameter given twice is refused rather than silently picked. */
export function parseObservationQuery(
  params: URLSearchParams,
): { ok: true; query: ObservationQuery } | { ok: false; problems: ParameterProblem[] } {
  const record: Record<string, string> = {};
  const problems: ParameterProblem[] = [];
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (values.length > 1) problems.push({ parameter: key, message: 'given more than once; pass one comma-separated value' });
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
