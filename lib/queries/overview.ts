import 'server-only';
import { cachedQuery } from '@/lib/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { PartnerKind } from '@/lib/generated/prisma/enums';
import { BNS_MONTHLY_SOURCE_ID, EU27_CODE, EU_CODE, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import type { CompositionEuView, PartnerSortKey, PartnerView, SortDirection } from '@/lib/search-params/overview';
import { tradeSeries, withBalance } from './annual-trade';
import { runQuery } from './run-query';

// All values leave this module in USD million, as plain numbers. By default every query reads the
// official annual series (lib/queries/annual-trade.ts: the bureau's final editions over IMF DOTS,
// the world total from monthly sums where no annual one exists); `sourceId` restricts a query to
// one source (tests, and views that must not mix sources). Only annual, USD-denominated, ordinary
// series are read, so months, year-to-date windows and EUR figures never enter a calendar-year total.

/** Indicator codes as the tidy layout writes the flows. */
const INDICATOR = { export: 'export', import: 'import', turnover: 'turnover' } as const;

/** Dashboard unit: values are converted to it in SQL. */
export const VALUE_UNIT = 'USD million' as const;

const partnerKindSchema = z.enum(PartnerKind);

/** Which partner kinds each table view lists. Former countries (USSR, Czechoslovakia) count as countries. */
const VIEW_KINDS: Record<PartnerView, readonly PartnerKind[]> = {
  countries: ['COUNTRY', 'HISTORICAL'],
  groups: ['GROUP', 'OTHER'],
  all: ['COUNTRY', 'HISTORICAL', 'GROUP', 'OTHER'],
};

/** Allow-listed ORDER BY expressions; the URL's sort key is only ever a key of this map. */
const PARTNER_ORDER_BY: Record<PartnerSortKey, Prisma.Sql> = {
  name: Prisma.sql`p.name`,
  export: Prisma.sql`pv.export_usd_mn`,
  import: Prisma.sql`pv.import_usd_mn`,
  turnover: Prisma.sql`pv.turnover_usd_mn`,
  // The share is turnover over one constant (the world total), so it orders like turnover.
  share: Prisma.sql`pv.turnover_usd_mn`,
};

// ---------------------------------------------------------------------------------------------
// Turnover series: the reporter's total and its top partner countries, by year

export interface TurnoverSeriesPartner {
  code: string;
  name: string;
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
  /** PUBLISHED, DERIVED (e.g. summed from months or members) or INFERRED. */
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
  /** Omit for the official series across sources. */
  sourceId?: string;
  top?: number;
  fromYear: number;
  toYear: number;
}

const seriesRowSchema = z.object({
  partnerCode: z.string(),
  partnerName: z.string(),
  partnerKind: partnerKindSchema,
  rank: z.number().int(),
  year: z.number().int(),
  valueUsdMn: z.number(),
  sourceId: z.string(),
  rankYear: z.number().int().nullable(),
  derivation: z.string(),
});

/**
 * Annual turnover (export + import, as published or derived by the source when both sides exist)
 * of `reporter` with its `top` partner countries, ranked by turnover in the latest year with
 * data, plus the reporter's world total. Aggregates (EU, IMF regions) are never ranked.
 */
async function getTopPartnersTurnoverSeriesUncached(input: TurnoverSeriesInput): Promise<TopPartnersTurnoverSeries> {
  const top = z
    .number()
    .int()
    .min(1)
    .max(20)
    .parse(input.top ?? 6);

  const rows = await runQuery('getTopPartnersTurnoverSeries', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH turnover AS (
        SELECT t.partner_code, t.year, t.source_id, t.derivation, t.value_usd_mn AS usd_mn
        FROM (${tradeSeries(input.reporter, input.sourceId)}) t
        WHERE t.indicator_code = ${INDICATOR.turnover}
          AND t.year BETWEEN ${input.fromYear}::int AND ${input.toYear}::int
      ),
      country_turnover AS (
        SELECT t.* FROM turnover t
        JOIN partner p ON p.code = t.partner_code
        WHERE p.kind = 'COUNTRY'
      ),
      rank_year AS (
        SELECT max(year) AS year FROM country_turnover
      ),
      top_partners AS (
        SELECT c.partner_code, row_number() OVER (ORDER BY c.usd_mn DESC, c.partner_code) AS rank
        FROM country_turnover c
        WHERE c.year = (SELECT year FROM rank_year)
        ORDER BY c.usd_mn DESC, c.partner_code
        LIMIT ${top}::int
      ),
      selected AS (
        SELECT partner_code, rank FROM top_partners
        UNION ALL
        SELECT ${WORLD_PARTNER_CODE}::text, 0
      )
      SELECT t.partner_code AS "partnerCode",
             p.name AS "partnerName",
             p.kind::text AS "partnerKind",
             s.rank::int AS rank,
             t.year::int AS year,
             t.usd_mn AS "valueUsdMn",
             t.source_id AS "sourceId",
             t.derivation,
             (SELECT year FROM rank_year)::int AS "rankYear"
      FROM turnover t
      JOIN selected s ON s.partner_code = t.partner_code
      JOIN partner p ON p.code = t.partner_code
      ORDER BY s.rank, t.year`;
    return z.array(seriesRowSchema).parse(result);
  });

  const partners = new Map<string, TurnoverSeriesPartner>();
  const sourceIds = new Set<string>();
  for (const row of rows) {
    sourceIds.add(row.sourceId);
    if (!partners.has(row.partnerCode)) {
      partners.set(row.partnerCode, {
        code: row.partnerCode,
        name: row.partnerName,
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
    points: rows.map((row) => ({
      partnerCode: row.partnerCode,
      year: row.year,
      valueUsdMn: row.valueUsdMn,
      sourceId: row.sourceId,
      derivation: row.derivation,
    })),
    sourceIds: [...sourceIds].sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Years with data

export interface AvailableYearsInput {
  reporter: string;
  sourceId?: string;
}

/** Calendar years (ascending) with annual trade figures for the reporter (official series, or one source). */
async function getAvailableYearsUncached(input: AvailableYearsInput): Promise<number[]> {
  return runQuery('getAvailableYears', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      SELECT DISTINCT t.year::int AS year
      FROM (${tradeSeries(input.reporter, input.sourceId)}) t
      WHERE t.year IS NOT NULL
      ORDER BY year`;
    return z
      .array(z.object({ year: z.number().int() }))
      .parse(result)
      .map((row) => row.year);
  });
}

// ---------------------------------------------------------------------------------------------
// Partner table: one year, every partner, export / import / turnover and share of the total

export interface PartnerTableRow {
  code: string;
  name: string;
  kind: PartnerKind;
  exportUsdMn: number | null;
  importUsdMn: number | null;
  turnoverUsdMn: number | null;
  /** Turnover as a fraction (0..1) of the reporter's turnover with the world in the same year. */
  shareOfWorld: number | null;
  /** True when a value is (or is computed from) an IMF estimate. */
  exportIsEstimate: boolean;
  importIsEstimate: boolean;
  turnoverIsEstimate: boolean;
  /** True when a value was computed here or by the source (a sum of members or months, export + import). */
  exportIsDerived: boolean;
  importIsDerived: boolean;
  turnoverIsDerived: boolean;
  /** Sources of the row's values (one, except where sources meet). */
  sourceIds: string[];
}

export interface PartnerTable {
  reporter: string;
  unit: typeof VALUE_UNIT;
  /** The year shown: the requested one, or the latest with data; null when there is no data. */
  year: number | null;
  /** The reporter's turnover with the world that year, the denominator of every share. */
  worldTurnoverUsdMn: number | null;
  /** Where that total comes from, and whether it was derived (summed from monthly totals). */
  worldSourceId: string | null;
  worldIsDerived: boolean;
  rows: PartnerTableRow[];
  total: number;
  sourceIds: string[];
}

export interface PartnerTableInput {
  reporter: string;
  /** Omit for the official series across sources. */
  sourceId?: string;
  /** Omit for the latest year with data. */
  year?: number;
  sort: PartnerSortKey;
  dir: SortDirection;
  partners: PartnerView;
}

const partnerRowSchema = z.object({
  code: z.string(),
  name: z.string(),
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
  year: z.number().int(),
  worldTurnoverUsdMn: z.number().nullable(),
  worldSourceId: z.string().nullable(),
  worldIsDerived: z.boolean().nullable(),
});

/**
 * The reporter's trade with each partner in one year, sorted in SQL by an allow-listed column
 * (missing values last whatever the direction, then by name so equal values keep a stable order).
 */
async function getPartnerTableUncached(input: PartnerTableInput): Promise<PartnerTable> {
  const orderBy = PARTNER_ORDER_BY[input.sort];
  const direction = input.dir === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const kinds = VIEW_KINDS[input.partners];

  const rows = await runQuery('getPartnerTable', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH base AS (
        SELECT t.partner_code, t.indicator_code, t.source_id, t.is_estimate, t.year, t.value_usd_mn AS usd_mn,
               t.derivation <> 'PUBLISHED' AS is_derived
        FROM (${tradeSeries(input.reporter, input.sourceId)}) t
      ),
      target AS (
        SELECT COALESCE(${input.year ?? null}::int, (SELECT max(year) FROM base)) AS year
      ),
      pv AS (
        SELECT b.partner_code, array_agg(DISTINCT b.source_id ORDER BY b.source_id) AS source_ids,
               max(b.usd_mn) FILTER (WHERE b.indicator_code = ${INDICATOR.export}) AS export_usd_mn,
               max(b.usd_mn) FILTER (WHERE b.indicator_code = ${INDICATOR.import}) AS import_usd_mn,
               max(b.usd_mn) FILTER (WHERE b.indicator_code = ${INDICATOR.turnover}) AS turnover_usd_mn,
               coalesce(bool_or(b.is_estimate) FILTER (WHERE b.indicator_code = ${INDICATOR.export}), false) AS export_estimate,
               coalesce(bool_or(b.is_estimate) FILTER (WHERE b.indicator_code = ${INDICATOR.import}), false) AS import_estimate,
               coalesce(bool_or(b.is_estimate) FILTER (WHERE b.indicator_code = ${INDICATOR.turnover}), false) AS turnover_estimate,
               coalesce(bool_or(b.is_derived) FILTER (WHERE b.indicator_code = ${INDICATOR.export}), false) AS export_derived,
               coalesce(bool_or(b.is_derived) FILTER (WHERE b.indicator_code = ${INDICATOR.import}), false) AS import_derived,
               coalesce(bool_or(b.is_derived) FILTER (WHERE b.indicator_code = ${INDICATOR.turnover}), false) AS turnover_derived
        FROM base b
        WHERE b.year = (SELECT year FROM target)
        GROUP BY b.partner_code
      ),
      world AS (
        SELECT turnover_usd_mn, source_ids[1] AS source_id, turnover_derived FROM pv WHERE partner_code = ${WORLD_PARTNER_CODE}
      )
      SELECT p.code,
             p.name,
             p.kind::text AS kind,
             pv.export_usd_mn AS "exportUsdMn",
             pv.import_usd_mn AS "importUsdMn",
             pv.turnover_usd_mn AS "turnoverUsdMn",
             pv.turnover_usd_mn / NULLIF((SELECT turnover_usd_mn FROM world), 0) AS "shareOfWorld",
             pv.export_estimate AS "exportIsEstimate",
             pv.import_estimate AS "importIsEstimate",
             pv.turnover_estimate AS "turnoverIsEstimate",
             pv.export_derived AS "exportIsDerived",
             pv.import_derived AS "importIsDerived",
             pv.turnover_derived AS "turnoverIsDerived",
             pv.source_ids AS "sourceIds",
             (SELECT year FROM target)::int AS year,
             (SELECT turnover_usd_mn FROM world) AS "worldTurnoverUsdMn",
             (SELECT source_id FROM world) AS "worldSourceId",
             (SELECT turnover_derived FROM world) AS "worldIsDerived"
      FROM pv
      JOIN partner p ON p.code = pv.partner_code
      WHERE p.kind::text IN (${Prisma.join([...kinds])})
      ORDER BY ${orderBy} ${direction} NULLS LAST, p.name ASC, p.code ASC`;
    return z.array(partnerRowSchema).parse(result);
  });

  const first = rows[0];
  return {
    reporter: input.reporter,
    unit: VALUE_UNIT,
    year: first?.year ?? input.year ?? null,
    worldTurnoverUsdMn: first?.worldTurnoverUsdMn ?? null,
    worldSourceId: first?.worldSourceId ?? null,
    worldIsDerived: first?.worldIsDerived ?? false,
    rows: rows.map(
      ({ year: _year, worldTurnoverUsdMn: _world, worldSourceId: _source, worldIsDerived: _derived, ...row }) => row,
    ),
    total: rows.length,
    sourceIds: [
      ...new Set([...rows.flatMap((row) => row.sourceIds), ...(first?.worldSourceId ? [first.worldSourceId] : [])]),
    ].sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Attribution

export interface SourceAttribution {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  attribution: string;
  vintage: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  publishedOn: string | null;
}

/** How to credit each source, in the order of `ids` (unknown ids are left out). */
async function getSourceAttributionUncached(ids: readonly string[]): Promise<SourceAttribution[]> {
  if (ids.length === 0) return [];
  const sources = await runQuery('getSourceAttribution', { ids }, () =>
    db.source.findMany({
      where: { id: { in: [...ids] } },
      select: {
        id: true,
        title: true,
        publisher: true,
        url: true,
        attribution: true,
        vintage: true,
        publishedOn: true,
      },
    }),
  );
  const order = new Map(ids.map((id, index) => [id, index]));
  return sources
    .map((source) => ({
      ...source,
      publishedOn: source.publishedOn ? source.publishedOn.toISOString().slice(0, 10) : null,
    }))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
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
  /** The latest calendar year with a complete world turnover; null when there is none. */
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
 * Turnover, exports, imports and balance with the world in the latest complete year, each with the
 * year before. Only complete years qualify (the monthly sums need all twelve months), so a partial
 * year is never compared with a full one here.
 */
async function getWorldHeadlineUncached(input: { reporter?: string; sourceId?: string } = {}): Promise<WorldHeadline> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const rows = await runQuery('getWorldHeadline', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH t AS (${withBalance(tradeSeries(reporter, input.sourceId))}),
      world AS (SELECT * FROM t WHERE partner_code = ${WORLD_PARTNER_CODE}),
      latest AS (SELECT max(year) AS year FROM world WHERE indicator_code = 'turnover')
      SELECT c.indicator_code AS flow, c.year::int AS year, c.value_usd_mn AS "valueUsdMn",
             p.value_usd_mn AS "previousUsdMn", c.source_id AS "sourceId", p.source_id AS "previousSourceId",
             c.derivation <> 'PUBLISHED' AS "isDerived"
      FROM world c
      LEFT JOIN world p ON p.indicator_code = c.indicator_code AND p.year = c.year - 1
      WHERE c.year = (SELECT year FROM latest)
      ORDER BY array_position(ARRAY['turnover', 'export', 'import', 'balance'], c.indicator_code)`;
    return z.array(headlineRowSchema).parse(result);
  });
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

/**
 * When the latest year of the bureau's monthly totals is incomplete (e.g. January–June 2026),
 * the sums of those same months for every year that has them all: the only fair comparison for
 * a partial year. Null when the latest year is complete or there are no monthly totals.
 */
async function getYearToDateUncached(input: { reporter?: string } = {}): Promise<YearToDate | null> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const rows = await runQuery('getYearToDate', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH months AS (
        SELECT o.year, extract(month FROM o.period_start)::int AS month, o.indicator_code,
               (o.value * power(10::numeric, o.scale - 6))::float8 AS usd_mn
        FROM observation o
        WHERE o.source_id = ${BNS_MONTHLY_SOURCE_ID}
          AND o.reporter_code = ${reporter}
          AND o.partner_code = ${WORLD_PARTNER_CODE}
          AND o.period_kind = 'MONTH'
          AND o.unit = 'USD'
          AND o.series_key = ''
          AND o.indicator_code IN ('export', 'import')
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
      SELECT s.year::int AS year, (SELECT last_month FROM latest)::int AS "lastMonth",
             max(s.usd_mn) FILTER (WHERE s.indicator_code = 'export') AS "exportUsdMn",
             max(s.usd_mn) FILTER (WHERE s.indicator_code = 'import') AS "importUsdMn"
      FROM sums s
      -- Only when the latest year is partial and its months run from January without a gap.
      WHERE (SELECT last_month FROM latest) < 12 AND (SELECT months FROM latest) = (SELECT last_month FROM latest)
      GROUP BY s.year
      ORDER BY s.year`;
    return z
      .array(
        z.object({
          year: z.number().int(),
          lastMonth: z.number().int(),
          exportUsdMn: z.number().nullable(),
          importUsdMn: z.number().nullable(),
        }),
      )
      .parse(result);
  });
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

export const OTHER_PARTNERS_KEY = 'OTHER';

export interface CompositionPart {
  /** Partner code, or OTHER_PARTNERS_KEY for the remainder of the world total. */
  key: string;
  label: string;
  /** 1..top in the ranking year; the remainder comes last. */
  rank: number;
}

export interface CompositionPoint {
  year: number;
  key: string;
  valueUsdMn: number;
  /** Fraction of the world total of the same year. */
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
  sourceId?: string;
  top: number;
  eu: CompositionEuView;
  fromYear: number;
  toYear: number;
}

const compositionRowSchema = z.object({
  year: z.number().int(),
  key: z.string(),
  label: z.string(),
  rank: z.number().int(),
  valueUsdMn: z.number(),
  share: z.number(),
  rankYear: z.number().int().nullable(),
  missing: z.number().int(),
  sourceId: z.string(),
});

/**
 * Kazakhstan's turnover split into its `top` partners (ranked in the latest year that has both the
 * world total and partner figures) and "other partners" = world − the parts shown, per year, in
 * PostgreSQL. The EU enters either as one block (AGG_EU, its members then excluded from the
 * ranking) or through its members (AGG_EU left out): never both, so nothing is counted twice.
 * Members are those of the fixed 27-member composition that the EU series uses in every year.
 */
async function getTurnoverCompositionUncached(input: TurnoverCompositionInput): Promise<TurnoverComposition> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const top = z.number().int().min(1).max(12).parse(input.top);
  const rows = await runQuery('getTurnoverComposition', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH t AS (
        SELECT partner_code, year, value_usd_mn, source_id
        FROM (${tradeSeries(reporter, input.sourceId)}) s
        WHERE indicator_code = 'turnover'
      ),
      world AS (
        SELECT year, value_usd_mn, source_id FROM t
        WHERE partner_code = ${WORLD_PARTNER_CODE} AND year BETWEEN ${input.fromYear}::int AND ${input.toYear}::int
      ),
      eu_members AS (SELECT member_code FROM group_membership WHERE group_code = ${EU27_CODE}),
      eligible AS (
        SELECT t.* FROM t JOIN partner p ON p.code = t.partner_code
        WHERE (p.kind IN ('COUNTRY', 'HISTORICAL')
                AND (${input.eu}::text = 'members' OR t.partner_code NOT IN (SELECT member_code FROM eu_members)))
           OR (${input.eu}::text = 'block' AND t.partner_code = ${EU_CODE})
      ),
      rank_year AS (
        SELECT max(e.year) AS year FROM eligible e WHERE e.year IN (SELECT year FROM world)
      ),
      ranked AS (
        SELECT e.partner_code, row_number() OVER (ORDER BY e.value_usd_mn DESC, e.partner_code)::int AS rank
        FROM eligible e WHERE e.year = (SELECT year FROM rank_year)
        ORDER BY e.value_usd_mn DESC, e.partner_code
        LIMIT ${top}::int
      ),
      parts AS (
        SELECT w.year, r.partner_code, r.rank, e.value_usd_mn, e.source_id
        FROM world w CROSS JOIN ranked r
        LEFT JOIN eligible e ON e.partner_code = r.partner_code AND e.year = w.year
      ),
      other AS (
        SELECT w.year, w.value_usd_mn - coalesce(sum(p.value_usd_mn), 0) AS value_usd_mn, w.source_id,
               count(*) FILTER (WHERE p.value_usd_mn IS NULL)::int AS missing
        FROM world w LEFT JOIN parts p ON p.year = w.year
        GROUP BY w.year, w.value_usd_mn, w.source_id
      )
      SELECT p.year::int AS year, p.partner_code AS key, pt.name AS label, p.rank, p.value_usd_mn AS "valueUsdMn",
             p.value_usd_mn / w.value_usd_mn AS share, (SELECT year FROM rank_year)::int AS "rankYear", 0 AS missing,
             p.source_id AS "sourceId"
      FROM parts p JOIN world w ON w.year = p.year JOIN partner pt ON pt.code = p.partner_code
      WHERE p.value_usd_mn IS NOT NULL AND w.value_usd_mn > 0
      UNION ALL
      SELECT o.year::int, ${OTHER_PARTNERS_KEY}, 'Other partners', ${top + 1}::int, o.value_usd_mn,
             o.value_usd_mn / w.value_usd_mn, (SELECT year FROM rank_year)::int, o.missing, o.source_id
      FROM other o JOIN world w ON w.year = o.year
      WHERE w.value_usd_mn > 0 AND (SELECT year FROM rank_year) IS NOT NULL
      ORDER BY year, rank`;
    return z.array(compositionRowSchema).parse(result);
  });

  const parts = new Map<string, CompositionPart>();
  for (const row of rows)
    if (!parts.has(row.key)) parts.set(row.key, { key: row.key, label: row.label, rank: row.rank });
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
export const getSourceAttribution = cachedQuery('overview.getSourceAttribution', getSourceAttributionUncached);
export const getWorldHeadline = cachedQuery('overview.getWorldHeadline', getWorldHeadlineUncached);
export const getYearToDate = cachedQuery('overview.getYearToDate', getYearToDateUncached);
export const getTurnoverComposition = cachedQuery('overview.getTurnoverComposition', getTurnoverCompositionUncached);
