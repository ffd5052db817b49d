// Kazakhstan's total with the world in the official series against the bureau's monthly totals.
import 'server-only';
import { z } from 'zod';
import { buildCheck, stat } from '@/lib/consistency/check';
import { figurePeriod, figureSchema, toCheckValue, type Figure } from '@/lib/consistency/figure';
import { agreesWithin, relativeDifference, WORLD_TOTAL_RELATIVE_TOLERANCE } from '@/lib/consistency/tolerance';
import { proseNumber, seriesText } from '@/lib/consistency/labels';
import { text } from '@/lib/consistency/text';
import type { CheckItem, CheckProse, ConsistencyCheck } from '@/lib/consistency/types';
import { BNS_MONTHLY_SOURCE_ID, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import { monthlySumsCte, officialFigures } from './sql';

const PCT = WORLD_TOTAL_RELATIVE_TOLERANCE * 100;

// Its title, description, why and tolerance: Consistency.checks.world-total in the catalogues.
export const WORLD_TOTAL: CheckProse = {
  id: 'world-total',
  values: { pct: PCT },
};

const rowSchema = z.object({ official: figureSchema, monthly: figureSchema, publisher_matches: z.boolean() });

export async function getWorldTotalCheck(input: { reporter?: string } = {}): Promise<ConsistencyCheck> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const rows = await runQuery('getWorldTotalCheck', input, async () =>
    z.array(rowSchema).parse(
      await sql`
        WITH official AS (
          ${officialFigures(
            sql`os.reporter_code = ${reporter} AND os.partner_code = ${WORLD_PARTNER_CODE}
                AND os.indicator_code IN ('export', 'import', 'turnover')`,
          )}
        ),
        windows AS (
          SELECT o.indicator_code, o.year, 'FY'::text AS period, 'YEAR'::text AS period_kind,
                 make_date(o.year, 1, 1) AS window_start, make_date(o.year, 12, 31) AS window_end, 12 AS expected_months
          FROM official o
        ),
        ${monthlySumsCte(reporter)}
        SELECT to_jsonb(o) AS official, to_jsonb(m) AS monthly,
               -- The same office published both: the bureau's partner table (or its sums) and its monthly totals.
               coalesce((SELECT sp.publisher = sm.publisher FROM source sp, source sm
                          WHERE sp.id = o.source_id AND sm.id = ${BNS_MONTHLY_SOURCE_ID}), false) AS publisher_matches
        FROM official o
        JOIN monthly_sums m ON m.indicator_code = o.indicator_code AND m.year = o.year
        ORDER BY o.year, o.indicator_code`,
    ),
  );

  const items = rows.map((row) => worldItem(row.official, row.monthly, row.publisher_matches));
  const graded = items.filter((item) => item.outcome !== 'info').length;
  return buildCheck(WORLD_TOTAL, {
    items,
    stats: [
      stat(text('worldTotal.stats.compared'), items.length),
      stat(text('worldTotal.stats.graded', { pct: proseNumber(PCT) }), graded),
    ],
  });
}

function worldItem(official: Figure, monthly: Figure, sameOffice: boolean): CheckItem {
  const relative = relativeDifference(monthly.value, official.value);
  const within = agreesWithin(official.value, monthly.value, WORLD_TOTAL_RELATIVE_TOLERANCE);
  const outcome = sameOffice ? (within ? 'pass' : 'review') : 'info';
  return {
    key: `world-total:${official.indicatorCode}:${official.year ?? ''}`,
    title: text('titleWithPeriod', {
      title: seriesText(official.reporterCode, official.partnerCode, official.indicatorCode),
      period: figurePeriod(official),
    }),
    outcome,
    values: [
      toCheckValue(official, text('roles.shownOfficial'), { preferred: true }),
      toCheckValue(monthly, text('worldTotal.monthlySum'), { relativeToReference: relative }),
    ],
    difference: { value: monthly.value - official.value, unit: official.unit, relative },
    ranges: [],
    explanation: !sameOffice
      ? text('worldTotal.otherCompiler', { source: official.sourceId })
      : text(within ? 'worldTotal.agree' : 'worldTotal.differ', { pct: proseNumber(PCT) }),
  };
}
