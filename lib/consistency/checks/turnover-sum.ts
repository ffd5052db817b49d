// Derived turnover = export + import, for every derived turnover row of every source.
import 'server-only';
import { z } from 'zod';
import { buildCheck, stat } from '@/lib/consistency/check';
import {
  computedValue,
  derivationNoteOf,
  figureLabel,
  figurePeriod,
  figureSchema,
  toCheckValue,
  type Figure,
} from '@/lib/consistency/figure';
import { proseNumber } from '@/lib/consistency/labels';
import { text } from '@/lib/consistency/text';
import { COMPUTED_SUM_RELATIVE_TOLERANCE, relativeDifference } from '@/lib/consistency/tolerance';
import type { CheckItem, CheckProse, ConsistencyCheck } from '@/lib/consistency/types';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import { figuresCte, readOfficialSourceIds, readStatedSourceIds } from './sql';

// Its title, description, why and tolerance: Consistency.checks.turnover-sum in the catalogues.
export const TURNOVER_SUM: CheckProse = {
  id: 'turnover-sum',
  values: { tolerance: COMPUTED_SUM_RELATIVE_TOLERANCE },
};

/** At most this many mismatching or unpaired rows are listed; the counts are always complete. */
const MAX_LISTED_ROWS = 50;

const perSourceSchema = z.object({
  source_id: z.string(),
  derived_rows: z.number().int(),
  checked: z.number().int(),
  mismatches: z.number().int(),
  max_relative: z.number().nullable(),
});

const listedSchema = z.object({
  kind: z.enum(['mismatch', 'unpaired']),
  turnover: figureSchema,
  export: figureSchema.nullable(),
  import: figureSchema.nullable(),
  parts_sum: z.number().nullable(),
});

/**
 * Derived turnover rows with the export and import rows of the same source, reporter, partner,
 * period and unit: two probes of the natural-key index per row; sums in exact numeric.
 */
const turnoverPairs = (sourceIds: readonly string[]) => sql`
  pairs AS MATERIALIZED (
    SELECT t.id AS turnover_id, t.source_id, e.id AS export_id, i.id AS import_id,
           t.value * power(10::numeric, t.scale) AS total,
           e.value * power(10::numeric, e.scale) + i.value * power(10::numeric, i.scale) AS parts_sum
    FROM observation t
    LEFT JOIN observation e ON e.source_id = t.source_id AND e.reporter_code = t.reporter_code AND e.partner_code = t.partner_code
      AND e.indicator_code = 'export' AND e.period_key = t.period_key AND e.series_key = t.series_key AND e.unit = t.unit
    LEFT JOIN observation i ON i.source_id = t.source_id AND i.reporter_code = t.reporter_code AND i.partner_code = t.partner_code
      AND i.indicator_code = 'import' AND i.period_key = t.period_key AND i.series_key = t.series_key AND i.unit = t.unit
    WHERE t.source_id = ANY (${[...sourceIds]}::text[]) AND t.indicator_code = 'turnover' AND t.derivation = 'DERIVED'
  )`;

const isMismatch = () => sql`export_id IS NOT NULL AND import_id IS NOT NULL
  AND abs(total - parts_sum) > ${COMPUTED_SUM_RELATIVE_TOLERANCE}::numeric * abs(total)`;

export async function getTurnoverSumCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getTurnoverSumCheck', null, async () => {
    const sourceIds = [...(await readOfficialSourceIds()), ...(await readStatedSourceIds())];
    return z
      .object({ per_source: z.array(perSourceSchema).nullable(), listed: z.array(listedSchema).nullable() })
      .parse(
        (
          await sql`
            WITH ${turnoverPairs(sourceIds)},
            per_source AS (
              SELECT source_id, count(*)::int AS derived_rows,
                     count(*) FILTER (WHERE export_id IS NOT NULL AND import_id IS NOT NULL)::int AS checked,
                     count(*) FILTER (WHERE ${isMismatch()})::int AS mismatches,
                     max(abs(total - parts_sum) / NULLIF(abs(total), 0))::float8 AS max_relative
              FROM pairs GROUP BY source_id
            ),
            listed AS (
              (SELECT 'mismatch' AS kind, p.* FROM pairs p WHERE ${isMismatch()}
                ORDER BY abs(total - parts_sum) DESC LIMIT ${MAX_LISTED_ROWS})
              UNION ALL
              (SELECT 'unpaired' AS kind, p.* FROM pairs p WHERE export_id IS NULL OR import_id IS NULL
                ORDER BY source_id, turnover_id LIMIT ${MAX_LISTED_ROWS})
            ),
            ${figuresCte(
              'obs',
              sql`o.id IN (SELECT turnover_id FROM listed UNION SELECT export_id FROM listed UNION SELECT import_id FROM listed)`,
            )}
            SELECT
              (SELECT jsonb_agg(to_jsonb(s) ORDER BY s.source_id) FROM per_source s) AS per_source,
              (SELECT jsonb_agg(jsonb_build_object(
                        'kind', l.kind, 'turnover', to_jsonb(t),
                        -- An unmatched outer-join row is a row of NULLs, not a NULL: say null.
                        'export', CASE WHEN e.id IS NULL THEN NULL ELSE to_jsonb(e) END,
                        'import', CASE WHEN i.id IS NULL THEN NULL ELSE to_jsonb(i) END,
                        'parts_sum', l.parts_sum::float8) ORDER BY l.kind, l.source_id, l.turnover_id)
               FROM listed l
               JOIN obs t ON t.id = l.turnover_id::text
               LEFT JOIN obs e ON e.id = l.export_id::text
               LEFT JOIN obs i ON i.id = l.import_id::text) AS listed`
        )[0],
      );
  });
  const perSource = rows.per_source ?? [];
  const listed = rows.listed ?? [];

  const items: CheckItem[] = [];
  for (const source of perSource.filter((s) => s.checked > 0)) {
    items.push({
      key: `turnover-sum:source:${source.source_id}`,
      title: text('turnoverSum.sourceTitle', { source: source.source_id }),
      outcome: source.mismatches === 0 ? 'pass' : 'fail',
      values: [
        computedValue({
          role: text('turnoverSum.roles.checked'),
          label: text('turnoverSum.checkedLabel'),
          value: source.checked,
          unit: 'count',
          period: text('common.allPeriods'),
          sourceIds: [source.source_id],
          derivation: null,
        }),
        computedValue({
          role: text('turnoverSum.roles.mismatches'),
          label: text('turnoverSum.mismatchesLabel'),
          value: source.mismatches,
          unit: 'count',
          period: text('common.allPeriods'),
          sourceIds: [source.source_id],
          derivation: null,
        }),
        computedValue({
          role: text('roles.largestDifference'),
          label: text('turnoverSum.largestLabel'),
          value: source.max_relative,
          unit: 'ratio',
          period: text('common.allPeriods'),
          sourceIds: [source.source_id],
          derivation: null,
        }),
      ],
      difference: null,
      ranges: [],
      explanation:
        source.mismatches === 0
          ? text('turnoverSum.allEqual')
          : text('turnoverSum.someDiffer', { tolerance: proseNumber(COMPUTED_SUM_RELATIVE_TOLERANCE) }),
    });
  }
  for (const row of listed) {
    if (row.kind === 'mismatch') {
      const partsSum = row.parts_sum ?? 0;
      items.push({
        key: `turnover-sum:${row.turnover.id}`,
        title: titleOf(row.turnover),
        outcome: 'fail',
        values: [
          toCheckValue(row.turnover, text('turnoverSum.roles.stored')),
          ...(row.export ? [toCheckValue(row.export, text('turnoverSum.roles.export'))] : []),
          ...(row.import ? [toCheckValue(row.import, text('turnoverSum.roles.import'))] : []),
          computedValue({
            role: text('turnoverSum.roles.sum'),
            label: text('turnoverSum.sumLabel'),
            value: partsSum,
            unit: row.turnover.unit,
            period: figurePeriod(row.turnover),
            sourceIds: [row.turnover.sourceId],
          }),
        ],
        difference: {
          value: row.turnover.value - partsSum,
          unit: row.turnover.unit,
          relative: relativeDifference(row.turnover.value, partsSum),
        },
        ranges: [],
        explanation: text('turnoverSum.notTheSum'),
      });
    } else {
      items.push({
        key: `turnover-sum:other:${row.turnover.id}`,
        title: titleOf(row.turnover),
        outcome: 'info',
        values: [
          toCheckValue(row.turnover, text('turnoverSum.roles.derived'), { note: derivationNoteOf(row.turnover) }),
        ],
        difference: null,
        ranges: [],
        explanation: text('turnoverSum.derivedOtherwise'),
      });
    }
  }

  const total = (pick: (s: z.infer<typeof perSourceSchema>) => number) =>
    perSource.reduce((sum, source) => sum + pick(source), 0);
  const checked = total((s) => s.checked);
  const mismatches = total((s) => s.mismatches);
  return buildCheck(TURNOVER_SUM, {
    items,
    outcome: checked === 0 ? 'not_checkable' : mismatches > 0 ? 'fail' : 'pass',
    stats: [
      stat(
        text('turnoverSum.stats.derived'),
        total((s) => s.derived_rows),
      ),
      stat(text('turnoverSum.stats.checked'), checked),
      stat(text('turnoverSum.stats.mismatches'), mismatches),
    ],
  });
}

const titleOf = (figure: Figure) =>
  text('titleWithPeriod', { title: figureLabel(figure), period: figurePeriod(figure) });
