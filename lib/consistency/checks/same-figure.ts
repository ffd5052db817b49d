// The same figure from different sources, side by side with the one the screens show.
import 'server-only';
import { z } from 'zod';
import { buildCheck, convertFigure, EU_NOTE, involvesEu, stat } from '@/lib/consistency/check';
import { computedValue, toCheckValue, type Figure } from '@/lib/consistency/figure';
import { proseNumber, seriesText } from '@/lib/consistency/labels';
import { isOfficialStatistics, preferenceReason, rankFigures } from '@/lib/consistency/preference';
import { OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE, relativeDifference } from '@/lib/consistency/tolerance';
import { list, period, text, type Text, type TextArg } from '@/lib/consistency/text';
import type { CheckItem, CheckOutcome, CheckProse, CheckValue, ConsistencyCheck } from '@/lib/consistency/types';
import { EU27_CODE, EU27_COMPOSITION_FROM_YEAR, EU_CODE, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { runQuery } from '@/lib/queries/run-query';
import { sql } from '@/lib/sql';
import {
  codesOfKey,
  figureColumns,
  figuresCte,
  figuresSchema,
  monthlySumsCte,
  monthsBetween,
  officialSeriesFigureColumns,
  rateColumns,
  rateFields,
  toRate,
  fromSources,
  readStatedSourceIds,
} from './sql';

const PCT = OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE * 100;

/** Keys of the official series listed per other statistical source, largest differences first. */
const MAX_LISTED_PER_SOURCE = 50;

// Its title, description, why and tolerance: Consistency.checks.same-figure in the catalogues.
export const SAME_FIGURE: CheckProse = {
  id: 'same-figure',
  values: { pct: PCT, listed: MAX_LISTED_PER_SOURCE },
};

const groupSchema = z
  .object({
    reporter_key: z.string(),
    partner_key: z.string(),
    indicator_code: z.string(),
    year: z.number().int(),
    period: z.string(),
    figures: figuresSchema,
    ...rateFields,
  })
  .transform((row) => ({ ...row, rate: toRate(row) }));

type Group = z.output<typeof groupSchema>;

const comparisonSchema = z.object({
  source_id: z.string(),
  keys: z.number().int(),
  beyond: z.number().int(),
  max_relative: z.number().nullable(),
  listed: z.array(
    z.object({ reporter: z.string(), partner: z.string(), indicator: z.string(), year: z.number().int() }),
  ),
});

type Comparison = z.infer<typeof comparisonSchema>;

/**
 * Every key of the official series that another statistical source also gives (one probe of the
 * reporter/indicator/year/partner index per row of the series), summed up per source in
 * PostgreSQL, with the keys of the largest differences to list.
 */
async function readOfficialComparisons(statedIds: readonly string[]): Promise<Comparison[]> {
  return z.array(comparisonSchema).parse(
    await sql`
      WITH pairs AS (
        SELECT os.*, os.partner_code AS stored_code FROM official_series os
        WHERE os.indicator_code IN ('export', 'import', 'turnover')
        UNION ALL
        -- The EU's second spelling: a second probe, so that every probe is one index lookup.
        SELECT os.*, ${EU27_CODE}::text FROM official_series os
        WHERE os.indicator_code IN ('export', 'import', 'turnover') AND os.partner_code = ${EU_CODE}
      ),
      compared AS MATERIALIZED (
        SELECT os.reporter_code, os.partner_code, os.indicator_code, os.year, o.source_id,
               abs((o.value * power(10::numeric, o.scale - 6))::float8 / NULLIF(os.value_usd_mn, 0) - 1) AS relative
        FROM pairs os
        JOIN observation o ON o.reporter_code = os.reporter_code AND o.indicator_code = os.indicator_code
          AND o.year = os.year AND o.partner_code = os.stored_code AND o.period = 'FY'
          AND o.series_key = '' AND o.unit = 'USD' AND o.id IS DISTINCT FROM os.observation_id
          -- Figures of news and statements are keyed by the secondary figures below.
          AND NOT (o.source_id = ANY (${[...statedIds]}::text[]))
      ),
      ranked AS (
        SELECT *, row_number() OVER (PARTITION BY source_id ORDER BY relative DESC NULLS LAST, reporter_code,
                                     partner_code, indicator_code, year) AS rank
        FROM compared
      )
      SELECT source_id, count(*)::int AS keys,
             count(*) FILTER (WHERE relative > ${OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE})::int AS beyond,
             max(relative) AS max_relative,
             coalesce(jsonb_agg(jsonb_build_object('reporter', reporter_code, 'partner', partner_code,
                                                   'indicator', indicator_code, 'year', year)
                                ORDER BY rank) FILTER (WHERE rank <= ${MAX_LISTED_PER_SOURCE}), '[]') AS listed
      FROM ranked
      GROUP BY source_id
      ORDER BY source_id`,
  );
}

/** Keys of news and statement figures that another figure shares. */
const secondaryKeysSql = (statedIds: readonly string[]) => sql`
  ${figuresCte('secondary', sql`${fromSources(statedIds)} AND o.series_key = '' AND o.year IS NOT NULL`)},
  windows AS (
    SELECT DISTINCT s.indicator_code, s.year, s.period, s.period_kind,
           s.period_start::date AS window_start, s.period_end::date AS window_end,
           ${monthsBetween(sql`s.period_start::date`, sql`s.period_end::date`)} AS expected_months
    FROM secondary s
    WHERE s.reporter_key = ${REPORTER_KAZ} AND s.partner_key = ${WORLD_PARTNER_CODE} AND s.period_kind = 'MONTHS_TO_DATE'
      AND s.indicator_code IN ('export', 'import', 'turnover') AND s.unit = 'USD'
      AND s.period_start IS NOT NULL AND s.period_end IS NOT NULL
  ),
  ${monthlySumsCte()},
  secondary_keys AS (
    SELECT DISTINCT s.reporter_key, s.partner_key, s.indicator_code, s.year, s.period
    FROM secondary s
    WHERE EXISTS (
        SELECT 1 FROM observation o
        WHERE o.reporter_code = ANY (${codesOfKey(sql`s.reporter_key`)}) AND o.indicator_code = s.indicator_code
          AND o.year = s.year AND o.partner_code = ANY (${codesOfKey(sql`s.partner_key`)}) AND o.period = s.period
          AND o.series_key = '' AND o.source_id <> s.source_id)
      OR EXISTS (
        SELECT 1 FROM official_series os
        WHERE s.period = 'FY' AND os.observation_id IS NULL AND os.reporter_code = s.reporter_key
          AND os.partner_code = s.partner_key AND os.indicator_code = s.indicator_code AND os.year = s.year)
      OR EXISTS (SELECT 1 FROM monthly_sums m WHERE m.indicator_code = s.indicator_code AND m.year = s.year
                   AND m.period = s.period AND s.reporter_key = ${REPORTER_KAZ} AND s.partner_key = ${WORLD_PARTNER_CODE})
  )`;

async function readGroups(statedIds: readonly string[], officialKeys: Comparison['listed']): Promise<Group[]> {
  return z.array(groupSchema).parse(
    await sql`
      WITH ${secondaryKeysSql(statedIds)},
      keys AS (
        SELECT * FROM secondary_keys
        UNION
        SELECT k.reporter, k.partner, k.indicator, k.year, 'FY'
        FROM unnest(${officialKeys.map((k) => k.reporter)}::text[], ${officialKeys.map((k) => k.partner)}::text[],
                    ${officialKeys.map((k) => k.indicator)}::text[], ${officialKeys.map((k) => k.year)}::int[])
             AS k(reporter, partner, indicator, year)
      ),
      figures AS (
        SELECT k.reporter_key AS k_reporter, k.partner_key AS k_partner, k.indicator_code AS k_indicator,
               k.year AS k_year, k.period AS k_period, f.*
        FROM keys k
        CROSS JOIN LATERAL (
          SELECT ${figureColumns()}
          FROM observation o JOIN source src ON src.id = o.source_id
          WHERE o.reporter_code = ANY (${codesOfKey(sql`k.reporter_key`)}) AND o.indicator_code = k.indicator_code
            AND o.year = k.year AND o.partner_code = ANY (${codesOfKey(sql`k.partner_key`)}) AND o.period = k.period
            AND o.series_key = ''
          UNION ALL
          SELECT ${officialSeriesFigureColumns('os')}
          FROM official_series os
          WHERE k.period = 'FY' AND os.observation_id IS NULL AND os.reporter_code = k.reporter_key
            AND os.partner_code = k.partner_key AND os.indicator_code = k.indicator_code AND os.year = k.year
          UNION ALL
          SELECT m.* FROM monthly_sums m
          WHERE k.reporter_key = ${REPORTER_KAZ} AND k.partner_key = ${WORLD_PARTNER_CODE}
            AND m.indicator_code = k.indicator_code AND m.year = k.year AND m.period = k.period
        ) f
      )
      SELECT k_reporter AS reporter_key, k_partner AS partner_key, k_indicator AS indicator_code, k_year AS year,
             k_period AS period,
             jsonb_agg(to_jsonb(f) - ARRAY['k_reporter', 'k_partner', 'k_indicator', 'k_year', 'k_period']
                       ORDER BY f.source_id, f.id) AS figures,
             ${rateColumns(sql`k_year`)}
      FROM figures f
      GROUP BY k_reporter, k_partner, k_indicator, k_year, k_period
      HAVING count(DISTINCT f.source_id) >= 2
      ORDER BY k_reporter, k_partner, k_indicator, k_year, k_period`,
  );
}

export async function getSameFigureCheck(): Promise<ConsistencyCheck> {
  const { comparisons, groups } = await runQuery('getSameFigureCheck', null, async () => {
    const statedIds = await readStatedSourceIds();
    const comparisons = await readOfficialComparisons(statedIds);
    const groups = await readGroups(
      statedIds,
      comparisons.flatMap((c) => c.listed),
    );
    return { comparisons, groups };
  });

  const summarised = new Set(comparisons.map((c) => c.source_id));
  let converted = 0;
  const items = groups.map((group) => {
    const { item, conversions } = sameFigureItem(group, summarised);
    converted += conversions;
    return item;
  });
  const summaries = comparisons.map(summaryItem);
  const keys = comparisons.reduce((sum, c) => sum + c.keys, 0);
  const beyond = comparisons.reduce((sum, c) => sum + c.beyond, 0);
  return buildCheck(SAME_FIGURE, {
    items: [...summaries, ...items],
    outcome: items.length === 0 && summaries.length === 0 ? 'not_checkable' : undefined,
    stats: [
      stat(text('sameFigure.stats.keys'), keys),
      stat(text('sameFigure.stats.beyond', { pct: proseNumber(PCT) }), beyond),
      stat(text('sameFigure.stats.listed'), items.length),
      stat(text('sameFigure.stats.converted'), converted),
    ],
  });
}

/** One other statistical source against the official series, over every key both give. */
function summaryItem(comparison: Comparison): CheckItem {
  const listed = Math.min(comparison.keys, MAX_LISTED_PER_SOURCE);
  return {
    key: `same:source:${comparison.source_id}`,
    title: text('sameFigure.summaryTitle', { source: comparison.source_id }),
    outcome: comparison.beyond > 0 ? 'review' : 'pass',
    values: [
      computedValue({
        role: text('sameFigure.roles.keys'),
        label: text('sameFigure.keysLabel'),
        value: comparison.keys,
        unit: 'count',
        period: text('common.allYears'),
        sourceIds: [comparison.source_id],
        derivation: null,
      }),
      computedValue({
        role: text('sameFigure.roles.beyond', { pct: proseNumber(PCT) }),
        label: text('sameFigure.beyondLabel', { source: comparison.source_id, pct: proseNumber(PCT) }),
        value: comparison.beyond,
        unit: 'count',
        period: text('common.allYears'),
        sourceIds: [comparison.source_id],
        derivation: null,
      }),
      computedValue({
        role: text('roles.largestDifference'),
        label: text('sameFigure.largestLabel'),
        value: comparison.max_relative,
        unit: 'ratio',
        period: text('common.allYears'),
        sourceIds: [comparison.source_id],
        derivation: null,
      }),
    ],
    difference: null,
    ranges: [],
    explanation: text('sameFigure.summaryExplanation', {
      keys: comparison.keys,
      source: comparison.source_id,
      beyond: comparison.beyond,
      pct: proseNumber(PCT),
      listed: listed < comparison.keys ? text('sameFigure.largestListed', { listed }) : text('sameFigure.eachListed'),
    }),
  };
}

/**
 * One key's figures side by side. Disagreements with the official series of a source summed up by
 * summaryItem are graded there, once per source; here they are described.
 */
function sameFigureItem(group: Group, summarised: ReadonlySet<string>): { item: CheckItem; conversions: number } {
  const ranked = rankFigures(group.figures);
  const [shown, runnerUp] = ranked as [Figure, Figure];
  const bestOfficial = ranked.find(isOfficialStatistics) ?? null;
  let conversions = 0;
  let notComparable = false;
  let officialDisagreement = false;
  let summarisedDisagreement = false;
  let largest: { value: number; relative: number | null } | null = null;

  const reason = preferenceReason(shown, runnerUp);
  const values: CheckValue[] = [
    toCheckValue(shown, text(shown.official ? 'roles.shownOfficial' : 'roles.preferred'), { preferred: true }),
  ];
  for (const figure of ranked.slice(1)) {
    const conversion = convertFigure(figure, shown.unit, group.rate);
    if (conversion === null) {
      notComparable = true;
      values.push(
        toCheckValue(figure, text('roles.otherSource'), {
          note: text('sameFigure.noRate', {
            unit: figure.unit,
            shownUnit: shown.unit,
            year: figure.year === null ? text('sameFigure.thisYear') : String(figure.year),
          }),
        }),
      );
      continue;
    }
    if (conversion.note) conversions += 1;
    const relative = relativeDifference(conversion.value, shown.value);
    if (largest === null || Math.abs(relative ?? 0) > Math.abs(largest.relative ?? 0))
      largest = { value: conversion.value - shown.value, relative };
    if (bestOfficial && figure !== bestOfficial && isOfficialStatistics(figure)) {
      const againstOfficial = convertFigure(figure, bestOfficial.unit, group.rate);
      const officialRelative = againstOfficial ? relativeDifference(againstOfficial.value, bestOfficial.value) : null;
      if (officialRelative !== null && Math.abs(officialRelative) > OFFICIAL_SOURCES_MAX_RELATIVE_DIFFERENCE) {
        if (bestOfficial.official && summarised.has(figure.sourceId)) summarisedDisagreement = true;
        else officialDisagreement = true;
      }
    }
    // The reason is given once per item; a figure passed over for another reason says so itself.
    const ownReason = preferenceReason(shown, figure);
    values.push(
      toCheckValue(figure, text('roles.otherSource'), {
        relativeToReference: relative,
        note: joined([
          conversion.note,
          sameReason(ownReason, reason) ? null : text('common.notShown', { reason: ownReason }),
        ]),
      }),
    );
  }

  const outcome: CheckOutcome = officialDisagreement ? 'review' : notComparable ? 'not_checkable' : 'info';
  const euNote = ranked.some(involvesEu) && group.year >= EU27_COMPOSITION_FROM_YEAR ? EU_NOTE : null;
  const said = { pct: proseNumber(PCT), source: shown.sourceId };
  const explanation =
    outcome === 'review'
      ? text('sameFigure.officialDisagree', said)
      : outcome === 'not_checkable'
        ? text('sameFigure.otherCurrencies')
        : summarisedDisagreement
          ? text('sameFigure.gradedInSummary', said)
          : text('sameFigure.figuresForKey', { count: ranked.length, source: shown.sourceId });
  return {
    conversions,
    item: {
      key: `same:${group.reporter_key}:${group.partner_key}:${group.indicator_code}:${group.year}:${group.period}`,
      title: text('titleWithPeriod', {
        title: seriesText(group.reporter_key, group.partner_key, group.indicator_code),
        period: period(group.year, group.period),
      }),
      outcome,
      values,
      difference: largest === null ? null : { value: largest.value, unit: shown.unit, relative: largest.relative },
      ranges: [],
      explanation: joined([explanation, reason, euNote]) ?? explanation,
    },
  };
}

/** Two reasons are the same sentence when they have the same key and values. */
const sameReason = (a: Text, b: Text) => JSON.stringify(a) === JSON.stringify(b);

/** Sentences one after another, or null when there are none. */
function joined(parts: readonly (TextArg | null)[]): TextArg | null {
  const present = parts.filter((part): part is TextArg => part !== null);
  return present.length === 0 ? null : list(present, ' ');
}
