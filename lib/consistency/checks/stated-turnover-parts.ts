// A stated turnover against the exports and imports the same source states for the same period.
import 'server-only';
import { z } from 'zod';
import { buildCheck, stat } from '@/lib/consistency/check';
import {
  computedValue,
  figureLabel,
  figurePeriod,
  figureSchema,
  toCheckValue,
  toStatedFigure,
} from '@/lib/consistency/figure';
import { assessStatedParts } from '@/lib/consistency/outcome';
import { APPROXIMATE_RELATIVE_TOLERANCE, relativeDifference, statedInterval } from '@/lib/consistency/tolerance';
import { text } from '@/lib/consistency/text';
import type { CheckItem, CheckProse, ConsistencyCheck } from '@/lib/consistency/types';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import { figuresCte, fromSources, readStatedSourceIds } from './sql';

// Its title, description, why and tolerance: Consistency.checks.stated-turnover-parts in the catalogues.
export const STATED_TURNOVER_PARTS: CheckProse = {
  id: 'stated-turnover-parts',
  values: { approx: APPROXIMATE_RELATIVE_TOLERANCE * 100 },
};

const rowSchema = z.object({ turnover: figureSchema, export: figureSchema, import: figureSchema });

export async function getStatedTurnoverPartsCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getStatedTurnoverPartsCheck', null, async () => {
    const statedIds = await readStatedSourceIds();
    return z.array(rowSchema).parse(
      await sql`
        WITH ${figuresCte(
          'obs',
          sql`o.indicator_code IN ('export', 'import', 'turnover') AND o.derivation <> 'DERIVED'
              AND ${fromSources(statedIds)}`,
        )}
        SELECT to_jsonb(t) AS turnover, to_jsonb(e) AS export, to_jsonb(i) AS import
        FROM obs t
        JOIN obs e ON e.indicator_code = 'export' AND e.source_id = t.source_id AND e.reporter_code = t.reporter_code
          AND e.partner_code = t.partner_code AND e.year IS NOT DISTINCT FROM t.year AND e.period = t.period
          AND e.series_key = t.series_key AND e.unit = t.unit
        JOIN obs i ON i.indicator_code = 'import' AND i.source_id = t.source_id AND i.reporter_code = t.reporter_code
          AND i.partner_code = t.partner_code AND i.year IS NOT DISTINCT FROM t.year AND i.period = t.period
          AND i.series_key = t.series_key AND i.unit = t.unit
        WHERE t.indicator_code = 'turnover'
        ORDER BY t.source_id, t.year, t.id`,
    );
  });

  const items = rows.map(({ turnover, export: exports, import: imports }): CheckItem => {
    const total = toStatedFigure(turnover);
    const assessment = assessStatedParts(total, [toStatedFigure(exports), toStatedFigure(imports)]);
    const totalRange = statedInterval(total);
    return {
      key: `stated-turnover:${turnover.id}`,
      title: text('titleWithSource', {
        title: figureLabel(turnover),
        period: figurePeriod(turnover),
        source: turnover.sourceId,
      }),
      outcome: assessment.outcome,
      values: [
        toCheckValue(turnover, text('roles.statedTotal')),
        toCheckValue(exports, text('turnoverParts.roles.part')),
        toCheckValue(imports, text('turnoverParts.roles.part')),
        computedValue({
          role: text('roles.sumOfParts'),
          label: text('turnoverParts.sumLabel'),
          value: assessment.partsSum,
          unit: turnover.unit,
          period: figurePeriod(turnover),
          sourceIds: [turnover.sourceId],
        }),
      ],
      difference: {
        value: assessment.difference,
        unit: turnover.unit,
        relative: relativeDifference(turnover.value, assessment.partsSum),
      },
      ranges: [
        {
          label: text('turnoverParts.range'),
          low: totalRange.low,
          high: Number.isFinite(totalRange.high) ? totalRange.high : null,
          unit: turnover.unit,
        },
      ],
      explanation: text(
        assessment.agreement === 'rounding'
          ? 'turnoverParts.rounding'
          : assessment.agreement === 'truncation'
            ? 'turnoverParts.truncation'
            : 'turnoverParts.disagree',
      ),
    };
  });

  return buildCheck(STATED_TURNOVER_PARTS, { items, stats: [stat(text('turnoverParts.stats.totals'), items.length)] });
}
