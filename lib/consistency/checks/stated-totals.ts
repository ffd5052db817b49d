// Totals a source states against the items the same source lists (counts).
import 'server-only';
import { z } from 'zod';
import { buildCheck, stat } from '@/lib/consistency/check';
import { computedValue, figurePeriod, figureSchema, toCheckValue, toStatedFigure } from '@/lib/consistency/figure';
import { assessStatedParts } from '@/lib/consistency/outcome';
import { relativeDifference } from '@/lib/consistency/tolerance';
import { indicator, text } from '@/lib/consistency/text';
import type { CheckItem, CheckProse, ConsistencyCheck } from '@/lib/consistency/types';
import { WORLD_PARTNER_CODE } from '@/lib/constants';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import { figuresCte, nullableFiguresSchema, fromSources, readStatedSourceIds } from './sql';

// Its title, description, why and tolerance: Consistency.checks.stated-totals in the catalogues.
export const STATED_TOTALS: CheckProse = {
  id: 'stated-totals',
  values: {},
};

/** The total and the four types article 003 lists it as. */
const ESTABLISHMENT_TOTAL = 'diplomatic_establishments_abroad';
const ESTABLISHMENT_TYPES = [
  'embassies_abroad',
  'diplomatic_missions_abroad',
  'consulates_general_abroad',
  'consulates_abroad',
] as const;
/** Total minus the listed types, derived by the dataset's editors: the gap itself, never a part. */
const ESTABLISHMENT_REST = 'diplomatic_establishments_other_abroad';

const KINDS = ['types', 'partners', 'years', 'series'] as const;

const rowSchema = z.object({
  kind: z.enum(KINDS),
  total: figureSchema,
  parts: z.array(figureSchema),
  parts_sum: z.number(),
  rest: nullableFiguresSchema,
});

export async function getStatedTotalsCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getStatedTotalsCheck', null, async () => {
    const statedIds = await readStatedSourceIds();
    return z.array(rowSchema).parse(
      await sql`
        WITH ${figuresCte('obs', sql`o.unit = 'count' AND ${fromSources(statedIds)}`)},
        candidates AS (
          SELECT 'types' AS kind, t.id, x.parts, x.parts_sum, x.rest
          FROM obs t
          CROSS JOIN LATERAL (
            SELECT jsonb_agg(to_jsonb(p) ORDER BY array_position(${[...ESTABLISHMENT_TYPES]}::text[], p.indicator_code))
                     FILTER (WHERE p.indicator_code <> ${ESTABLISHMENT_REST}) AS parts,
                   coalesce(sum(p.abs_value) FILTER (WHERE p.indicator_code <> ${ESTABLISHMENT_REST}), 0)::float8 AS parts_sum,
                   jsonb_agg(to_jsonb(p)) FILTER (WHERE p.indicator_code = ${ESTABLISHMENT_REST}) AS rest,
                   count(*) FILTER (WHERE p.indicator_code <> ${ESTABLISHMENT_REST}) AS n
            FROM obs p
            WHERE p.source_id = t.source_id AND p.reporter_code = t.reporter_code AND p.partner_code = t.partner_code
              AND p.year IS NOT DISTINCT FROM t.year AND p.period = t.period AND p.series_key = t.series_key
              AND p.indicator_code = ANY (${[...ESTABLISHMENT_TYPES, ESTABLISHMENT_REST]}::text[])
          ) x
          WHERE t.indicator_code = ${ESTABLISHMENT_TOTAL} AND x.n > 0
          UNION ALL
          SELECT 'partners', t.id, x.parts, x.parts_sum, NULL
          FROM obs t
          CROSS JOIN LATERAL (
            SELECT jsonb_agg(to_jsonb(p) ORDER BY p.partner_code) AS parts, coalesce(sum(p.abs_value), 0)::float8 AS parts_sum,
                   count(*) AS n
            FROM obs p
            WHERE p.source_id = t.source_id AND p.reporter_code = t.reporter_code AND p.indicator_code = t.indicator_code
              AND p.year IS NOT DISTINCT FROM t.year AND p.period = t.period AND p.series_key = t.series_key
              AND p.partner_code <> t.partner_code
          ) x
          WHERE t.partner_code = ${WORLD_PARTNER_CODE} AND x.n > 0
          UNION ALL
          SELECT 'years', t.id, x.parts, x.parts_sum, NULL
          FROM obs t
          CROSS JOIN LATERAL (
            SELECT jsonb_agg(to_jsonb(p) ORDER BY p.year) AS parts, coalesce(sum(p.abs_value), 0)::float8 AS parts_sum,
                   count(*) AS n
            FROM obs p
            WHERE p.source_id = t.source_id AND p.reporter_code = t.reporter_code AND p.partner_code = t.partner_code
              AND p.indicator_code = t.indicator_code AND p.series_key = t.series_key AND p.period_kind = 'YEAR'
              AND p.period_start::date >= t.period_start::date AND p.period_end::date <= t.period_end::date
          ) x
          WHERE t.period_kind = 'MULTI_YEAR' AND t.period_start IS NOT NULL AND x.n > 0
          UNION ALL
          SELECT 'series', t.id, x.parts, x.parts_sum, NULL
          FROM obs t
          CROSS JOIN LATERAL (
            SELECT jsonb_agg(to_jsonb(p) ORDER BY p.series_key) AS parts, coalesce(sum(p.abs_value), 0)::float8 AS parts_sum,
                   count(*) AS n
            FROM obs p
            WHERE p.source_id = t.source_id AND p.reporter_code = t.reporter_code AND p.partner_code = t.partner_code
              AND p.indicator_code = t.indicator_code AND p.year IS NOT DISTINCT FROM t.year AND p.period = t.period
              AND p.series_key <> ''
          ) x
          WHERE t.series_key = '' AND x.n > 0
        )
        SELECT c.kind, to_jsonb(t) AS total, c.parts, c.parts_sum, c.rest
        FROM candidates c JOIN obs t ON t.id = c.id
        ORDER BY c.kind, t.source_id, t.id`,
    );
  });

  // A total the editors counted from the list would pass by construction: not a check of the source.
  const stated = rows.filter((row) => row.total.derivation !== 'DERIVED');
  const countedFromList = rows.length - stated.length;
  const items = stated.map(partsItem);
  return buildCheck(STATED_TOTALS, {
    items,
    stats: [stat(text('totals.stats.checked'), items.length), stat(text('totals.stats.counted'), countedFromList)],
  });
}

function partsItem(row: z.infer<typeof rowSchema>): CheckItem {
  const { total, parts, rest } = row;
  const assessment = assessStatedParts(toStatedFigure(total), parts.map(toStatedFigure));
  return {
    key: `stated-total:${row.kind}:${total.id}`,
    // The kind is a select in the sentence (ConsistencyItems.totals.title).
    title: text('totals.title', {
      indicator: indicator(total.indicatorCode),
      period: figurePeriod(total),
      source: total.sourceId,
      kind: row.kind,
    }),
    outcome: assessment.outcome,
    values: [
      toCheckValue(total, text('roles.statedTotal')),
      ...parts.map((part) => toCheckValue(part, text('totals.roles.listed'))),
      computedValue({
        role: text('roles.sumOfParts'),
        label: text('totals.sumLabel', { count: parts.length }),
        value: row.parts_sum,
        unit: total.unit,
        period: figurePeriod(total),
        sourceIds: [total.sourceId],
      }),
      ...rest.map((figure) => toCheckValue(figure, text('totals.roles.notCounted'), { note: text('totals.restNote') })),
    ],
    difference: {
      value: total.value - row.parts_sum,
      unit: total.unit,
      relative: relativeDifference(total.value, row.parts_sum),
    },
    ranges: [],
    explanation: text(assessment.outcome === 'fail' ? 'totals.disagree' : 'totals.agree'),
  };
}
