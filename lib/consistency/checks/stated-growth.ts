// Stated growth against the growth recomputed from stored values.
import 'server-only';
import { z } from 'zod';
import { buildCheck, EU_NOTE, involvesEu, stat } from '@/lib/consistency/check';
import {
  computedValue,
  derivationNoteOf,
  figurePeriod,
  figureSchema,
  toCheckValue,
  toStatedFigure,
  type Figure,
} from '@/lib/consistency/figure';
import { seriesText } from '@/lib/consistency/labels';
import { assessGrowth } from '@/lib/consistency/outcome';
import { isUsableBase, preferenceReason, rankFigures } from '@/lib/consistency/preference';
import { list, period, text, type TextArg } from '@/lib/consistency/text';
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
      stat(text('growth.stats.stated'), items.length),
      stat(text('growth.stats.checked'), counts.checked),
      stat(text('growth.stats.noBase'), counts.notCheckable),
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
  const basePeriod = period(baseYear, stated.period);
  const onBase = text('growth.onBase', { period: figurePeriod(stated), base: basePeriod });
  const values: CheckValue[] = [
    toCheckValue(stated, text('growth.roles.stated'), { note: text('growth.carriesRate') }),
    computedValue({
      role: text('growth.roles.statedGrowth'),
      label: text('growth.statedLabel'),
      value: growth,
      unit: 'percent',
      period: onBase,
      sourceIds: [stated.sourceId],
      derivation: null,
    }),
  ];
  if (base) {
    const second = usable[1];
    const notes: TextArg[] = [second ? preferenceReason(base, second) : text('growth.onlyBase')];
    if (involvesEu(stated) || involvesEu(base)) notes.push(EU_NOTE);
    values.push(
      toCheckValue(base, text('growth.roles.base'), { preferred: true, note: list(notes, ' ') }),
      computedValue({
        role: text('growth.roles.recomputed'),
        label: text('growth.recomputedLabel'),
        value: assessment.recomputedPct,
        unit: 'percent',
        period: onBase,
        sourceIds: [stated.sourceId, base.sourceId],
      }),
    );
    for (const other of usable.slice(1))
      values.push(toCheckValue(other, text('growth.roles.otherBase'), { note: preferenceReason(base, other) }));
  }
  for (const figure of implied) {
    const editorNote = derivationNoteOf(figure);
    values.push(
      toCheckValue(figure, text('growth.roles.implied'), {
        note: editorNote ? list([text('growth.workedBack'), editorNote], ' ') : text('growth.workedBack'),
      }),
    );
  }
  for (const figure of otherUnit) {
    values.push(toCheckValue(figure, text('growth.roles.otherCurrency'), { note: text('growth.otherCurrency') }));
  }

  const series = seriesText(stated.reporterCode, stated.partnerCode, stated.indicatorCode);
  const notStored = text(implied.length > 0 ? 'growth.notStoredImplied' : 'growth.notStored', {
    series,
    base: basePeriod,
    unit: stated.unit,
    sources: implied.map((f) => f.sourceId).join(', '),
  });
  const otherPeriods =
    otherPeriodRows > 0
      ? text('growth.otherPeriods', {
          count: otherPeriodRows,
          year: baseYear === null ? text('growth.theBaseYear') : String(baseYear),
        })
      : null;
  const withOthers = (first: TextArg) => (otherPeriods ? list([first, otherPeriods], ' ') : first);
  const explanation =
    assessment.outcome === 'not_checkable'
      ? withOthers(notStored)
      : withOthers(text(assessment.outcome === 'pass' ? 'growth.compatible' : 'growth.incompatible'));

  return {
    key: `growth:${stated.id}`,
    title: text('growth.title', { series, period: figurePeriod(stated), base: basePeriod }),
    outcome: assessment.outcome,
    values,
    difference:
      assessment.differencePp === null ? null : { value: assessment.differencePp, unit: 'pp', relative: null },
    ranges: [
      { label: text('growth.statedRange'), ...assessment.statedRange, unit: 'percent' },
      ...(assessment.recomputedRange
        ? [
            {
              label: text('growth.compatibleRange'),
              ...assessment.recomputedRange,
              unit: 'percent',
            },
          ]
        : []),
    ],
    explanation,
  };
}
