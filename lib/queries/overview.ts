// The overview's queries. Every annual figure comes from the official series relation
// (official_series: one row per partner, flow and year; see docs/data.md), so shares, ranks and
// totals all read one definition. Values leave this module in USD million, as plain numbers.
import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import {
  BNS_MONTHLY_SOURCE_ID,
  EU27_CODE,
  EU_CODE,
  OTHER_PARTNERS_KEY,
  REPORTER_KAZ,
  WORLD_PARTNER_CODE,
} from '@/lib/constants';
import type { PartnerKind } from '@/lib/generated/prisma/enums';
import type { CompositionEuView, PartnerSortKey, PartnerView, SortDirection } from '@/lib/search-params/overview';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

export { getSourceAttribution, type SourceAttribution } from './source-attribution';

/** Dashboard unit: values are converted to it when the relation is built. */
export const VALUE_UNIT = 'USD million' as const;

const PARTNER_KINDS = ['COUNTRY', 'GROUP', 'HISTORICAL', 'OTHER'] as const satisfies readonly PartnerKind[];
const partnerKindSchema = z.enum(PARTNER_KINDS);

/** Which partner kinds each table view lists. Former countries (USSR, Czechoslovakia) count as countries. */
const VIEW_KINDS: Record<PartnerView, readonly PartnerKind[]> = {
  countries: ['COUNTRY', 'HISTORICAL'],
  groups: ['GROUP', 'OTHER'],
  all: ['COUNTRY', 'HISTORICAL', 'GROUP', 'OTHER'],
};

/** Allow-listed ORDER BY columns; the URL's sort key is only ever a key of this map. */
const PARTNER_ORDER_BY: Record<PartnerSortKey, string> = {
  name: 'p.name',
  export: 'pv.export_usd_mn',
  import: 'pv.import_usd_mn',
  turnover: 'pv.turnover_usd_mn',
  // The share is turnover over one constant (the world total), so it orders like turnover.
  share: 'pv.turnover_usd_mn',
};

// ---------------------------------------------------------------------------------------------
// Turnover series: the reporter's total and its top partner countries, by year

export interface TurnoverSeriesPartner {
  code: string;
  name: string;
  /** The bureau's Russian name, where its dictionary lists the partner (lib/i18n/partner-names.ts). */
  nameRu?: string | null;
  kind: PartnerKind;
  /** The world total (AGG_WORLD), drawn as the reference line. */
  isWorld: boolean;
  /** 0 for the world total, then 1..top by turnover in `rankYear`. */
  rank: number;
}

export interface TurnoverPoint {
  partnerCode: string;
  year: number;
  valueUsdMn: number;
  sourceId: string;
  /** PUBLISHED, DERIVED (e.g. summed from partner rows, export + import) or INFERRED. */
  derivation: string;
}

export interface TopPartnersTurnoverSeries {
  reporter: string;
  unit: typeof VALUE_UNIT;
  /** The latest year with country data, in which the top partners were ranked. */
  rankYear: number | null;
  /** First and last year that have a point, or null when there is none. */
  fromYear: number | null;
  toYear: number | null;
  /** World total first (when present), then partners by rank. */
  partners: TurnoverSeriesPartner[];
  /** Only published points: a year without a value has no point (never a 0). */
  points: TurnoverPoint[];
  /** Sources the points come from, for attribution. */
  sourceIds: string[];
}

export interface TurnoverSeriesInput {
  reporter: string;
  top?: number;
  fromYear: number;
  toYear: number;
}

const seriesRowSchema = z.object({
  partnerCode: z.string(),
  partnerName: z.string(),
  partnerNameRu: z.string().nullable(),
  partnerKind: partnerKindSchema,
  rank: z.number().int(),
  year: z.number().int(),
  valueUsdMn: z.number(),
  sourceId: z.string(),
  rankYear: z.number().int().nullable(),
  derivation: z.string(),
});

/**
 * Annual turnover of `reporter` with its `top` partner countries, ranked by turnover in the latest
 * year with data, plus the reporter's world total. Aggregates (EU, IMF regions) are never ranked.
 */
async function getTopPartnersTurnoverSeriesUncached(input: TurnoverSeriesInput): Promise<TopPartnersTurnoverSeries> {
  const top = z
    .number()
    .int()
    .min(1)
    .max(20)
    .parse(input.top ?? 6);
  const rows = await runQuery('getTopPartnersTurnoverSeries', input, async () =>
    z.array(seriesRowSchema).parse(
      await sql`
        WITH rank_year AS (
          -- The newest year first through the (reporter, flow, year) index: the scan stops at the
          -- first country, where max() over a join would read every year.
          SELECT s.year FROM official_series s JOIN partner p ON p.code = s.partner_code
          WHERE s.reporter_code = ${input.reporter} AND s.indicator_code = 'turnover' AND p.kind = 'COUNTRY'
            AND s.year BETWEEN ${input.fromYear} AND ${input.toYear}
          ORDER BY s.year DESC
          LIMIT 1
        ),
        selected AS (
          (SELECT s.partner_code, row_number() OVER (ORDER BY s.value_usd_mn DESC, s.partner_code)::int AS rank
           FROM official_series s JOIN partner p ON p.code = s.partner_code
           WHERE s.reporter_code = ${input.reporter} AND s.indicator_code = 'turnover' AND p.kind = 'COUNTRY'
             AND s.year = (SELECT year FROM rank_year)
           ORDER BY s.value_usd_mn DESC, s.partner_code
           LIMIT ${top})
          UNION ALL
          SELECT ${WORLD_PARTNER_CODE}::text, 0
        )
        -- Only the selected partners' years are read, by primary key.
        SELECT t.partner_code AS "partnerCode", p.name AS "partnerName", p.name_ru AS "partnerNameRu",
               p.kind::text AS "partnerKind",
               s.rank, t.year, t.value_usd_mn AS "valueUsdMn", t.source_id AS "sourceId",
               t.derivation::text AS derivation, (SELECT year FROM rank_year) AS "rankYear"
        FROM selected s
        JOIN official_series t ON t.reporter_code = ${input.reporter} AND t.partner_code = s.partner_code
                              AND t.indicator_code = 'turnover' AND t.year BETWEEN ${input.fromYear} AND ${input.toYear}
        JOIN partner p ON p.code = t.partner_code
        ORDER BY s.rank, t.year`,
    ),
  );

  const partners = new Map<string, TurnoverSeriesPartner>();
  for (const row of rows) {
    if (!partners.has(row.partnerCode)) {
      partners.set(row.partnerCode, {
        code: row.partnerCode,
        name: row.partnerName,
        nameRu: row.partnerNameRu,
        kind: row.partnerKind,
        isWorld: row.partnerCode === WORLD_PARTNER_CODE,
        rank: row.rank,
      });
    }
  }
  const years = rows.map((row) => row.year);
  return {
    reporter: input.reporter,
    unit: VALUE_UNIT,
    rankYear: rows[0]?.rankYear ?? null,
    fromYear: years.length > 0 ? Math.min(...years) : null,
    toYear: years.length > 0 ? Math.max(...years) : null,
    partners: [...partners.values()].sort((a, b) => a.rank - b.rank),
    points: rows.map(({ partnerCode, year, valueUsdMn, sourceId, derivation }) => ({
      partnerCode,
      year,
      valueUsdMn,
      sourceId,
      derivation,
    })),
    sourceIds: [...new Set(rows.map((row) => row.sourceId))].sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Years with data

/** Calendar years (ascending) in which the reporter's official series has a figure. */
async function getAvailableYearsUncached(input: { reporter: string }): Promise<number[]> {
  return runQuery('getAvailableYears', input, async () => {
    // PostgreSQL has no loose index scan: DISTINCT would read every row of the reporter, where
    // this steps from year to year through the (reporter, year) index, one probe per year.
    const rows = await sql<{ year: number }[]>`
      WITH RECURSIVE y AS (
        (SELECT year FROM official_series WHERE reporter_code = ${input.reporter} ORDER BY year LIMIT 1)
        UNION ALL
        SELECT (SELECT s.year FROM official_series s
                WHERE s.reporter_code = ${input.reporter} AND s.year > y.year ORDER BY s.year LIMIT 1)
        FROM y WHERE y.year IS NOT NULL
      )
      SELECT year FROM y WHERE year IS NOT NULL ORDER BY year`;
    return rows.map((row) => row.year);
  });
}

// ---------------------------------------------------------------------------------------------
// Partner table: one year, every partner, export / import / turnover and share of the total

export interface PartnerTableRow {
  code: string;
  name: string;
  /** The bureau's Russian name, where its dictionary lists the partner. */
  nameRu?: string | null;
  kind: PartnerKind;
  exportUsdMn: number | null;
  importUsdMn: number | null;
  turnoverUsdMn: number | null;
  /** Turnover as a fraction (0..1) of the reporter's turnover with the world, same year and source. */
  shareOfWorld: number | null;
  /** True when a value is (or is computed from) an IMF estimate. */
  exportIsEstimate: boolean;
  importIsEstimate: boolean;
  turnoverIsEstimate: boolean;
  /** True when a value was computed here or by the source (a sum of members or partners, export + import). */
  exportIsDerived: boolean;
  importIsDerived: boolean;
  turnoverIsDerived: boolean;
  /** Sources of the row's values. */
  sourceIds: string[];
}

export interface PartnerTable {
  reporter: string;
  unit: typeof VALUE_UNIT;
  /** The year shown: the requested one, or the latest with data; null when there is no data. */
  year: number | null;
  /** The reporter's turnover with the world that year, the denominator of every share. */
  worldTurnoverUsdMn: number | null;
  /** Where that total comes from, and whether it was derived (summed from the partner rows). */
  worldSourceId: string | null;
  worldIsDerived: boolean;
  rows: PartnerTableRow[];
  total: number;
  sourceIds: string[];
}

export interface PartnerTableInput {
  reporter: string;
  /** Omit for the latest year with data. */
  year?: number;
  sort: PartnerSortKey;
  dir: SortDirection;
  partners: PartnerView;
}

const partnerRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameRu: z.string().nullable(),
  kind: partnerKindSchema,
  exportUsdMn: z.number().nullable(),
  importUsdMn: z.number().nullable(),
  turnoverUsdMn: z.number().nullable(),
  shareOfWorld: z.number().nullable(),
  exportIsEstimate: z.boolean(),
  importIsEstimate: z.boolean(),
  turnoverIsEstimate: z.boolean(),
  exportIsDerived: z.boolean(),
  importIsDerived: z.boolean(),
  turnoverIsDerived: z.boolean(),
  sourceIds: z.array(z.string()),
});

const worldRowSchema = z.object({
  year: z.number().int().nullable(),
  turnover: z.number().nullable(),
  sourceId: z.string().nullable(),
  derived: z.boolean().nullable(),
});

/**
 * The reporter's trade with each partner in one year, sorted in SQL by an allow-listed column
 * (missing values last whatever the direction, then by name so equal values keep a stable order).
 */
async function getPartnerTableUncached(input: PartnerTableInput): Promise<PartnerTable> {
  const orderBy = sql.unsafe(`${PARTNER_ORDER_BY[input.sort]} ${input.dir === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`);
  const kinds = [...VIEW_KINDS[input.partners]];
  // A function: each statement gets a fragment of its own.
  const target = () =>
    sql`coalesce(${input.year ?? null}::int, (SELECT max(year) FROM official_series WHERE reporter_code = ${input.reporter}))`;

  const [rows, worldRows] = await runQuery('getPartnerTable', input, () =>
    Promise.all([
      sql`
        WITH pv AS (
          SELECT s.partner_code, array_agg(DISTINCT s.source_id ORDER BY s.source_id) AS source_ids,
                 max(s.value_usd_mn) FILTER (WHERE s.indicator_code = 'export') AS export_usd_mn,
                 max(s.value_usd_mn) FILTER (WHERE s.indicator_code = 'import') AS import_usd_mn,
                 max(s.value_usd_mn) FILTER (WHERE s.indicator_code = 'turnover') AS turnover_usd_mn,
                 max(s.share) FILTER (WHERE s.indicator_code = 'turnover') AS share,
                 coalesce(bool_or(s.is_estimate) FILTER (WHERE s.indicator_code = 'export'), false) AS export_estimate,
                 coalesce(bool_or(s.is_estimate) FILTER (WHERE s.indicator_code = 'import'), false) AS import_estimate,
                 coalesce(bool_or(s.is_estimate) FILTER (WHERE s.indicator_code = 'turnover'), false) AS turnover_estimate,
                 coalesce(bool_or(s.derivation <> 'PUBLISHED') FILTER (WHERE s.indicator_code = 'export'), false) AS export_derived,
                 coalesce(bool_or(s.derivation <> 'PUBLISHED') FILTER (WHERE s.indicator_code = 'import'), false) AS import_derived,
                 coalesce(bool_or(s.derivation <> 'PUBLISHED') FILTER (WHERE s.indicator_code = 'turnover'), false) AS turnover_derived
          FROM official_series s
          WHERE s.reporter_code = ${input.reporter} AND s.year = ${target()} AND s.indicator_code <> 'balance'
          GROUP BY s.partner_code
        )
        SELECT p.code, p.name, p.name_ru AS "nameRu", p.kind::text AS kind,
               pv.export_usd_mn AS "exportUsdMn", pv.import_usd_mn AS "importUsdMn", pv.turnover_usd_mn AS "turnoverUsdMn",
               pv.share AS "shareOfWorld",
               pv.export_estimate AS "exportIsEstimate", pv.import_estimate AS "importIsEstimate",
               pv.turnover_estimate AS "turnoverIsEstimate",
               pv.export_derived AS "exportIsDerived", pv.import_derived AS "importIsDerived",
               pv.turnover_derived AS "turnoverIsDerived",
               pv.source_ids AS "sourceIds"
        FROM pv JOIN partner p ON p.code = pv.partner_code
        WHERE p.kind::text = ANY (${kinds}::text[])
        ORDER BY ${orderBy}, p.name ASC, p.code ASC`,
      sql`
        SELECT ${target()} AS year, s.value_usd_mn AS turnover, s.source_id AS "sourceId",
               s.derivation <> 'PUBLISHED' AS derived
        FROM (SELECT 1) one
        LEFT JOIN official_series s ON s.reporter_code = ${input.reporter} AND s.partner_code = ${WORLD_PARTNER_CODE}
                                    AND s.indicator_code = 'turnover' AND s.year = ${target()}`,
    ]),
  );
  const table = z.array(partnerRowSchema).parse(rows);
  const world = worldRowSchema.parse(worldRows[0] ?? { year: null, turnover: null, sourceId: null, derived: null });
  return {
    reporter: input.reporter,
    unit: VALUE_UNIT,
    year: world.year ?? input.year ?? null,
    worldTurnoverUsdMn: world.turnover,
    worldSourceId: world.sourceId,
    worldIsDerived: world.derived ?? false,
    rows: table,
    total: table.length,
    sourceIds: [
      ...new Set([...table.flatMap((row) => row.sourceIds), ...(world.sourceId ? [world.sourceId] : [])]),
    ].sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Headline figures: Kazakhstan's trade with the world in the latest complete year

export type HeadlineFlow = 'turnover' | 'export' | 'import' | 'balance';

export interface HeadlineFigure {
  flow: HeadlineFlow;
  valueUsdMn: number;
  previousUsdMn: number | null;
  /** Change on the previous year as a fraction; null when the previous year is missing or not positive. */
  change: number | null;
  sourceId: string;
  previousSourceId: string | null;
  isDerived: boolean;
}

export interface WorldHeadline {
  /** The latest calendar year with a world turnover; null when there is none. */
  year: number | null;
  figures: HeadlineFigure[];
}

const headlineRowSchema = z.object({
  flow: z.enum(['turnover', 'export', 'import', 'balance']),
  year: z.number().int(),
  valueUsdMn: z.number(),
  previousUsdMn: z.number().nullable(),
  sourceId: z.string(),
  previousSourceId: z.string().nullable(),
  isDerived: z.boolean(),
});

/**
 * Turnover, exports, imports and balance with the world in the latest year of the official series
 * (complete calendar years only), each with the year before.
 */
async function getWorldHeadlineUncached(input: { reporter?: string } = {}): Promise<WorldHeadline> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const rows = await runQuery('getWorldHeadline', input, async () =>
    z.array(headlineRowSchema).parse(
      await sql`
        WITH world AS (
          SELECT * FROM official_series WHERE reporter_code = ${reporter} AND partner_code = ${WORLD_PARTNER_CODE}
        ),
        latest AS (SELECT max(year) AS year FROM world WHERE indicator_code = 'turnover')
        SELECT c.indicator_code AS flow, c.year, c.value_usd_mn AS "valueUsdMn", p.value_usd_mn AS "previousUsdMn",
               c.source_id AS "sourceId", p.source_id AS "previousSourceId", c.derivation <> 'PUBLISHED' AS "isDerived"
        FROM world c
        LEFT JOIN world p ON p.indicator_code = c.indicator_code AND p.year = c.year - 1
        WHERE c.year = (SELECT year FROM latest)
        ORDER BY array_position(ARRAY['turnover', 'export', 'import', 'balance'], c.indicator_code)`,
    ),
  );
  return {
    year: rows[0]?.year ?? null,
    figures: rows.map(({ year: _year, ...row }) => ({
      ...row,
      change:
        row.previousUsdMn !== null && row.previousUsdMn > 0
          ? (row.valueUsdMn - row.previousUsdMn) / row.previousUsdMn
          : null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Year to date: the partial latest year against the same months of earlier years

export interface YearToDateRow {
  year: number;
  exportUsdMn: number | null;
  importUsdMn: number | null;
  turnoverUsdMn: number | null;
  balanceUsdMn: number | null;
}

export interface YearToDate {
  /** The partial year, and the months it covers (always from January). */
  year: number;
  firstMonth: 1;
  lastMonth: number;
  /** Every year that has all of those months, oldest first, sums of the same months. */
  rows: YearToDateRow[];
  sourceId: string;
}

const yearToDateRowSchema = z.object({
  year: z.number().int(),
  lastMonth: z.number().int(),
  exportUsdMn: z.number().nullable(),
  importUsdMn: z.number().nullable(),
});

/**
 * When the latest year of the bureau's monthly totals is incomplete (e.g. January–June 2026), the
 * sums of those same months for every year that has them all: the only fair comparison for a
 * partial year. The monthly totals are a product of their own, never part of the annual series.
 * Null when the latest year is complete or there are no monthly totals.
 */
async function getYearToDateUncached(input: { reporter?: string } = {}): Promise<YearToDate | null> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const rows = await runQuery('getYearToDate', input, async () =>
    z.array(yearToDateRowSchema).parse(
      await sql`
        WITH months AS (
          SELECT o.year, extract(month FROM o.period_start)::int AS month, o.indicator_code,
                 (o.value * power(10::numeric, o.scale - 6))::float8 AS usd_mn
          FROM observation o
          WHERE o.source_id = ${BNS_MONTHLY_SOURCE_ID} AND o.reporter_code = ${reporter}
            AND o.partner_code = ${WORLD_PARTNER_CODE} AND o.period_kind = 'MONTH' AND o.unit = 'USD'
            AND o.series_key = '' AND o.indicator_code IN ('export', 'import')
        ),
        latest AS (
          SELECT year, max(month) AS last_month, count(DISTINCT month) AS months
          FROM months GROUP BY year ORDER BY year DESC LIMIT 1
        ),
        sums AS (
          SELECT m.year, m.indicator_code, sum(m.usd_mn) AS usd_mn
          FROM months m, latest l
          WHERE m.month <= l.last_month
          GROUP BY m.year, m.indicator_code
          -- Every one of the months, or the year is not comparable.
          HAVING count(DISTINCT m.month) = max(l.last_month)
        )
        SELECT s.year, (SELECT last_month FROM latest) AS "lastMonth",
               max(s.usd_mn) FILTER (WHERE s.indicator_code = 'export') AS "exportUsdMn",
               max(s.usd_mn) FILTER (WHERE s.indicator_code = 'import') AS "importUsdMn"
        FROM sums s
        -- Only when the latest year is partial and its months run from January without a gap.
        WHERE (SELECT last_month FROM latest) < 12 AND (SELECT months FROM latest) = (SELECT last_month FROM latest)
        GROUP BY s.year
        ORDER BY s.year`,
    ),
  );
  const latest = rows.at(-1);
  if (!latest) return null;
  return {
    year: latest.year,
    firstMonth: 1,
    lastMonth: latest.lastMonth,
    sourceId: BNS_MONTHLY_SOURCE_ID,
    rows: rows.map((row) => ({
      year: row.year,
      exportUsdMn: row.exportUsdMn,
      importUsdMn: row.importUsdMn,
      // Sums and differences of two published sides only: a missing side leaves both empty.
      turnoverUsdMn: row.exportUsdMn !== null && row.importUsdMn !== null ? row.exportUsdMn + row.importUsdMn : null,
      balanceUsdMn: row.exportUsdMn !== null && row.importUsdMn !== null ? row.exportUsdMn - row.importUsdMn : null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Composition of turnover: top partners, the EU as one block or by members, and the rest

export { OTHER_PARTNERS_KEY };

export interface CompositionPart {
  /** Partner code, or OTHER_PARTNERS_KEY for the remainder of the world total. */
  key: string;
  label: string;
  /** The bureau's Russian name of the partner, where its dictionary lists it. */
  labelRu?: string | null;
  /** 1..top in the ranking year; the remainder comes last. */
  rank: number;
}

export interface CompositionPoint {
  year: number;
  key: string;
  valueUsdMn: number;
  /** Fraction of the world total of the same year and source. */
  share: number;
}

export interface TurnoverComposition {
  eu: CompositionEuView;
  rankYear: number | null;
  parts: CompositionPart[];
  points: CompositionPoint[];
  /** Years in which a ranked partner has no figure, so its trade sits in "other". */
  incompleteYears: number[];
  sourceIds: string[];
}

export interface TurnoverCompositionInput {
  reporter?: string;
  top: number;
  eu: CompositionEuView;
  fromYear: number;
  toYear: number;
}

const compositionRowSchema = z.object({
  year: z.number().int(),
  key: z.string(),
  label: z.string(),
  labelRu: z.string().nullable(),
  rank: z.number().int(),
  valueUsdMn: z.number(),
  share: z.number(),
  rankYear: z.number().int().nullable(),
  missing: z.number().int(),
  sourceId: z.string(),
});

/**
 * Kazakhstan's turnover split into its `top` partners (ranked in the latest year that has both the
 * world total and partner figures) and "other partners" = world − the parts shown, per year. The
 * EU enters either as one block (AGG_EU, its members then excluded from the ranking) or through its
 * members (AGG_EU left out): never both, so nothing is counted twice. Members are those of the
 * fixed 27-member composition that the EU series uses in every year.
 */
async function getTurnoverCompositionUncached(input: TurnoverCompositionInput): Promise<TurnoverComposition> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const top = z.number().int().min(1).max(12).parse(input.top);
  const rows = await runQuery('getTurnoverComposition', input, async () =>
    z.array(compositionRowSchema).parse(
      await sql`
        WITH world AS (
          SELECT year, value_usd_mn, source_id FROM official_series
          WHERE reporter_code = ${reporter} AND partner_code = ${WORLD_PARTNER_CODE} AND indicator_code = 'turnover'
            AND year BETWEEN ${input.fromYear} AND ${input.toYear}
        ),
        eligible AS (
          SELECT p.code FROM partner p
          WHERE (p.kind IN ('COUNTRY', 'HISTORICAL')
                  AND (${input.eu}::text = 'members'
                       OR p.code NOT IN (SELECT member_code FROM group_membership WHERE group_code = ${EU27_CODE})))
             OR (${input.eu}::text = 'block' AND p.code = ${EU_CODE})
        ),
        -- The partners' rows are read by year and by key, never all years of all partners.
        rank_year AS (
          SELECT max(w.year) AS year FROM world w
          WHERE EXISTS (
            SELECT 1 FROM official_series s JOIN eligible e ON e.code = s.partner_code
            WHERE s.reporter_code = ${reporter} AND s.indicator_code = 'turnover' AND s.year = w.year
          )
        ),
        ranked AS (
          SELECT s.partner_code, row_number() OVER (ORDER BY s.value_usd_mn DESC, s.partner_code)::int AS rank
          FROM official_series s JOIN eligible e ON e.code = s.partner_code
          WHERE s.reporter_code = ${reporter} AND s.indicator_code = 'turnover' AND s.year = (SELECT year FROM rank_year)
          ORDER BY s.value_usd_mn DESC, s.partner_code
          LIMIT ${top}
        ),
        parts AS (
          SELECT w.year, r.partner_code, r.rank, s.value_usd_mn, s.source_id
          FROM world w CROSS JOIN ranked r
          LEFT JOIN official_series s ON s.reporter_code = ${reporter} AND s.partner_code = r.partner_code
                                      AND s.indicator_code = 'turnover' AND s.year = w.year
        ),
        -- Summed in rank order, so the last digits of a float sum do not change with the plan.
        other AS (
          SELECT w.year, w.value_usd_mn - coalesce(sum(p.value_usd_mn ORDER BY p.rank), 0) AS value_usd_mn, w.source_id,
                 count(*) FILTER (WHERE p.value_usd_mn IS NULL)::int AS missing
          FROM world w LEFT JOIN parts p ON p.year = w.year
          GROUP BY w.year, w.value_usd_mn, w.source_id
        )
        SELECT p.year, p.partner_code AS key, pt.name AS label, pt.name_ru AS "labelRu", p.rank, p.value_usd_mn AS "valueUsdMn",
               p.value_usd_mn / w.value_usd_mn AS share, (SELECT year FROM rank_year) AS "rankYear", 0 AS missing,
               p.source_id AS "sourceId"
        FROM parts p JOIN world w ON w.year = p.year JOIN partner pt ON pt.code = p.partner_code
        WHERE p.value_usd_mn IS NOT NULL AND w.value_usd_mn > 0
        UNION ALL
        SELECT o.year, ${OTHER_PARTNERS_KEY}, 'Other partners', NULL, ${top + 1}::int, o.value_usd_mn,
               o.value_usd_mn / w.value_usd_mn, (SELECT year FROM rank_year), o.missing, o.source_id
        FROM other o JOIN world w ON w.year = o.year
        WHERE w.value_usd_mn > 0 AND (SELECT year FROM rank_year) IS NOT NULL
        ORDER BY year, rank`,
    ),
  );

  const parts = new Map<string, CompositionPart>();
  for (const row of rows)
    if (!parts.has(row.key))
      parts.set(row.key, { key: row.key, label: row.label, labelRu: row.labelRu, rank: row.rank });
  return {
    eu: input.eu,
    rankYear: rows[0]?.rankYear ?? null,
    parts: [...parts.values()].sort((a, b) => a.rank - b.rank),
    points: rows.map((row) => ({ year: row.year, key: row.key, valueUsdMn: row.valueUsdMn, share: row.share })),
    incompleteYears: rows.filter((row) => row.key === OTHER_PARTNERS_KEY && row.missing > 0).map((row) => row.year),
    sourceIds: [...new Set(rows.map((row) => row.sourceId))].sort(),
  };
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getTopPartnersTurnoverSeries = cachedQuery(
  'overview.getTopPartnersTurnoverSeries',
  getTopPartnersTurnoverSeriesUncached,
);
export const getAvailableYears = cachedQuery('overview.getAvailableYears', getAvailableYearsUncached);
export const getPartnerTable = cachedQuery('overview.getPartnerTable', getPartnerTableUncached);
export const getWorldHeadline = cachedQuery('overview.getWorldHeadline', getWorldHeadlineUncached);
export const getYearToDate = cachedQuery('overview.getYearToDate', getYearToDateUncached);
export const getTurnoverComposition = cachedQuery('overview.getTurnoverComposition', getTurnoverCompositionUncached);
