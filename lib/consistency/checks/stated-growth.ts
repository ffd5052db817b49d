// Stated growth against the growth recomputed from stored values.
import 'server-only';
import { z } from 'zod';
import { buildCheck, EU_NOTE, involvesEu, stat } from '@/lib/consistency/check';
import {
  computedValue,
  figurePeriod,
  figureSchema,
  toCheckValue,
  toStatedFigure,
  type Figure,
} from '@/lib/consistency/figure';
import { periodLabel, seriesLabel } from '@/lib/consistency/labels';
import { assessGrowth } from '@/lib/consistency/outcome';
import { isUsableBase, preferenceReason, rankFigures } from '@/lib/consistency/preference';
import type { CheckItem, CheckProse, CheckValue, ConsistencyCheck } from '@/lib/consistency/types';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import {
  codesOfKey,
  figureColumns,
  figuresCte,
  nullableFiguresSchema,
  officialSeriesFigureColumns,
  fromSources,
  readStatedSourceIds,
} from './sql';

// Its title, description, why and tolerance: Consistency.checks.stated-growth in the catalogues.
export const STATED_GROWTH: CheckProse = {
  id: 'stated-growth',
  values: {},
};

const growthRowSchema = z.object({
  stated: figureSchema,
  candidates: nullableFiguresSchema,
  other_period_rows: z.number().int(),
});

export async function getStatedGrowthCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getStatedGrowthCheck', null, async () => {
    const statedIds = await readStatedSourceIds();
    return z.array(growthRowSchema).parse(
      await sql`
        WITH ${figuresCte(
          'stated',
          // Growth rates are stated by news and official pages: read through the source index.
          sql`o.stated_growth_pct IS NOT NULL AND ${fromSources(statedIds)}`,
        )}
        SELECT to_jsonb(s) AS stated,
               (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.source_id, c.id) FROM (
                  SELECT ${figureColumns()}
                  FROM observation o JOIN source src ON src.id = o.source_id
                  WHERE o.reporter_code = ANY (${codesOfKey(sql`s.reporter_key`)}) AND o.indicator_code = s.indicator_code
                    AND o.year = s.year - 1 AND o.partner_code = ANY (${codesOfKey(sql`s.partner_key`)})
                    AND o.period = s.period AND o.series_key = s.series_key
                  UNION ALL
                  -- The official series' own totals (no observation behind them) as full-year bases.
                  SELECT ${officialSeriesFigureColumns('os')}
                  FROM official_series os
                  WHERE s.period = 'FY' AND os.observation_id IS NULL AND os.reporter_code = s.reporter_key
                    AND os.indicator_code = s.indicator_code AND os.year = s.year - 1 AND os.partner_code = s.partner_key
                ) c) AS candidates,
               -- Figures of the base year for other periods (full years, other windows): never used, only counted.
               (SELECT count(*) FROM observation f
                 WHERE f.reporter_code = ANY (${codesOfKey(sql`s.reporter_key`)}) AND f.indicator_code = s.indicator_code
                   AND f.year = s.year - 1 AND f.partner_code = ANY (${codesOfKey(sql`s.partner_key`)})
                   AND f.series_key = s.series_key AND f.period <> s.period)::int AS other_period_rows
        FROM stated s
        ORDER BY s.source_id, s.year, s.id`,
    );
  });
  return buildGrowthCheck(rows);
}

function buildGrowthCheck(rows: z.infer<typeof growthRowSchema>[]): ConsistencyCheck {
  const items = rows.map(({ stated, candidates, other_period_rows: otherPeriodRows }) =>
    growthItem(stated, candidates, otherPeriodRows),
  );
  const counts = { checked: 0, notCheckable: 0 };
  for (const item of items) {
    if (item.outcome === 'pass' || item.outcome === 'fail') counts.checked += 1;
    if (item.outcome === 'not_checkable') counts.notCheckable += 1;
  }
  return buildCheck(STATED_GROWTH, {
    items,
    stats: [
      stat('stated growth rates', items.length),
      stat('checked', counts.checked),
      stat('without a stored base', counts.notCheckable),
    ],
  });
}

function growthItem(stated: Figure, candidates: readonly Figure[], otherPeriodRows: number): CheckItem {
  const implied = candidates.filter((c) => !isUsableBase(c));
  const otherUnit = candidates.filter((c) => isUsableBase(c) && c.unit !== stated.unit);
  const usable = rankFigures(candidates.filter((c) => isUsableBase(c) && c.unit === stated.unit));
  const base = usable[0] ?? null;
  const growth = stated.statedGrowthPct ?? 0;
  const assessment = assessGrowth({
    current: toStatedFigure(stated),
    base: base ? toStatedFigure(base) : null,
    statedGrowthPct: growth,
    statedGrowthDecimals: stated.growthDecimals ?? 0,
  });

  const baseYear = stated.year === null ? null : stated.year - 1;
  const basePeriod = periodLabel(baseYear, stated.period);
  const values: CheckValue[] = [
    toCheckValue(stated, 'stated figure', { note: 'Carries the stated growth rate.' }),
    computedValue({
      role: 'stated growth',
      label: 'Growth as stated by the source',
      value: growth,
      unit: 'percent',
      period: `${figurePeriod(stated)} on ${basePeriod}`,
      sourceIds: [stated.sourceId],
      derivation: null,
    }),
  ];
  if (base) {
    const second = usable[1];
    values.push(
      toCheckValue(base, 'base (used)', {
        preferred: true,
        note: [
          second ? preferenceReason(base, second) : 'The only like-for-like base stored.',
          involvesEu(stated) || involvesEu(base) ? EU_NOTE : null,
        ]
          .filter(Boolean)
          .join(' '),
      }),
      computedValue({
        role: 'recomputed growth',
        label: 'Growth recomputed from the two stored values',
        value: assessment.recomputedPct,
        unit: 'percent',
        period: `${figurePeriod(stated)} on ${basePeriod}`,
        sourceIds: [stated.sourceId, base.sourceId],
      }),
    );
    for (const other of usable.slice(1))
      values.push(toCheckValue(other, 'other base (not used)', { note: preferenceReason(base, other) }));
  }
  for (const figure of implied) {
    values.push(
      toCheckValue(figure, 'excluded: implied by the stated growth', {
        note: `Worked back from the growth stated for the next period${figure.derivationNote ? ` (${figure.derivationNote})` : ''}; a growth computed against it would only give the stated growth back.`,
      }),
    );
  }
  for (const figure of otherUnit) {
    values.push(
      toCheckValue(figure, 'excluded: other currency', {
        note: 'Growth in another currency mixes in the exchange-rate change; not like-for-like.',
      }),
    );
  }

  const series = seriesLabel(stated.reporterCode, stated.partnerCode, stated.indicatorCode);
  const notStored = `No like-for-like base is stored: the check needs ${series} for ${basePeriod} in ${stated.unit}${
    implied.length > 0
      ? ` that was not worked back from the stated growth (${implied.map((f) => f.sourceId).join(', ')} only restates it)`
      : ''
  }.`;
  const otherPeriods =
    otherPeriodRows > 0
      ? ` ${otherPeriodRows} figure(s) of ${baseYear ?? 'the base year'} for other periods (e.g. full years) exist and are deliberately not used.`
      : '';
  const explanation =
    assessment.outcome === 'not_checkable'
      ? `${notStored}${otherPeriods}`
      : assessment.outcome === 'pass'
        ? `The growth recomputed from the stored values is compatible with the stated growth once the rounding of the three published numbers is allowed for.${otherPeriods}`
        : `The stated growth cannot be obtained from the stored values, even allowing for the rounding of the three published numbers.${otherPeriods}`;

  return {
    key: `growth:${stated.id}`,
    title: `${series}, ${figurePeriod(stated)}: stated growth on ${basePeriod}`,
    outcome: assessment.outcome,
    values,
    difference:
      assessment.differencePp === null ? null : { value: assessment.differencePp, unit: 'pp', relative: null },
    ranges: [
      { label: 'Stated growth, as rounded', ...assessment.statedRange, unit: 'percent' },
      ...(assessment.recomputedRange
        ? [
            {
              label: 'Growth compatible with the rounding of both values',
              ...assessment.recomputedRange,
              unit: 'percent',
            },
          ]
        : []),
    ],
    explanation,
  };
}
