// A share of Kazakhstan's turnover stated by a source against the share recomputed from stored values.
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
  type Figure,
} from '@/lib/consistency/figure';
import { seriesText } from '@/lib/consistency/labels';
import { text } from '@/lib/consistency/text';
import { rankFigures } from '@/lib/consistency/preference';
import { APPROXIMATE_RELATIVE_TOLERANCE, overlaps, statedInterval } from '@/lib/consistency/tolerance';
import type { CheckItem, CheckProse, CheckValue, ConsistencyCheck } from '@/lib/consistency/types';
import { BNS_MONTHLY_SOURCE_ID, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import {
  codesOfKey,
  figureColumns,
  figuresCte,
  monthlySumsCte,
  monthsBetween,
  nullableFiguresSchema,
  officialFigures,
} from './sql';

// Its title, description, why and tolerance: Consistency.checks.turnover-share in the catalogues.
export const TURNOVER_SHARE: CheckProse = {
  id: 'turnover-share',
  values: { approx: APPROXIMATE_RELATIVE_TOLERANCE * 100 },
};

const rowSchema = z.object({
  share: figureSchema,
  numerators: nullableFiguresSchema,
  world: nullableFiguresSchema,
});

export async function getTurnoverShareCheck(input: { reporter?: string } = {}): Promise<ConsistencyCheck> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const rows = await runQuery('getTurnoverShareCheck', input, async () =>
    z.array(rowSchema).parse(
      await sql`
        WITH ${figuresCte('shares', sql`o.indicator_code = 'turnover_share_pct' AND o.reporter_code = ${reporter}`)},
        windows AS (
          SELECT DISTINCT f.flow AS indicator_code, s.year, s.period, s.period_kind,
                 s.period_start::date AS window_start, s.period_end::date AS window_end,
                 ${monthsBetween(sql`s.period_start::date`, sql`s.period_end::date`)} AS expected_months
          FROM shares s CROSS JOIN (VALUES ('export'), ('import'), ('turnover')) AS f(flow)
          WHERE s.period <> 'FY' AND s.period_start IS NOT NULL AND s.period_end IS NOT NULL
        ),
        ${monthlySumsCte(reporter)}
        SELECT to_jsonb(s) AS share,
               -- Full years: the official series' partner value; part-years: the same source's.
               (SELECT jsonb_agg(to_jsonb(t) ORDER BY t.id) FROM (
                  ${officialFigures(
                    sql`s.period = 'FY' AND os.reporter_code = ${reporter} AND os.partner_code = s.partner_key
                        AND os.indicator_code = 'turnover' AND os.year = s.year`,
                  )}
                  UNION ALL
                  SELECT ${figureColumns()} FROM observation o JOIN source src ON src.id = o.source_id
                  WHERE s.period <> 'FY' AND o.source_id = s.source_id AND o.reporter_code = ${reporter}
                    AND o.indicator_code = 'turnover' AND o.year = s.year
                    AND o.partner_code = ANY (${codesOfKey(sql`s.partner_key`)}) AND o.period = s.period
                    AND o.series_key = '' AND o.unit = 'USD'
                ) t) AS numerators,
               (SELECT jsonb_agg(to_jsonb(w) ORDER BY w.indicator_code) FROM (
                  SELECT * FROM monthly_sums m WHERE s.period <> 'FY' AND m.year = s.year AND m.period = s.period
                  UNION ALL
                  ${officialFigures(
                    sql`s.period = 'FY' AND os.reporter_code = ${reporter} AND os.partner_code = ${WORLD_PARTNER_CODE}
                        AND os.indicator_code = 'turnover' AND os.year = s.year`,
                  )}
                ) w) AS world
        FROM shares s
        ORDER BY s.source_id, s.year, s.id`,
    ),
  );

  const items = rows.map(({ share, numerators, world }) => shareItem(share, numerators, world));
  return buildCheck(TURNOVER_SHARE, { items, stats: [stat(text('share.stats.stated'), items.length)] });
}

function shareItem(share: Figure, numerators: readonly Figure[], world: readonly Figure[]): CheckItem {
  const numerator = rankFigures(numerators)[0] ?? null;
  const worldTurnover = world.find((figure) => figure.indicatorCode === 'turnover') ?? null;
  const stated = statedInterval(toStatedFigure(share));
  const fullYear = share.period === 'FY';
  const values: CheckValue[] = [toCheckValue(share, text('share.roles.stated'))];
  if (numerator)
    values.push(toCheckValue(numerator, text(fullYear ? 'share.roles.partnerOfficial' : 'share.roles.partnerSame')));
  for (const figure of world)
    values.push(toCheckValue(figure, text('share.roles.kazTotal', { flow: figure.indicatorCode })));
  const title = text('titleWithSource', {
    title: figureLabel(share),
    period: figurePeriod(share),
    source: share.sourceId,
  });
  if (!numerator || !worldTurnover || !(worldTurnover.value > 0)) {
    return {
      key: `share:${share.id}`,
      title,
      outcome: 'not_checkable',
      values,
      difference: null,
      ranges: [],
      explanation: !numerator
        ? text(fullYear ? 'share.noPartnerOfficial' : 'share.noPartnerSame', {
            series: seriesText(share.reporterCode, share.partnerCode, 'turnover'),
            period: figurePeriod(share),
          })
        : text('share.noTotal', { period: figurePeriod(share) }),
    };
  }
  const recomputed = (numerator.value / worldTurnover.value) * 100;
  const numeratorRange = statedInterval(toStatedFigure(numerator));
  const recomputedRange = {
    low: (numeratorRange.low / worldTurnover.value) * 100,
    high: (numeratorRange.high / worldTurnover.value) * 100,
  };
  const outcome = overlaps(recomputedRange, stated) ? 'pass' : 'fail';
  values.push(
    computedValue({
      role: text('share.roles.recomputed'),
      label: text('share.recomputedLabel'),
      value: recomputed,
      unit: 'percent',
      period: figurePeriod(share),
      sourceIds: [numerator.sourceId, fullYear ? worldTurnover.sourceId : BNS_MONTHLY_SOURCE_ID],
    }),
  );
  return {
    key: `share:${share.id}`,
    title,
    outcome,
    values,
    difference: { value: recomputed - share.value, unit: 'pp', relative: null },
    ranges: [
      {
        label: text('share.statedRange', { qualifier: share.qualifier }),
        low: stated.low,
        high: Number.isFinite(stated.high) ? stated.high : null,
        unit: 'percent',
      },
      {
        label: text('share.compatibleRange'),
        low: recomputedRange.low,
        high: recomputedRange.high,
        unit: 'percent',
      },
    ],
    explanation: text(outcome === 'pass' ? 'share.within' : 'share.outside'),
  };
}
