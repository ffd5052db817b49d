import 'server-only';
import { cachedQuery } from '@/lib/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  BNS_BY_PARTNER_SOURCE_ID,
  BNS_MONTHLY_SOURCE_ID,
  BNS_EU27_SOURCE_ID,
  EU27_COMPOSITION_FROM_YEAR,
  EU27_CODE,
  EU_CODE,
  REPORTER_KAZ,
  WORLD_PARTNER_CODE,
} from '@/lib/constants';
import {
  computedValue,
  figureLabel,
  figurePeriod,
  figureSchema,
  toCheckValue,
  toStatedFigure,
  type Figure,
} from '@/lib/consistency/figure';
import { periodLabel, seriesLabel } from '@/lib/consistency/labels';
import {
  assessComputedSum,
  assessGrowth,
  assessStatedParts,
  combineOutcomes,
  countOutcomes,
} from '@/lib/consistency/outcome';
import { isOfficialStatistics, preferenceReason, rankFigures } from '@/lib/consistency/preference';
import {
  APPROXIMATE_RELATIVE_TOLERANCE,
  COMPUTED_SUM_RELATIVE_TOLERANCE,
  OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE,
  overlaps,
  relativeDifference,
  roundingHalfWidth,
  statedInterval,
} from '@/lib/consistency/tolerance';
import type {
  CheckItem,
  CheckOutcome,
  CheckStat,
  CheckValue,
  ConsistencyCheck,
  ConsistencyReport,
} from '@/lib/consistency/types';
import { runQuery } from './run-query';

// Every check reads the database afresh on each call and computes its comparisons in PostgreSQL:
// sums, counts and window totals are SQL aggregates, and only the few figures a table shows come
// back. The pure rules (tolerances, outcomes, which source is preferred) live in lib/consistency.

const TRADE_FLOWS = ['export', 'import', 'turnover'] as const;

/** Partner-reported figures from IMF DOTS are listed only for partners this large (USD). */
const MIRROR_MIN_TURNOVER_USD = 1e9;

/** At most this many mismatching rows are listed; the count is always complete. */
const MAX_LISTED_ROWS = 50;

const EU_NOTE =
  'AGG_EU (IMF DOTS, articles) and AGG_EU27 (the BNS sum, news) are taken as the same 27-member composition from 2020, after the UK left on 31 January 2020.';

// ---------------------------------------------------------------------------------------------
// SQL building blocks

/**
 * The observations as every check reads them: absolute value (value × 10^scale), decimals as
 * published, and reporter/partner keys that fold AGG_EU into AGG_EU27 from 2020 on, so that "the
 * same partner" means the same composition. `where` narrows the rows (constant SQL, no input).
 */
function observationsCte(where: Prisma.Sql = Prisma.sql`TRUE`): Prisma.Sql {
  return Prisma.sql`obs AS (
    SELECT o.id::text AS id, o.source_id, s.kind::text AS source_kind,
           o.reporter_code, o.partner_code, o.indicator_code, o.year, o.period, o.period_kind::text AS period_kind,
           to_char(o.period_start, 'YYYY-MM-DD') AS period_start, to_char(o.period_end, 'YYYY-MM-DD') AS period_end,
           o.series_key, o.unit, o.scale::int AS scale, o.value::text AS value_text, scale(o.value)::int AS decimals,
           (o.value * power(10::numeric, o.scale))::float8 AS abs_value,
           o.qualifier::text AS qualifier, o.derivation::text AS derivation, o.is_estimate, o.flag,
           o.stated_growth_pct::float8 AS stated_growth_pct, scale(o.stated_growth_pct)::int AS growth_decimals,
           o.derivation_note,
           CASE WHEN o.reporter_code IN (${EU_CODE}::text, ${EU27_CODE}::text) AND o.year >= ${EU27_COMPOSITION_FROM_YEAR}::int
                THEN ${EU27_CODE}::text ELSE o.reporter_code END AS reporter_key,
           CASE WHEN o.partner_code IN (${EU_CODE}::text, ${EU27_CODE}::text) AND o.year >= ${EU27_COMPOSITION_FROM_YEAR}::int
                THEN ${EU27_CODE}::text ELSE o.partner_code END AS partner_key,
           false AS is_computed
    FROM observation o
    JOIN source s ON s.id = o.source_id
    WHERE ${where}
  )`;
}

/**
 * Kazakhstan's total exports, imports and turnover over each window of a `windows` CTE
 * (indicator_code, year, period, period_kind, window_start, window_end, expected_months), summed
 * from the bureau's single-month totals. A window is only returned when every month is stored:
 * a missing month is never read as zero. The rows have the columns of `obs`.
 */
const MONTHLY_SUMS_CTE = Prisma.sql`monthly_sums AS MATERIALIZED (
    SELECT ('monthly-sum:' || w.indicator_code || ':' || w.year || ':' || w.period) AS id,
           ${BNS_MONTHLY_SOURCE_ID}::text AS source_id, 'STATISTICAL_DATASET'::text AS source_kind,
           ${REPORTER_KAZ}::text AS reporter_code, ${WORLD_PARTNER_CODE}::text AS partner_code, w.indicator_code, w.year, w.period,
           w.period_kind, to_char(w.window_start, 'YYYY-MM-DD') AS period_start, to_char(w.window_end, 'YYYY-MM-DD') AS period_end,
           ''::text AS series_key, 'USD'::text AS unit, 0 AS scale, v.total::text AS value_text, scale(v.total)::int AS decimals,
           v.total::float8 AS abs_value, 'EXACT'::text AS qualifier, 'DERIVED'::text AS derivation, false AS is_estimate,
           'derived_sum'::text AS flag, NULL::float8 AS stated_growth_pct, NULL::int AS growth_decimals,
           ('Sum of the ' || w.expected_months || ' monthly totals of the Bureau of National Statistics (446905), computed here') AS derivation_note,
           ${REPORTER_KAZ}::text AS reporter_key, ${WORLD_PARTNER_CODE}::text AS partner_key, true AS is_computed
    FROM windows w
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE m.indicator_code = 'export') AS export_months,
             count(*) FILTER (WHERE m.indicator_code = 'import') AS import_months,
             sum(m.value * power(10::numeric, m.scale)) FILTER (WHERE m.indicator_code = 'export') AS export_sum,
             sum(m.value * power(10::numeric, m.scale)) FILTER (WHERE m.indicator_code = 'import') AS import_sum
      FROM observation m
      WHERE m.source_id = ${BNS_MONTHLY_SOURCE_ID} AND m.reporter_code = ${REPORTER_KAZ} AND m.partner_code = ${WORLD_PARTNER_CODE}
        AND m.period_kind = 'MONTH' AND m.unit = 'USD' AND m.series_key = ''
        AND m.period_start >= w.window_start AND m.period_end <= w.window_end
    ) a
    CROSS JOIN LATERAL (
      SELECT CASE w.indicator_code WHEN 'export' THEN a.export_sum WHEN 'import' THEN a.import_sum
                                   ELSE a.export_sum + a.import_sum END AS total,
             CASE w.indicator_code WHEN 'export' THEN a.export_months = w.expected_months
                                   WHEN 'import' THEN a.import_months = w.expected_months
                                   ELSE a.export_months = w.expected_months AND a.import_months = w.expected_months END AS complete
    ) v
    WHERE v.complete
  )`;

const figuresSchema = z.array(figureSchema);
const nullableFiguresSchema = figuresSchema.nullable().transform((figures) => figures ?? []);

// ---------------------------------------------------------------------------------------------
// Shared item helpers

const OUTCOME_ORDER: Record<CheckOutcome, number> = { fail: 0, not_checkable: 1, pass: 2, info: 3 };

/** Failures first, so a long table never hides them below the fold. */
const byOutcome = (a: CheckItem, b: CheckItem) => OUTCOME_ORDER[a.outcome] - OUTCOME_ORDER[b.outcome];

/** A check with its outcome (combined from the items unless given) and its items failures first. */
function check(input: Omit<ConsistencyCheck, 'outcome' | 'itemCounts'> & { outcome?: CheckOutcome }): ConsistencyCheck {
  return {
    ...input,
    outcome: input.outcome ?? combineOutcomes(input.items.map((item) => item.outcome)),
    itemCounts: countOutcomes(input.items),
    items: [...input.items].sort(byOutcome),
  };
}

const stat = (label: string, value: number, unit = 'count'): CheckStat => ({ label, value, unit });

const involvesEu = (figure: Figure) =>
  [figure.reporterCode, figure.partnerCode].some((code) => code === EU_CODE || code === EU27_CODE);

interface Conversion {
  value: number;
  note: string | null;
}

interface ExchangeRate {
  usdPerEur: number;
  text: string;
  provisional: boolean;
}

/** The stored ECB annual average of a figure's year, selected next to it (three columns). */
const rateFields = {
  usd_per_eur: z.number().nullable(),
  usd_per_eur_text: z.string().nullable(),
  rate_provisional: z.boolean().nullable(),
};

function toRate(row: {
  usd_per_eur: number | null;
  usd_per_eur_text: string | null;
  rate_provisional: boolean | null;
}): ExchangeRate | null {
  if (row.usd_per_eur === null || row.usd_per_eur_text === null) return null;
  return { usdPerEur: row.usd_per_eur, text: row.usd_per_eur_text, provisional: row.rate_provisional ?? false };
}

/** SQL for the three rate columns of the year in `year` (an expression of the outer query). */
function rateColumns(year: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    (SELECT r.rate::float8 FROM exchange_rate r WHERE r.year = ${year} AND r.base_currency = 'EUR' AND r.quote_currency = 'USD') AS usd_per_eur,
    (SELECT r.rate::text FROM exchange_rate r WHERE r.year = ${year} AND r.base_currency = 'EUR' AND r.quote_currency = 'USD') AS usd_per_eur_text,
    (SELECT r.is_provisional FROM exchange_rate r WHERE r.year = ${year} AND r.base_currency = 'EUR' AND r.quote_currency = 'USD') AS rate_provisional`;
}

/**
 * The figure in `unit`. USD and EUR are only ever compared through the stored ECB annual average
 * of the figure's year, and the conversion is stated; any other pair of units is not comparable.
 */
function convert(figure: Figure, unit: string, rate: ExchangeRate | null): Conversion | null {
  if (figure.unit === unit) return { value: figure.value, note: null };
  const pair = `${figure.unit}>${unit}`;
  if ((pair !== 'EUR>USD' && pair !== 'USD>EUR') || rate === null) return null;
  const value = pair === 'EUR>USD' ? figure.value * rate.usdPerEur : figure.value / rate.usdPerEur;
  const partial = figure.periodKind !== 'YEAR' ? '; an annual average applied to part of the year' : '';
  const provisional = rate.provisional ? '; provisional, the rate covers only part of the year' : '';
  return {
    value,
    note: `Converted to ${unit} at the ECB ${figure.year ?? ''} average of ${rate.text} USD per EUR (derived, not published${partial}${provisional}).`,
  };
}

// ---------------------------------------------------------------------------------------------
// a. Stated growth against growth recomputed from stored values

const growthRowSchema = z.object({
  stated: figureSchema,
  candidates: nullableFiguresSchema,
  other_period_rows: z.number().int(),
});

/** One growth comparison, for the partial-period check to verify that like was compared with like. */
export interface GrowthComparison {
  statedId: string;
  statedPeriod: string;
  basePeriod: string | null;
}

export interface StatedGrowthCheck {
  check: ConsistencyCheck;
  comparisons: GrowthComparison[];
}

/**
 * Every figure with a stated growth rate against the growth recomputed from a stored base: the
 * same reporter, partner and indicator, the same period label (Jan-Nov only against Jan-Nov, FY
 * only against FY) of the year before. Rows this source derived from the stated growth itself are
 * excluded (comparing with them would be circular); among the rest, published official series are
 * preferred (lib/consistency/preference.ts).
 */
export async function getStatedGrowthCheck(): Promise<StatedGrowthCheck> {
  const rows = await runQuery('getStatedGrowthCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${observationsCte(Prisma.sql`o.indicator_code IN (SELECT indicator_code FROM observation WHERE stated_growth_pct IS NOT NULL)`)}
      SELECT to_jsonb(s) AS stated,
             (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.source_id, c.id) FROM obs c
               WHERE c.reporter_key = s.reporter_key AND c.partner_key = s.partner_key AND c.indicator_code = s.indicator_code
                 AND c.series_key = s.series_key AND c.period = s.period AND c.year = s.year - 1) AS candidates,
             -- Figures of the base year for other periods (full years, other windows): never used, only counted.
             (SELECT count(*) FROM obs f
               WHERE f.reporter_key = s.reporter_key AND f.partner_key = s.partner_key AND f.indicator_code = s.indicator_code
                 AND f.series_key = s.series_key AND f.year = s.year - 1 AND f.period <> s.period)::int AS other_period_rows
      FROM obs s
      WHERE s.stated_growth_pct IS NOT NULL
      ORDER BY s.source_id, s.year, s.id`;
    return z.array(growthRowSchema).parse(result);
  });

  const comparisons: GrowthComparison[] = [];
  const items = rows.map(({ stated, candidates, other_period_rows: otherPeriodRows }): CheckItem => {
    const circular = candidates.filter((c) => c.derivation === 'DERIVED' && c.sourceId === stated.sourceId);
    const otherUnit = candidates.filter((c) => !circular.includes(c) && c.unit !== stated.unit);
    const usable = rankFigures(candidates.filter((c) => !circular.includes(c) && c.unit === stated.unit));
    const base = usable[0] ?? null;
    const growth = stated.statedGrowthPct ?? 0;
    const assessment = assessGrowth({
      current: toStatedFigure(stated),
      base: base ? toStatedFigure(base) : null,
      statedGrowthPct: growth,
      statedGrowthDecimals: stated.growthDecimals ?? 0,
    });
    comparisons.push({ statedId: stated.id, statedPeriod: stated.period, basePeriod: base?.period ?? null });

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
      values.push(
        toCheckValue(base, 'base (used)', {
          preferred: true,
          note: [
            usable.length > 1 ? preferenceReason(base, usable[1] as Figure) : 'The only like-for-like base stored.',
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
    }
    for (const other of usable.slice(1))
      values.push(toCheckValue(other, 'other base (not used)', { note: preferenceReason(base as Figure, other) }));
    for (const figure of circular) {
      values.push(
        toCheckValue(figure, 'excluded: circular', {
          note: `Derived by the same source from the stated growth itself${figure.derivationNote ? ` (${figure.derivationNote})` : ''}; comparing with it would prove nothing.`,
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
      circular.length > 0
        ? ` from a source other than ${stated.sourceId} (its own ${basePeriod} figure was derived from the stated growth)`
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
        {
          label: 'Stated growth, as rounded',
          low: assessment.statedRange.low,
          high: assessment.statedRange.high,
          unit: 'percent',
        },
        ...(assessment.recomputedRange
          ? [
              {
                label: 'Growth compatible with the rounding of both values',
                low: assessment.recomputedRange.low,
                high: assessment.recomputedRange.high,
                unit: 'percent',
              },
            ]
          : []),
      ],
      explanation,
    };
  });

  const counts = countOutcomes(items);
  return {
    comparisons,
    check: check({
      id: 'stated-growth',
      title: 'Stated growth vs growth recomputed from stored values',
      description:
        'Every figure stored with a growth rate stated by its source is compared with the growth recomputed from a stored base of the year before: same reporter, partner and indicator, and the same period label (Jan-Nov only against Jan-Nov, a full year only against a full year). Rows the same source derived from the stated growth are excluded as circular; among the remaining bases, published official series are preferred. Tolerance: the rounding of the three published numbers. A figure written 40 stands for 39.5 to 40.5 and a growth of 38% for 37.5% to 38.5%; the check passes when some pair of values compatible with the two figures gives a growth within the stated one’s rounding. Growth in one currency is never compared with figures in another.',
      stats: [
        stat('stated growth rates', items.length),
        stat('checked', counts.pass + counts.fail),
        stat('without a stored base', counts.not_checkable),
      ],
      items,
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// b1. Derived turnover = export + import

const turnoverSourceRowSchema = z.object({
  source_id: z.string(),
  derived_rows: z.number().int(),
  checked: z.number().int(),
  mismatches: z.number().int(),
  max_relative: z.number().nullable(),
});

const turnoverListedSchema = z.object({
  kind: z.enum(['mismatch', 'unpaired']),
  turnover: figureSchema,
  export: figureSchema.nullable(),
  import: figureSchema.nullable(),
  parts_sum: z.number().nullable(),
});

/**
 * Derived turnover rows with their export and import rows of the same source, reporter, partner,
 * period and unit. The join follows the natural-key index; sums are exact numeric arithmetic.
 */
const TURNOVER_PAIRS = Prisma.sql`
  SELECT t.id AS turnover_id, t.source_id, e.id AS export_id, i.id AS import_id,
         t.value * power(10::numeric, t.scale) AS total,
         e.value * power(10::numeric, e.scale) + i.value * power(10::numeric, i.scale) AS parts_sum
  FROM observation t
  LEFT JOIN observation e ON e.source_id = t.source_id AND e.reporter_code = t.reporter_code AND e.partner_code = t.partner_code
    AND e.indicator_code = 'export' AND e.period_key = t.period_key AND e.series_key = t.series_key AND e.unit = t.unit
  LEFT JOIN observation i ON i.source_id = t.source_id AND i.reporter_code = t.reporter_code AND i.partner_code = t.partner_code
    AND i.indicator_code = 'import' AND i.period_key = t.period_key AND i.series_key = t.series_key AND i.unit = t.unit
  WHERE t.indicator_code = 'turnover' AND t.derivation = 'DERIVED'`;

const TURNOVER_MISMATCH = Prisma.sql`export_id IS NOT NULL AND import_id IS NOT NULL
  AND abs(total - parts_sum) > ${COMPUTED_SUM_RELATIVE_TOLERANCE}::numeric * abs(total)`;

/**
 * Every turnover row a source derived as export + import is recomputed from the export and import
 * rows of the same source, reporter, partner and period, in PostgreSQL: counts per source, the
 * mismatches beyond a relative 1e-6, and the derived rows that have no export/import pair.
 */
export async function getTurnoverSumCheck(): Promise<ConsistencyCheck> {
  const [perSource, listed] = await runQuery('getTurnoverSumCheck', null, () =>
    Promise.all([
      db.$queryRaw<unknown[]>`
        WITH pairs AS (${TURNOVER_PAIRS})
        SELECT source_id, count(*)::int AS derived_rows,
               count(*) FILTER (WHERE export_id IS NOT NULL AND import_id IS NOT NULL)::int AS checked,
               count(*) FILTER (WHERE ${TURNOVER_MISMATCH})::int AS mismatches,
               max(abs(total - parts_sum) / NULLIF(abs(total), 0))::float8 AS max_relative
        FROM pairs GROUP BY source_id ORDER BY source_id`.then((r) => z.array(turnoverSourceRowSchema).parse(r)),
      db.$queryRaw<unknown[]>`
        WITH pairs AS (${TURNOVER_PAIRS}),
        listed AS (
          (SELECT 'mismatch' AS kind, p.* FROM pairs p WHERE ${TURNOVER_MISMATCH}
            ORDER BY abs(total - parts_sum) DESC LIMIT ${MAX_LISTED_ROWS})
          UNION ALL
          (SELECT 'unpaired' AS kind, p.* FROM pairs p WHERE export_id IS NULL OR import_id IS NULL
            ORDER BY source_id, turnover_id LIMIT ${MAX_LISTED_ROWS})
        ),
        ${observationsCte(Prisma.sql`o.id IN (SELECT turnover_id FROM listed UNION SELECT export_id FROM listed UNION SELECT import_id FROM listed)`)}
        SELECT l.kind, to_jsonb(t) AS turnover,
               CASE WHEN e.id IS NULL THEN NULL ELSE to_jsonb(e) END AS export,
               CASE WHEN i.id IS NULL THEN NULL ELSE to_jsonb(i) END AS import,
               l.parts_sum::float8 AS parts_sum
        FROM listed l
        JOIN obs t ON t.id = l.turnover_id::text
        LEFT JOIN obs e ON e.id = l.export_id::text
        LEFT JOIN obs i ON i.id = l.import_id::text
        ORDER BY l.kind, l.source_id, l.turnover_id`.then((r) => z.array(turnoverListedSchema).parse(r)),
    ]),
  );
  const mismatches = listed.filter((row) => row.kind === 'mismatch');
  const others = listed.filter((row) => row.kind === 'unpaired');

  const items: CheckItem[] = [];
  for (const source of perSource.filter((s) => s.checked > 0)) {
    items.push({
      key: `turnover-sum:source:${source.source_id}`,
      title: `All derived turnover rows of ${source.source_id}`,
      outcome: source.mismatches === 0 ? 'pass' : 'fail',
      values: [
        computedValue({
          role: 'rows checked',
          label: 'Derived turnover rows with an export and an import row',
          value: source.checked,
          unit: 'count',
          period: 'all periods',
          sourceIds: [source.source_id],
          derivation: null,
        }),
        computedValue({
          role: 'mismatches',
          label: 'Rows where turnover ≠ export + import',
          value: source.mismatches,
          unit: 'count',
          period: 'all periods',
          sourceIds: [source.source_id],
          derivation: null,
        }),
        computedValue({
          role: 'largest difference',
          label: '|turnover − (export + import)| / turnover, largest row',
          value: source.max_relative,
          unit: 'ratio',
          period: 'all periods',
          sourceIds: [source.source_id],
          derivation: null,
        }),
      ],
      difference: null,
      ranges: [],
      explanation:
        source.mismatches === 0
          ? 'Every derived turnover row equals export + import of the same source, reporter, partner and period.'
          : 'Some derived turnover rows differ from export + import by more than 1e-6; they are listed.',
    });
  }
  for (const row of mismatches) {
    const partsSum = row.parts_sum ?? 0;
    items.push({
      key: `turnover-sum:${row.turnover.id}`,
      title: `${figureLabel(row.turnover)}, ${figurePeriod(row.turnover)}`,
      outcome: 'fail',
      values: [
        toCheckValue(row.turnover, 'turnover (stored)'),
        ...(row.export ? [toCheckValue(row.export, 'export')] : []),
        ...(row.import ? [toCheckValue(row.import, 'import')] : []),
        computedValue({
          role: 'export + import',
          label: 'Sum computed in PostgreSQL',
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
      explanation: 'The stored turnover is not the sum of the stored export and import.',
    });
  }
  for (const { turnover } of others) {
    items.push({
      key: `turnover-sum:other:${turnover.id}`,
      title: `${figureLabel(turnover)}, ${figurePeriod(turnover)}`,
      outcome: 'info',
      values: [toCheckValue(turnover, 'derived turnover', { note: turnover.derivationNote })],
      difference: null,
      ranges: [],
      explanation:
        'Derived another way (not as export + import), and no export/import pair is stored for it: not part of this check.',
    });
  }

  const checked = perSource.reduce((sum, source) => sum + source.checked, 0);
  const mismatchCount = perSource.reduce((sum, source) => sum + source.mismatches, 0);
  const derivedRows = perSource.reduce((sum, source) => sum + source.derived_rows, 0);
  return check({
    id: 'turnover-sum',
    title: 'Derived turnover = export + import',
    description:
      'Turnover rows computed for this dashboard must equal the export plus the import of the same source, reporter, partner and period. Recomputed in PostgreSQL from the exact stored decimals for every such row; a mismatch beyond a relative 1e-6 fails and is listed. Derived turnover rows without an export/import pair (figures implied by a stated growth rate) are listed for information.',
    outcome: checked === 0 ? 'not_checkable' : mismatchCount > 0 ? 'fail' : 'pass',
    stats: [
      stat('derived turnover rows', derivedRows),
      stat('rows checked', checked),
      stat('mismatches', mismatchCount),
    ],
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// b1'. Published turnover against the export and import the same source states

const statedTurnoverRowSchema = z.object({ turnover: figureSchema, export: figureSchema, import: figureSchema });

/**
 * A source that states turnover, exports and imports for one period must agree with itself: the
 * total has to be compatible with the sum of the parts, allowing for the rounding of all three.
 */
export async function getStatedTurnoverPartsCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getStatedTurnoverPartsCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${observationsCte(Prisma.sql`o.indicator_code IN ('export', 'import', 'turnover') AND o.derivation <> 'DERIVED'`)}
      SELECT to_jsonb(t) AS turnover, to_jsonb(e) AS export, to_jsonb(i) AS import
      FROM obs t
      JOIN obs e ON e.indicator_code = 'export' AND e.source_id = t.source_id AND e.reporter_code = t.reporter_code
        AND e.partner_code = t.partner_code AND e.year IS NOT DISTINCT FROM t.year AND e.period = t.period
        AND e.series_key = t.series_key AND e.unit = t.unit
      JOIN obs i ON i.indicator_code = 'import' AND i.source_id = t.source_id AND i.reporter_code = t.reporter_code
        AND i.partner_code = t.partner_code AND i.year IS NOT DISTINCT FROM t.year AND i.period = t.period
        AND i.series_key = t.series_key AND i.unit = t.unit
      WHERE t.indicator_code = 'turnover'
      ORDER BY t.source_id, t.year, t.id`;
    return z.array(statedTurnoverRowSchema).parse(result);
  });

  const items = rows.map(({ turnover, export: exports, import: imports }): CheckItem => {
    const total = toStatedFigure(turnover);
    const assessment = assessStatedParts(total, [toStatedFigure(exports), toStatedFigure(imports)]);
    const totalRange = statedInterval(total);
    // Within one unit of the total's last digit: the source probably cut the digits off instead of rounding.
    const truncated =
      assessment.outcome === 'fail' && assessment.gap <= 2 * roundingHalfWidth(total.decimals, total.scale);
    return {
      key: `stated-turnover:${turnover.id}`,
      title: `${figureLabel(turnover)}, ${figurePeriod(turnover)} (${turnover.sourceId})`,
      outcome: assessment.outcome,
      values: [
        toCheckValue(turnover, 'stated total'),
        toCheckValue(exports, 'stated part'),
        toCheckValue(imports, 'stated part'),
        computedValue({
          role: 'sum of parts',
          label: 'Export + import as stated',
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
          label: 'Totals the stated turnover stands for',
          low: totalRange.low,
          high: Number.isFinite(totalRange.high) ? totalRange.high : null,
          unit: turnover.unit,
        },
      ],
      explanation:
        assessment.outcome === 'pass'
          ? 'The stated parts add up to the stated total within the rounding of the three figures.'
          : truncated
            ? 'The stated parts add up to slightly more than the stated total allows, by less than one unit of its last digit: the source probably truncated the total instead of rounding it. Shown as published, not corrected.'
            : 'The stated parts do not add up to the stated total, even allowing for rounding. Shown as published, not corrected.',
    };
  });

  return check({
    id: 'stated-turnover-parts',
    title: 'Stated turnover vs stated export + import',
    description:
      'Where one source states a turnover and also the exports and imports of the same period, the total must be compatible with the sum of the parts. Tolerance: the rounding of each figure (half a unit of its last digit; “about” figures ±10 %).',
    stats: [stat('totals with both parts stated', items.length)],
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// b2. EU-27 derived rows = sum of the 27 member rows

const eu27RowSchema = z.object({
  total: figureSchema,
  members_sum: z.number().nullable(),
  members: z.number().int(),
  expected_members: z.number().int(),
  missing_members: z.array(z.string()).nullable(),
});

/**
 * The EU-27 rows derived for this dashboard against the sum, recomputed in PostgreSQL, of the BNS
 * rows of the countries that were members in that year (group_membership), per year and flow.
 */
export async function getEu27MembersSumCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getEu27MembersSumCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${observationsCte(Prisma.sql`o.source_id = ${BNS_EU27_SOURCE_ID} AND o.partner_code = ${EU27_CODE}`)},
      members AS (
        SELECT d.id AS total_id, g.member_code
        FROM obs d
        JOIN group_membership g ON g.group_code = ${EU27_CODE}
          AND g.valid_from <= make_date(d.year, 12, 31) AND (g.valid_to IS NULL OR g.valid_to >= make_date(d.year, 1, 1))
      )
      SELECT to_jsonb(d) AS total, s.members_sum, s.members,
             (SELECT count(*) FROM members m WHERE m.total_id = d.id)::int AS expected_members,
             (SELECT array_agg(m.member_code ORDER BY m.member_code) FROM members m
               WHERE m.total_id = d.id AND NOT EXISTS (
                 SELECT 1 FROM observation b WHERE b.source_id = ${BNS_BY_PARTNER_SOURCE_ID} AND b.reporter_code = d.reporter_code
                   AND b.partner_code = m.member_code AND b.indicator_code = d.indicator_code AND b.year = d.year
                   AND b.period = d.period AND b.series_key = '' AND b.unit = d.unit)) AS missing_members
      FROM obs d
      CROSS JOIN LATERAL (
        SELECT sum(b.value * power(10::numeric, b.scale))::float8 AS members_sum, count(DISTINCT b.partner_code)::int AS members
        FROM observation b
        JOIN members m ON m.total_id = d.id AND m.member_code = b.partner_code
        WHERE b.source_id = ${BNS_BY_PARTNER_SOURCE_ID} AND b.reporter_code = d.reporter_code AND b.indicator_code = d.indicator_code
          AND b.year = d.year AND b.period = d.period AND b.series_key = '' AND b.unit = d.unit
      ) s
      ORDER BY d.year, d.indicator_code`;
    return z.array(eu27RowSchema).parse(result);
  });

  const items = rows.map(
    ({ total, members_sum: membersSum, members, expected_members: expected, missing_members: missing }): CheckItem => {
      const complete = members === expected && expected > 0;
      const outcome = membersSum !== null && complete ? assessComputedSum(total.value, membersSum) : 'fail';
      return {
        key: `eu27:${total.id}`,
        title: `${figureLabel(total)}, ${figurePeriod(total)}`,
        outcome,
        values: [
          toCheckValue(total, 'derived EU-27 total'),
          computedValue({
            role: 'sum of members',
            label: `Sum of the member-state rows (${members} of ${expected} members)`,
            value: membersSum,
            unit: total.unit,
            period: figurePeriod(total),
            sourceIds: [BNS_BY_PARTNER_SOURCE_ID],
            note: missing && missing.length > 0 ? `No row for: ${missing.join(', ')}.` : null,
          }),
        ],
        difference:
          membersSum === null
            ? null
            : {
                value: total.value - membersSum,
                unit: total.unit,
                relative: relativeDifference(total.value, membersSum),
              },
        ranges: [],
        explanation: !complete
          ? 'Not every member state has a row for this year and flow, so the total cannot be the sum of the members.'
          : outcome === 'pass'
            ? 'Equals the sum of the member rows (within a relative 1e-6).'
            : 'Differs from the sum of the member rows by more than a relative 1e-6.',
      };
    },
  );

  return check({
    id: 'eu27-members-sum',
    title: 'EU-27 totals vs the sum of the 27 member rows',
    description:
      'The EU-27 export, import and turnover rows derived for this dashboard must equal the sum of the Bureau of National Statistics rows of the 27 member states (membership by date, from group_membership), per year and flow. Summed in PostgreSQL; tolerance a relative 1e-6.',
    stats: [stat('year/flow totals checked', items.length)],
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// b3, b4. Parts stated by a source against the total it states (counts)

const ESTABLISHMENT_TOTAL = 'diplomatic_establishments_abroad';
const ESTABLISHMENT_PARTS = [
  'embassies_abroad',
  'diplomatic_missions_abroad',
  'consulates_general_abroad',
  'consulates_abroad',
] as const;
/** Total minus the listed types, derived by the dataset's editors: the gap itself, never a part. */
const ESTABLISHMENT_REST = 'diplomatic_establishments_other_abroad';

const partsRowSchema = z.object({
  kind: z.enum(['types', 'partners', 'years', 'series']),
  total: figureSchema,
  parts: figuresSchema,
  parts_sum: z.number(),
  rest: nullableFiguresSchema,
});

function partsItem(row: z.infer<typeof partsRowSchema>, title: string): CheckItem {
  const { total, parts, rest } = row;
  const assessment = assessStatedParts(toStatedFigure(total), parts.map(toStatedFigure));
  const derivedTotal = total.derivation === 'DERIVED';
  return {
    key: `parts:${row.kind}:${total.id}`,
    title,
    outcome: assessment.outcome,
    values: [
      toCheckValue(total, 'stated total', { note: derivedTotal ? total.derivationNote : null }),
      ...parts.map((part) => toCheckValue(part, 'listed part')),
      computedValue({
        role: 'sum of parts',
        label: `Sum of the ${parts.length} listed parts (PostgreSQL)`,
        value: row.parts_sum,
        unit: total.unit,
        period: figurePeriod(total),
        sourceIds: [total.sourceId],
      }),
      ...rest.map((figure) =>
        toCheckValue(figure, 'not counted', {
          note: 'Derived by the dataset’s editors as total minus the listed types: it records the gap, so adding it would hide the inconsistency.',
        }),
      ),
    ],
    difference: {
      value: total.value - row.parts_sum,
      unit: total.unit,
      relative: relativeDifference(total.value, row.parts_sum),
    },
    ranges: [],
    explanation:
      assessment.outcome === 'fail'
        ? 'The parts the source lists do not add up to the total it states. Both are kept as published; the check fails rather than adjusting either.'
        : derivedTotal
          ? 'The listed parts add up to the total. The total was itself counted from the list when the data was entered, so this confirms the data entry rather than the source.'
          : 'The listed parts add up to the stated total.',
  };
}

const PARTS_CTE = observationsCte(Prisma.sql`o.unit = 'count'`);

/** Article 003: the 75 establishments abroad against the four types it lists. Must not be "fixed". */
export async function getEstablishmentsCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getEstablishmentsCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${PARTS_CTE}
      SELECT 'types' AS kind, to_jsonb(t) AS total, x.parts, x.parts_sum, x.rest
      FROM obs t
      CROSS JOIN LATERAL (
        SELECT jsonb_agg(to_jsonb(p) ORDER BY array_position(${[...ESTABLISHMENT_PARTS]}::text[], p.indicator_code))
                 FILTER (WHERE p.indicator_code <> ${ESTABLISHMENT_REST}) AS parts,
               coalesce(sum(p.abs_value) FILTER (WHERE p.indicator_code <> ${ESTABLISHMENT_REST}), 0)::float8 AS parts_sum,
               jsonb_agg(to_jsonb(p)) FILTER (WHERE p.indicator_code = ${ESTABLISHMENT_REST}) AS rest,
               count(*) FILTER (WHERE p.indicator_code <> ${ESTABLISHMENT_REST}) AS n
        FROM obs p
        WHERE p.source_id = t.source_id AND p.reporter_code = t.reporter_code AND p.partner_code = t.partner_code
          AND p.year IS NOT DISTINCT FROM t.year AND p.period = t.period AND p.series_key = t.series_key
          AND p.indicator_code IN (${Prisma.join([...ESTABLISHMENT_PARTS, ESTABLISHMENT_REST])})
      ) x
      WHERE t.indicator_code = ${ESTABLISHMENT_TOTAL} AND x.n > 0
      ORDER BY t.source_id, t.id`;
    return z.array(partsRowSchema).parse(result);
  });

  const items = rows.map((row) =>
    partsItem(
      row,
      `Kazakh establishments abroad, ${figurePeriod(row.total)} (${row.total.sourceId}): total vs embassies + missions + consulates general + consulates`,
    ),
  );
  return check({
    id: 'establishments-abroad',
    title: 'Establishments abroad vs the types listed',
    description:
      'Article 003 states that Kazakhstan opened 75 establishments abroad and lists them as embassies, diplomatic missions, consulates general and consulates. The listed types must add up to the stated total; counts must agree exactly. A mismatch is the source’s own and is shown as a failure, not corrected.',
    stats: [stat('totals checked', items.length)],
    items,
  });
}

/**
 * Lists against the totals stated or counted for them: per-country rows against the yearly
 * total (planned embassies, trade representations), yearly totals against a multi-year total,
 * and itemised rows (series keys, e.g. honorary consulates by city) against their total.
 */
export async function getListedCountsCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getListedCountsCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${PARTS_CTE}
      SELECT 'partners' AS kind, to_jsonb(t) AS total, x.parts, x.parts_sum, NULL::jsonb AS rest
      FROM obs t
      CROSS JOIN LATERAL (
        SELECT jsonb_agg(to_jsonb(p) ORDER BY p.partner_code) AS parts, coalesce(sum(p.abs_value), 0)::float8 AS parts_sum, count(*) AS n
        FROM obs p
        WHERE p.source_id = t.source_id AND p.reporter_code = t.reporter_code AND p.indicator_code = t.indicator_code
          AND p.year IS NOT DISTINCT FROM t.year AND p.period = t.period AND p.series_key = t.series_key
          AND p.partner_code <> t.partner_code
      ) x
      WHERE t.partner_code = ${WORLD_PARTNER_CODE} AND x.n > 0
      UNION ALL
      SELECT 'years', to_jsonb(t), x.parts, x.parts_sum, NULL::jsonb
      FROM obs t
      CROSS JOIN LATERAL (
        SELECT jsonb_agg(to_jsonb(p) ORDER BY p.year) AS parts, coalesce(sum(p.abs_value), 0)::float8 AS parts_sum, count(*) AS n
        FROM obs p
        WHERE p.source_id = t.source_id AND p.reporter_code = t.reporter_code AND p.partner_code = t.partner_code
          AND p.indicator_code = t.indicator_code AND p.series_key = t.series_key AND p.period_kind = 'YEAR'
          AND p.period_start >= t.period_start AND p.period_end <= t.period_end
      ) x
      WHERE t.period_kind = 'MULTI_YEAR' AND t.period_start IS NOT NULL AND x.n > 0
      UNION ALL
      SELECT 'series', to_jsonb(t), x.parts, x.parts_sum, NULL::jsonb
      FROM obs t
      CROSS JOIN LATERAL (
        SELECT jsonb_agg(to_jsonb(p) ORDER BY p.series_key) AS parts, coalesce(sum(p.abs_value), 0)::float8 AS parts_sum, count(*) AS n
        FROM obs p
        WHERE p.source_id = t.source_id AND p.reporter_code = t.reporter_code AND p.partner_code = t.partner_code
          AND p.indicator_code = t.indicator_code AND p.year IS NOT DISTINCT FROM t.year AND p.period = t.period
          AND p.series_key <> ''
      ) x
      WHERE t.series_key = '' AND x.n > 0
      ORDER BY 1, 2`;
    return z.array(partsRowSchema).parse(result);
  });

  const TITLES: Record<z.infer<typeof partsRowSchema>['kind'], string> = {
    types: 'types',
    partners: 'per-country rows vs the total',
    years: 'yearly totals vs the multi-year total',
    series: 'itemised rows vs the total',
  };
  const items = rows.map((row) =>
    partsItem(
      row,
      `${row.total.indicatorCode.replaceAll('_', ' ')}, ${figurePeriod(row.total)} (${row.total.sourceId}): ${TITLES[row.kind]}`,
    ),
  );
  return check({
    id: 'listed-counts',
    title: 'Listed items vs stated totals',
    description:
      'Where a source lists items and gives (or the dataset counts) their total: the embassies planned per year by country against the yearly totals, the yearly totals against the 2012-2014 total, the honorary consulates in France by city against their number, the trade representations by country against theirs. Counts must agree exactly.',
    stats: [stat('totals checked', items.length)],
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// b5. A stated share of Kazakhstan's turnover against the share recomputed from stored values

const shareRowSchema = z.object({
  share: figureSchema,
  numerators: nullableFiguresSchema,
  world: nullableFiguresSchema,
});

/**
 * Each stated share of Kazakhstan's turnover (the EU's "about 30%" in Jan-Nov 2023) against the
 * partner's turnover from the same source over Kazakhstan's total turnover for the same months,
 * summed in PostgreSQL from the bureau's monthly exports and imports.
 */
export async function getTurnoverShareCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getTurnoverShareCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${observationsCte(Prisma.sql`o.indicator_code IN ('turnover_share_pct', 'turnover')`)},
      shares AS (SELECT * FROM obs WHERE indicator_code = 'turnover_share_pct' AND reporter_code = ${REPORTER_KAZ}),
      windows AS (
        SELECT DISTINCT f.flow AS indicator_code, s.year, s.period, s.period_kind,
               s.period_start::date AS window_start, s.period_end::date AS window_end,
               ((extract(year FROM s.period_end::date) - extract(year FROM s.period_start::date)) * 12
                 + extract(month FROM s.period_end::date) - extract(month FROM s.period_start::date) + 1)::int AS expected_months
        FROM shares s CROSS JOIN (VALUES ('export'), ('import'), ('turnover')) AS f(flow)
        WHERE s.period_start IS NOT NULL AND s.period_end IS NOT NULL
      ),
      ${MONTHLY_SUMS_CTE}
      SELECT to_jsonb(s) AS share,
             (SELECT jsonb_agg(to_jsonb(t) ORDER BY t.derivation, t.id) FROM obs t
               WHERE t.indicator_code = 'turnover' AND t.source_id = s.source_id AND t.reporter_key = s.reporter_key
                 AND t.partner_key = s.partner_key AND t.year = s.year AND t.period = s.period AND t.series_key = '' AND t.unit = 'USD') AS numerators,
             (SELECT jsonb_agg(to_jsonb(m) ORDER BY m.indicator_code) FROM monthly_sums m
               WHERE m.year = s.year AND m.period = s.period) AS world
      FROM shares s
      ORDER BY s.source_id, s.year, s.id`;
    return z.array(shareRowSchema).parse(result);
  });

  const items = rows.map(({ share, numerators, world }): CheckItem => {
    const numerator = rankFigures(numerators)[0] ?? null;
    const worldTurnover = world.find((figure) => figure.indicatorCode === 'turnover') ?? null;
    const stated = statedInterval(toStatedFigure(share));
    const values: CheckValue[] = [toCheckValue(share, 'stated share')];
    if (numerator) values.push(toCheckValue(numerator, 'partner turnover (same source)'));
    for (const figure of world)
      values.push(
        toCheckValue(
          figure,
          figure.indicatorCode === 'turnover'
            ? 'Kazakhstan total turnover'
            : `Kazakhstan total ${figure.indicatorCode}`,
        ),
      );
    const title = `${figureLabel(share)}, ${figurePeriod(share)} (${share.sourceId})`;
    if (!numerator || !worldTurnover || !(worldTurnover.value > 0)) {
      return {
        key: `share:${share.id}`,
        title,
        outcome: 'not_checkable',
        values,
        difference: null,
        ranges: [],
        explanation: !numerator
          ? `The same source gives no ${seriesLabel(share.reporterCode, share.partnerCode, 'turnover')} for ${figurePeriod(share)} in USD to recompute the share from.`
          : `Kazakhstan's total turnover for ${figurePeriod(share)} cannot be summed: not every month of the window is stored.`,
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
        role: 'recomputed share',
        label: 'Partner turnover / Kazakhstan total turnover',
        value: recomputed,
        unit: 'percent',
        period: figurePeriod(share),
        sourceIds: [numerator.sourceId, BNS_MONTHLY_SOURCE_ID],
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
          label: `Shares the stated “${share.qualifier === 'ABOUT' ? 'about' : share.qualifier.toLowerCase()}” figure allows`,
          low: stated.low,
          high: Number.isFinite(stated.high) ? stated.high : null,
          unit: 'percent',
        },
        {
          label: 'Share compatible with the rounding of the partner turnover',
          low: recomputedRange.low,
          high: recomputedRange.high,
          unit: 'percent',
        },
      ],
      explanation:
        outcome === 'pass'
          ? 'The recomputed share lies within the band the stated approximate share allows.'
          : 'The recomputed share lies outside the band the stated share allows.',
    };
  });

  return check({
    id: 'turnover-share',
    title: 'Stated share of Kazakhstan’s turnover vs recomputed',
    description: `A share of Kazakhstan’s total turnover stated by a source (the EU’s “about 30%” in Jan-Nov 2023, article 001) is recomputed as the partner’s turnover from the same source over Kazakhstan’s total turnover of the same months, summed in PostgreSQL from the Bureau of National Statistics monthly exports and imports (every month must be stored). Tolerance for “about”: ±${APPROXIMATE_RELATIVE_TOLERANCE * 100} % of the stated figure (about 30% → 27% to 33%), plus the rounding of the partner turnover.`,
    stats: [stat('stated shares', items.length)],
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// c. The same figure from different sources, side by side

const sameFigureRowSchema = z
  .object({
    reporter_key: z.string(),
    partner_key: z.string(),
    indicator_code: z.string(),
    year: z.number().int().nullable(),
    period: z.string(),
    figures: figuresSchema,
    ...rateFields,
  })
  .transform((row) => ({ ...row, rate: toRate(row) }));

/** Windows of Kazakhstan's world totals that the monthly totals can be summed over. */
const WORLD_WINDOWS_CTE = Prisma.sql`windows AS (
    SELECT DISTINCT o.indicator_code, o.year, o.period, o.period_kind::text AS period_kind,
           o.period_start AS window_start, o.period_end AS window_end,
           ((extract(year FROM o.period_end) - extract(year FROM o.period_start)) * 12
             + extract(month FROM o.period_end) - extract(month FROM o.period_start) + 1)::int AS expected_months
    FROM observation o
    WHERE o.reporter_code = ${REPORTER_KAZ} AND o.partner_code = ${WORLD_PARTNER_CODE} AND o.indicator_code IN (${Prisma.join([...TRADE_FLOWS])})
      AND o.period_kind IN ('YEAR', 'MONTHS_TO_DATE') AND o.source_id <> ${BNS_MONTHLY_SOURCE_ID} AND o.unit = 'USD'
      AND o.period_start IS NOT NULL AND o.period_end IS NOT NULL
  )`;

/**
 * Groups of figures with the same reporter, partner (AGG_EU = AGG_EU27 from 2020), indicator, year
 * and period label from two or more sources, each with its difference from the preferred one.
 * Kazakhstan's world totals are also compared with the sum of the bureau's monthly totals.
 */
export async function getSameFigureCheck(): Promise<ConsistencyCheck> {
  const groups = await runQuery('getSameFigureCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${observationsCte(Prisma.sql`o.series_key = ''`)},
      ${WORLD_WINDOWS_CTE},
      ${MONTHLY_SUMS_CTE},
      figures AS MATERIALIZED (SELECT * FROM obs UNION ALL SELECT * FROM monthly_sums),
      -- Keys first, so that only the groups shown are turned into JSON.
      shared AS (
        SELECT reporter_key, partner_key, indicator_code, year, period FROM figures
        WHERE year IS NOT NULL
        GROUP BY reporter_key, partner_key, indicator_code, year, period
        HAVING count(DISTINCT source_id) >= 2
      )
      SELECT f.reporter_key, f.partner_key, f.indicator_code, f.year, f.period,
             jsonb_agg(to_jsonb(f) ORDER BY f.source_id, f.id) AS figures,
             ${rateColumns(Prisma.sql`f.year`)}
      FROM figures f
      JOIN shared k USING (reporter_key, partner_key, indicator_code, year, period)
      GROUP BY f.reporter_key, f.partner_key, f.indicator_code, f.year, f.period
      ORDER BY f.reporter_key, f.partner_key, f.indicator_code, f.year, f.period`;
    return z.array(sameFigureRowSchema).parse(result);
  });

  let converted = 0;
  const items = groups.map((group): CheckItem => {
    const ranked = rankFigures(group.figures);
    const [preferred, runnerUp] = ranked as [Figure, Figure];
    const bestOfficial = ranked.find(isOfficialStatistics) ?? null;
    let notComparable = false;
    let officialDisagreement = false;
    let largest: { value: number; relative: number | null } | null = null;

    const reason = preferenceReason(preferred, runnerUp);
    const values: CheckValue[] = [toCheckValue(preferred, 'shown on the dashboard', { preferred: true })];
    for (const figure of ranked.slice(1)) {
      const conversion = convert(figure, preferred.unit, group.rate);
      if (conversion === null) {
        notComparable = true;
        values.push(
          toCheckValue(figure, 'other source', {
            note: `In ${figure.unit}: not compared with the ${preferred.unit} figure (no exchange rate for ${figure.year ?? 'this year'}).`,
          }),
        );
        continue;
      }
      if (conversion.note) converted += 1;
      const relative = relativeDifference(conversion.value, preferred.value);
      if (largest === null || Math.abs(relative ?? 0) > Math.abs(largest.relative ?? 0))
        largest = { value: conversion.value - preferred.value, relative };
      if (bestOfficial && figure !== bestOfficial && isOfficialStatistics(figure)) {
        const againstOfficial = convert(figure, bestOfficial.unit, group.rate);
        const officialRelative = againstOfficial ? relativeDifference(againstOfficial.value, bestOfficial.value) : null;
        if (officialRelative !== null && Math.abs(officialRelative) > OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE)
          officialDisagreement = true;
      }
      // The reason is given once per item; a figure passed over for another reason says so itself.
      const ownReason = preferenceReason(preferred, figure);
      values.push(
        toCheckValue(figure, 'other source', {
          relativeToReference: relative,
          note:
            [conversion.note, ownReason !== reason ? `Not shown: ${ownReason}` : null].filter(Boolean).join(' ') ||
            null,
        }),
      );
    }

    const outcome: CheckOutcome = officialDisagreement ? 'fail' : notComparable ? 'not_checkable' : 'info';
    const euNote = ranked.some(involvesEu) && (group.year ?? 0) >= EU27_COMPOSITION_FROM_YEAR ? ` ${EU_NOTE}` : '';
    return {
      key: `same:${group.reporter_key}:${group.partner_key}:${group.indicator_code}:${group.year ?? ''}:${group.period}`,
      title: `${seriesLabel(group.reporter_key, group.partner_key, group.indicator_code)}, ${periodLabel(group.year, group.period)}`,
      outcome,
      values,
      difference: largest === null ? null : { value: largest.value, unit: preferred.unit, relative: largest.relative },
      ranges: [],
      explanation:
        (outcome === 'fail'
          ? `Two official statistical sources differ by more than ${OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE * 100} % for this figure; both are kept.`
          : outcome === 'not_checkable'
            ? 'Figures in different currencies without a stored exchange rate for the year: listed, not compared.'
            : `${ranked.length} sources give this figure.`) + ` Shown: ${preferred.sourceId}. ${reason}${euNote}`,
    };
  });

  const counts = countOutcomes(items);
  return check({
    id: 'same-figure',
    title: 'The same figure from different sources',
    description: `Figures with the same reporter, partner, indicator, year and period label from two or more sources, side by side, each with its difference from the figure the dashboard prefers. Preference: official statistics over research data, official statements and news (news figures are rounded and secondary); the reporter’s own statistical office in its newest edition over compilations (BNS final editions over the IMF DOTS release of early 2022 for 2020); published over derived; exact over approximate. Kazakhstan’s world totals are also set against the sum of the bureau’s monthly totals for the same months. EUR and USD are compared only through the stored ECB annual average of the year, stated with the figure. Fails where two official statistical sources differ by more than ${OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE * 100} %; otherwise informational.`,
    outcome:
      counts.fail > 0
        ? 'fail'
        : counts.not_checkable > 0
          ? 'not_checkable'
          : items.length > 0
            ? 'info'
            : 'not_checkable',
    stats: [
      stat('figures given by two or more sources', items.length),
      stat(`official sources more than ${OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE * 100} % apart`, counts.fail),
      stat('values converted EUR/USD', converted),
    ],
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// c'. Reporter vs partner view: not the same figure, shown side by side

const mirrorRowSchema = z
  .object({ partner_view: figureSchema, reporter_views: figuresSchema, ...rateFields })
  .transform((row) => ({ ...row, rate: toRate(row) }));

/**
 * A partner's own statistics of its trade with Kazakhstan next to Kazakhstan's statistics of the
 * same trade. Different reporters, so never the same figure: listed for information, never
 * averaged. IMF mirror data is listed for its latest year and partners above USD 1 billion.
 */
export async function getReporterPartnerCheck(): Promise<ConsistencyCheck> {
  const rows = await runQuery('getReporterPartnerCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${observationsCte(Prisma.sql`o.indicator_code = 'turnover' AND o.series_key = ''`)},
      latest AS (
        SELECT source_id, max(year) AS year FROM obs WHERE partner_code = ${REPORTER_KAZ} AND reporter_code <> ${REPORTER_KAZ} GROUP BY source_id
      ),
      large AS (
        SELECT DISTINCT partner_key, year, period FROM obs
        WHERE reporter_code = ${REPORTER_KAZ} AND unit = 'USD' AND abs_value >= ${MIRROR_MIN_TURNOVER_USD}::float8
      ),
      -- Narrowed first (a few dozen rows), so that the correlated look-ups below stay cheap.
      partner_views AS (
        SELECT p.* FROM obs p
        LEFT JOIN latest l ON l.source_id = p.source_id
        -- Countries and the EU: IMF regional aggregates (advanced economies, ...) are no one's own statistics.
        JOIN partner r ON r.code = p.reporter_code AND (r.kind = 'COUNTRY' OR p.reporter_key = ${EU27_CODE})
        WHERE p.partner_code = ${REPORTER_KAZ} AND p.reporter_code <> ${REPORTER_KAZ}
          AND (p.source_kind <> 'STATISTICAL_DATASET'
               OR (p.year = l.year AND (p.reporter_key, p.year, p.period) IN (SELECT partner_key, year, period FROM large)))
      )
      SELECT to_jsonb(p) AS partner_view, v.reporter_views, ${rateColumns(Prisma.sql`p.year`)}
      FROM partner_views p
      CROSS JOIN LATERAL (
        SELECT jsonb_agg(to_jsonb(k) ORDER BY k.source_id) AS reporter_views FROM obs k
        WHERE k.reporter_key = p.partner_key AND k.partner_key = p.reporter_key AND k.year = p.year AND k.period = p.period
      ) v
      WHERE v.reporter_views IS NOT NULL
      ORDER BY p.reporter_code, p.year, p.source_id`;
    return z.array(mirrorRowSchema).parse(result);
  });

  const items = rows.map(({ partner_view: partnerView, reporter_views: kazViews, rate }): CheckItem => {
    const ranked = rankFigures(kazViews);
    const preferred = ranked[0] as Figure;
    const conversion = convert(partnerView, preferred.unit, rate);
    const relative = conversion ? relativeDifference(conversion.value, preferred.value) : null;
    return {
      key: `mirror:${partnerView.id}`,
      title: `${partnerView.reporterCode}-reported vs Kazakhstan-reported turnover, ${figurePeriod(partnerView)}`,
      outcome: conversion ? 'info' : 'not_checkable',
      values: [
        ...ranked.map((figure, index) =>
          toCheckValue(
            figure,
            index === 0 ? 'Kazakhstan’s statistics (shown)' : 'Kazakhstan’s statistics, other source',
            {
              preferred: index === 0,
              note: index === 0 ? null : `Not shown: ${preferenceReason(preferred, figure)}`,
            },
          ),
        ),
        toCheckValue(partnerView, `${partnerView.reporterCode}’s statistics`, {
          relativeToReference: relative,
          note:
            [
              conversion?.note ??
                (conversion ? null : 'Other currency and no exchange rate for the year: not compared.'),
              // A news page's own wording of its source ("partner_statistics?" = probably the partner's statistics).
              partnerView.sourceKind !== 'STATISTICAL_DATASET' && partnerView.flag
                ? `Flag: ${partnerView.flag}.`
                : null,
            ]
              .filter(Boolean)
              .join(' ') || null,
        }),
      ],
      difference: conversion ? { value: conversion.value - preferred.value, unit: preferred.unit, relative } : null,
      ranges: [],
      explanation:
        'Not the same figure: each country records its own trade (exports FOB, imports CIF; Kazakhstan attributes oil exports by declared destination, partners by origin; timing and transit differ). The two views are shown side by side, never added or averaged.',
    };
  });

  return check({
    id: 'reporter-vs-partner',
    title: 'Reporter vs partner view (not the same figure)',
    description:
      'A partner’s statistics of its trade with Kazakhstan against Kazakhstan’s statistics of the same trade, for the same year and period: news figures quoted from partner statistics (e.g. China’s customs), and IMF DOTS mirror data for its latest year and partners with more than USD 1 billion of turnover. Informational: differences here are expected and are not inconsistencies.',
    outcome: items.length > 0 ? 'info' : 'not_checkable',
    stats: [stat('partner-reported figures with a Kazakhstan-reported counterpart', items.length)],
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// d. Partial periods are only compared with the same months

const partialRowSchema = z.object({
  figure: figureSchema,
  comparators: nullableFiguresSchema,
  full_year_rows: z.number().int(),
});

export interface PartialPeriodsInput {
  /** The comparisons the stated-growth check made, to prove each used a same-period base. */
  growthComparisons: readonly GrowthComparison[];
}

/**
 * Every figure for part of a year (Jan-Nov, H1, Jan-Aug ...) with the like-for-like figures that
 * exist: the same months of other years (and of the same year from other sources), including
 * Kazakhstan's world totals summed from monthly data. Passes when no growth comparison used a
 * base of a different period.
 */
export async function getPartialPeriodsCheck(input: PartialPeriodsInput): Promise<ConsistencyCheck> {
  const rows = await runQuery('getPartialPeriodsCheck', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH ${observationsCte(Prisma.sql`
        -- Only reporters and partners that have a partial-period figure (AGG_EU and AGG_EU27 both kept).
        o.reporter_code IN (SELECT reporter_code FROM observation WHERE period_kind = 'MONTHS_TO_DATE'
                            UNION SELECT ${EU_CODE} UNION SELECT ${EU27_CODE})
        AND o.partner_code IN (SELECT partner_code FROM observation WHERE period_kind = 'MONTHS_TO_DATE'
                               UNION SELECT ${EU_CODE} UNION SELECT ${EU27_CODE})`)},
      partial AS (SELECT * FROM obs WHERE period_kind = 'MONTHS_TO_DATE'),
      windows AS (
        SELECT DISTINCT p.indicator_code, w.year, p.period, p.period_kind, w.window_start, w.window_end,
               ((extract(year FROM w.window_end) - extract(year FROM w.window_start)) * 12
                 + extract(month FROM w.window_end) - extract(month FROM w.window_start) + 1)::int AS expected_months
        FROM partial p
        CROSS JOIN LATERAL (VALUES
          (p.year, p.period_start::date, p.period_end::date),
          (p.year - 1, (p.period_start::date - interval '1 year')::date, (p.period_end::date - interval '1 year')::date)
        ) AS w(year, window_start, window_end)
        WHERE p.reporter_code = ${REPORTER_KAZ} AND p.partner_code = ${WORLD_PARTNER_CODE}
          AND p.indicator_code IN (${Prisma.join([...TRADE_FLOWS])}) AND p.unit = 'USD' AND p.period_start IS NOT NULL
      ),
      ${MONTHLY_SUMS_CTE},
      figures AS MATERIALIZED (SELECT * FROM obs UNION ALL SELECT * FROM monthly_sums)
      SELECT to_jsonb(p) AS figure,
             (SELECT jsonb_agg(to_jsonb(c) ORDER BY c.year, c.source_id, c.id) FROM figures c
               WHERE c.id <> p.id AND c.reporter_key = p.reporter_key AND c.partner_key = p.partner_key
                 AND c.indicator_code = p.indicator_code AND c.series_key = p.series_key AND c.period = p.period) AS comparators,
             (SELECT count(*) FROM obs f
               WHERE f.reporter_key = p.reporter_key AND f.partner_key = p.partner_key AND f.indicator_code = p.indicator_code
                 AND f.series_key = p.series_key AND f.period_kind = 'YEAR')::int AS full_year_rows
      FROM partial p
      ORDER BY p.indicator_code, p.reporter_code, p.partner_code, p.year, p.source_id`;
    return z.array(partialRowSchema).parse(result);
  });

  const mismatchedGrowth = input.growthComparisons.filter(
    (c) => c.basePeriod !== null && c.basePeriod !== c.statedPeriod,
  );
  const usedBases = input.growthComparisons.filter((c) => c.basePeriod !== null).length;

  let withOtherYear = 0;
  const items = rows.map(({ figure, comparators, full_year_rows: fullYearRows }): CheckItem => {
    // The query only ever returns the same period label; a different one here would be a bug.
    const wrongPeriod = comparators.filter((c) => c.period !== figure.period);
    const otherYears = comparators.filter((c) => c.year !== figure.year);
    if (otherYears.length > 0) withOtherYear += 1;
    const sameYear = comparators.filter((c) => c.year === figure.year);
    return {
      key: `partial:${figure.id}`,
      title: `${figureLabel(figure)}, ${figurePeriod(figure)} (${figure.sourceId})`,
      outcome: wrongPeriod.length > 0 ? 'fail' : 'info',
      values: [
        toCheckValue(figure, 'partial-period figure'),
        ...otherYears.map((c) => toCheckValue(c, `same months, ${c.year ?? ''}`)),
        ...sameYear.map((c) => toCheckValue(c, 'same months, other source')),
      ],
      difference: null,
      ranges: [],
      explanation:
        (otherYears.length > 0
          ? `Like-for-like comparators: the same months of ${[...new Set(otherYears.map((c) => c.year))].join(', ')}.`
          : 'No figure for the same months of another year is stored, so no growth can be computed for it.') +
        (fullYearRows > 0
          ? ` ${fullYearRows} full-year figure(s) of this series exist and are never compared with it.`
          : ''),
    };
  });

  const failed = items.some((item) => item.outcome === 'fail') || mismatchedGrowth.length > 0;
  return check({
    id: 'partial-periods',
    title: 'Partial periods are compared only with the same months',
    description:
      'Every figure that covers part of a year (Jan-Nov, H1, Jan-Aug ...) with the like-for-like figures that exist: the same months of other years, and of the same year from other sources (Kazakhstan’s world totals also summed from the bureau’s monthly data). Passes when every growth comparison above used a base with the same period label, so that no partial period is compared with a full year.',
    outcome: failed ? 'fail' : 'pass',
    stats: [
      stat('partial-period figures', items.length),
      stat('with a like-for-like figure of another year', withOtherYear),
      stat('growth comparisons with a same-period base', usedBases - mismatchedGrowth.length),
      stat('growth comparisons with another period', mismatchedGrowth.length),
    ],
    items,
  });
}

// ---------------------------------------------------------------------------------------------
// All checks

/** Runs every check against the current data (on every page load) and counts the outcomes. */
async function getConsistencyReportUncached(): Promise<ConsistencyReport> {
  const [growth, turnoverSum, statedParts, eu27, establishments, listed, share, sameFigure, mirror] = await Promise.all(
    [
      getStatedGrowthCheck(),
      getTurnoverSumCheck(),
      getStatedTurnoverPartsCheck(),
      getEu27MembersSumCheck(),
      getEstablishmentsCheck(),
      getListedCountsCheck(),
      getTurnoverShareCheck(),
      getSameFigureCheck(),
      getReporterPartnerCheck(),
    ],
  );
  const partial = await getPartialPeriodsCheck({ growthComparisons: growth.comparisons });
  const checks = [
    growth.check,
    turnoverSum,
    statedParts,
    eu27,
    establishments,
    listed,
    share,
    sameFigure,
    mirror,
    partial,
  ];
  return { checkedAt: new Date().toISOString(), checks, counts: countOutcomes(checks) };
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getConsistencyReport = cachedQuery('consistency.getConsistencyReport', getConsistencyReportUncached);
