// SQL pieces the consistency checks share (postgres.js fragments). Every figure a check shows is
// read with the same columns, so lib/consistency/figure.ts parses all of them with one schema.
import 'server-only';
import type postgres from 'postgres';
import { z } from 'zod';
import type { ExchangeRate } from '@/lib/consistency/check';
import { figureSchema } from '@/lib/consistency/figure';
import { BNS_MONTHLY_SOURCE_ID, EU27_CODE, EU_CODE, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { sql } from '@/lib/sql';

export type Fragment = postgres.PendingQuery<postgres.Row[]>;

export const figuresSchema = z.array(figureSchema);
export const nullableFiguresSchema = figuresSchema.nullable().transform((figures) => figures ?? []);

/**
 * The sources whose figures are statements (news, official pages, research): the figures that
 * state growth rates, shares, totals and parts. Read first and bound as an array, so that the
 * planner sees how few rows they hold and reads them through the source index, never by a scan
 * of every observation.
 */
export async function readStatedSourceIds(): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`SELECT id FROM source WHERE kind <> 'STATISTICAL_DATASET' ORDER BY id`;
  return rows.map((row) => row.id);
}

/** The sources the official series reads, for every reporter that has one (official_source). */
export async function readOfficialSourceIds(): Promise<string[]> {
  const rows = await sql<{ id: string }[]>`
    SELECT source_id AS id FROM official_source
    UNION SELECT derived_from FROM official_source WHERE derived_from IS NOT NULL
    ORDER BY id`;
  return rows.map((row) => row.id);
}

/** `o` is a row of one of `ids` (from readStatedSourceIds). */
export const fromSources = (ids: readonly string[]) => sql`o.source_id = ANY (${[...ids]}::text[])`;

/** AGG_EU27 written AGG_EU, as the official series writes the EU. */
export const euKey = (code: Fragment) =>
  sql`CASE WHEN ${code} = ${EU27_CODE}::text THEN ${EU_CODE}::text ELSE ${code} END`;

/**
 * True for a figure its source did not publish but worked back from a change it states for the
 * next period (EU Jan-Nov 2022 = 37.7 / 1.032): that row and the stated change are one statement.
 * One probe of the natural-key index per row. `OFFSET 0` keeps it so: without it PostgreSQL may
 * turn the EXISTS into a hashed subplan that reads every observation once per statement, which it
 * chose at 10,000,000 rows for a few dozen rows to test (1.4 s, twice per uncached /consistency;
 * docs/performance.md, 2026-12-07).
 */
export const impliedByChange = (o: Fragment) => sql`(
  ${o}.derivation <> 'PUBLISHED' AND ${o}.year IS NOT NULL AND EXISTS (
    SELECT 1 FROM observation g
    WHERE g.source_id = ${o}.source_id AND g.reporter_code = ${o}.reporter_code AND g.partner_code = ${o}.partner_code
      AND g.indicator_code = ${o}.indicator_code AND g.period_key = (${o}.year + 1)::text || '|' || ${o}.period
      AND g.series_key = ${o}.series_key AND g.stated_growth_pct IS NOT NULL
    OFFSET 0))`;

/**
 * The columns of figureSchema for observation `o` joined with its source as `src`: absolute value
 * (value × 10^scale), decimals as published, EU-normalised keys, and whether the official series
 * takes the row (one probe of official_series' observation_id index).
 */
export const figureColumns = () => sql`
  o.id::text AS id, o.source_id, src.kind::text AS source_kind,
  o.reporter_code, o.partner_code, o.indicator_code, o.year, o.period, o.period_kind::text AS period_kind,
  to_char(o.period_start, 'YYYY-MM-DD') AS period_start, to_char(o.period_end, 'YYYY-MM-DD') AS period_end,
  o.series_key, o.unit, o.scale::int AS scale, o.value::text AS value_text, scale(o.value)::int AS decimals,
  (o.value * power(10::numeric, o.scale))::float8 AS abs_value,
  o.qualifier::text AS qualifier, o.derivation::text AS derivation, o.is_estimate, o.flag,
  o.stated_growth_pct::float8 AS stated_growth_pct, scale(o.stated_growth_pct)::int AS growth_decimals,
  o.derivation_note,
  ${euKey(sql`o.reporter_code`)} AS reporter_key, ${euKey(sql`o.partner_code`)} AS partner_key,
  false AS is_computed,
  EXISTS (SELECT 1 FROM official_series os WHERE os.observation_id = o.id) AS official,
  ${impliedByChange(sql`o`)} AS implied_by_change`;

/** `name AS (figures of the observations matching where)`, for checks that read a handful of rows. */
export const figuresCte = (name: string, where: Fragment) => sql`
  ${sql(name)} AS (
    SELECT ${figureColumns()}
    FROM observation o
    JOIN source src ON src.id = o.source_id
    WHERE ${where}
  )`;

/**
 * Official-series rows with no observation behind them (the world total of a partner table without
 * a world row, summed from its partner rows) as figures, for the official_series row `alias`.
 */
export const officialSeriesFigureColumns = (alias: string) => {
  const s = sql(alias);
  return sql`
  ('official:' || ${s}.reporter_code || ':' || ${s}.partner_code || ':' || ${s}.indicator_code || ':' || ${s}.year) AS id,
  ${s}.source_id, 'STATISTICAL_DATASET'::text AS source_kind,
  ${s}.reporter_code, ${s}.partner_code, ${s}.indicator_code, ${s}.year, 'FY'::text AS period, 'YEAR'::text AS period_kind,
  (${s}.year || '-01-01') AS period_start, (${s}.year || '-12-31') AS period_end,
  ''::text AS series_key, 'USD'::text AS unit, 6 AS scale, ${s}.value_usd_mn::text AS value_text, 6 AS decimals,
  ${s}.value_usd_mn * 1e6 AS abs_value, 'EXACT'::text AS qualifier, ${s}.derivation::text AS derivation, ${s}.is_estimate,
  'derived_sum'::text AS flag, NULL::float8 AS stated_growth_pct, NULL::int AS growth_decimals,
  ('The official series’ total with the world: the sum of the partner rows of ' || ${s}.edition_id || ', which has no world row') AS derivation_note,
  ${s}.reporter_code AS reporter_key, ${s}.partner_code AS partner_key, true AS is_computed, true AS official,
  false AS implied_by_change`;
};

/**
 * Rows of official_series `os` matching `where` (an expression on `os`) as figures: the stored
 * observation where the series takes one, the series' own row where it derived the value.
 */
export const officialFigures = (where: Fragment) => sql`
  SELECT ${figureColumns()}
  FROM official_series os
  JOIN observation o ON o.id = os.observation_id
  JOIN source src ON src.id = o.source_id
  WHERE ${where}
  UNION ALL
  SELECT ${officialSeriesFigureColumns('os')}
  FROM official_series os
  WHERE os.observation_id IS NULL AND ${where}`;

/** Both spellings of the EU when `key` is AGG_EU, the code itself otherwise: an index-friendly = ANY. */
export const codesOfKey = (key: Fragment) =>
  sql`(CASE WHEN ${key} = ${EU_CODE}::text THEN ARRAY[${EU_CODE}::text, ${EU27_CODE}::text] ELSE ARRAY[${key}] END)`;

/**
 * `monthly_sums`: Kazakhstan's total exports, imports and turnover with the world over each window
 * of a `windows` CTE (indicator_code, year, period, period_kind, window_start, window_end,
 * expected_months), summed from the bureau's single-month totals, as figures. A window is returned
 * only when every month is stored: a missing month is never read as zero.
 */
export const monthlySumsCte = (reporter: string = REPORTER_KAZ) => sql`
  monthly_sums AS MATERIALIZED (
    SELECT ('monthly-sum:' || w.indicator_code || ':' || w.year || ':' || w.period) AS id,
           ${BNS_MONTHLY_SOURCE_ID}::text AS source_id, 'STATISTICAL_DATASET'::text AS source_kind,
           ${reporter}::text AS reporter_code, ${WORLD_PARTNER_CODE}::text AS partner_code, w.indicator_code, w.year,
           w.period, w.period_kind, to_char(w.window_start, 'YYYY-MM-DD') AS period_start,
           to_char(w.window_end, 'YYYY-MM-DD') AS period_end, ''::text AS series_key, 'USD'::text AS unit, 0 AS scale,
           v.total::text AS value_text, scale(v.total)::int AS decimals, v.total::float8 AS abs_value,
           'EXACT'::text AS qualifier, 'DERIVED'::text AS derivation, false AS is_estimate, 'derived_sum'::text AS flag,
           NULL::float8 AS stated_growth_pct, NULL::int AS growth_decimals,
           ('Sum of the ' || w.expected_months || ' monthly totals of the Bureau of National Statistics (446905), computed here') AS derivation_note,
           ${reporter}::text AS reporter_key, ${WORLD_PARTNER_CODE}::text AS partner_key, true AS is_computed,
           false AS official, false AS implied_by_change
    FROM windows w
    CROSS JOIN LATERAL (
      SELECT count(*) FILTER (WHERE m.indicator_code = 'export') AS export_months,
             count(*) FILTER (WHERE m.indicator_code = 'import') AS import_months,
             sum(m.value * power(10::numeric, m.scale)) FILTER (WHERE m.indicator_code = 'export') AS export_sum,
             sum(m.value * power(10::numeric, m.scale)) FILTER (WHERE m.indicator_code = 'import') AS import_sum
      FROM observation m
      WHERE m.source_id = ${BNS_MONTHLY_SOURCE_ID} AND m.reporter_code = ${reporter}
        AND m.partner_code = ${WORLD_PARTNER_CODE} AND m.indicator_code IN ('export', 'import')
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

/** Months from the first of `start` to the end of `end` (two date expressions). */
export const monthsBetween = (start: Fragment, end: Fragment) =>
  sql`((extract(year FROM ${end}) - extract(year FROM ${start})) * 12 + extract(month FROM ${end}) - extract(month FROM ${start}) + 1)::int`;

/** The stored ECB annual average of the year in `year` (an expression of the outer query), three columns. */
export const rateColumns = (year: Fragment) => sql`
  (SELECT r.rate::float8 FROM exchange_rate r WHERE r.year = ${year} AND r.base_currency = 'EUR' AND r.quote_currency = 'USD') AS usd_per_eur,
  (SELECT r.rate::text FROM exchange_rate r WHERE r.year = ${year} AND r.base_currency = 'EUR' AND r.quote_currency = 'USD') AS usd_per_eur_text,
  (SELECT r.is_provisional FROM exchange_rate r WHERE r.year = ${year} AND r.base_currency = 'EUR' AND r.quote_currency = 'USD') AS rate_provisional`;

export const rateFields = {
  usd_per_eur: z.number().nullable(),
  usd_per_eur_text: z.string().nullable(),
  rate_provisional: z.boolean().nullable(),
};

export function toRate(row: {
  usd_per_eur: number | null;
  usd_per_eur_text: string | null;
  rate_provisional: boolean | null;
}): ExchangeRate | null {
  if (row.usd_per_eur === null || row.usd_per_eur_text === null) return null;
  return { usdPerEur: row.usd_per_eur, text: row.usd_per_eur_text, provisional: row.rate_provisional ?? false };
}
