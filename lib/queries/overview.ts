import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { PartnerKind } from '@/lib/generated/prisma/enums';
import { IMF_DOTS_SOURCE_ID, WORLD_PARTNER_CODE } from '@/lib/constants';
import type { PartnerSortKey, PartnerView, SortDirection } from '@/lib/search-params/overview';
import { runQuery } from './run-query';

// All values leave this module in USD million (value × 10^(scale − 6)), as plain numbers.
// Only annual (period 'FY'), USD-denominated, ordinary series (empty series_key) are read, so
// months, year-to-date windows and EUR figures can never be mixed into a calendar-year total.

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
});

/**
 * Annual turnover (export + import, as published or derived by the source when both sides exist)
 * of `reporter` with its `top` partner countries, ranked by turnover in the latest year with
 * data, plus the reporter's world total. Aggregates (EU, IMF regions) are never ranked.
 */
export async function getTopPartnersTurnoverSeries(input: TurnoverSeriesInput): Promise<TopPartnersTurnoverSeries> {
  const sourceId = input.sourceId ?? IMF_DOTS_SOURCE_ID;
  const top = z.number().int().min(1).max(20).parse(input.top ?? 6);

  const rows = await runQuery('getTopPartnersTurnoverSeries', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH turnover AS (
        SELECT o.partner_code, o.year, o.source_id,
               (o.value * power(10::numeric, o.scale - 6))::float8 AS usd_mn
        FROM observation o
        WHERE o.reporter_code = ${input.reporter}
          AND o.source_id = ${sourceId}
          AND o.indicator_code = ${INDICATOR.turnover}
          AND o.period = 'FY'
          AND o.unit = 'USD'
          AND o.series_key = ''
          AND o.year BETWEEN ${input.fromYear}::int AND ${input.toYear}::int
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
    points: rows.map((row) => ({ partnerCode: row.partnerCode, year: row.year, valueUsdMn: row.valueUsdMn })),
    sourceIds: [...sourceIds].sort(),
  };
}

// ---------------------------------------------------------------------------------------------
// Years with data

export interface AvailableYearsInput {
  reporter: string;
  sourceId?: string;
}

/** Calendar years (ascending) in which the source has annual trade figures for the reporter. */
export async function getAvailableYears(input: AvailableYearsInput): Promise<number[]> {
  const sourceId = input.sourceId ?? IMF_DOTS_SOURCE_ID;
  return runQuery('getAvailableYears', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      SELECT DISTINCT o.year::int AS year
      FROM observation o
      WHERE o.reporter_code = ${input.reporter}
        AND o.source_id = ${sourceId}
        AND o.indicator_code IN (${INDICATOR.export}, ${INDICATOR.import}, ${INDICATOR.turnover})
        AND o.period = 'FY'
        AND o.unit = 'USD'
        AND o.year IS NOT NULL
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
  sourceId: string;
}

export interface PartnerTable {
  reporter: string;
  unit: typeof VALUE_UNIT;
  /** The year shown: the requested one, or the latest with data; null when there is no data. */
  year: number | null;
  /** The reporter's turnover with the world that year, the denominator of every share. */
  worldTurnoverUsdMn: number | null;
  rows: PartnerTableRow[];
  total: number;
  sourceIds: string[];
}

export interface PartnerTableInput {
  reporter: string;
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
  sourceId: z.string(),
  year: z.number().int(),
  worldTurnoverUsdMn: z.number().nullable(),
});

/**
 * The reporter's trade with each partner in one year, sorted in SQL by an allow-listed column
 * (missing values last whatever the direction, then by name so equal values keep a stable order).
 */
export async function getPartnerTable(input: PartnerTableInput): Promise<PartnerTable> {
  const sourceId = input.sourceId ?? IMF_DOTS_SOURCE_ID;
  const orderBy = PARTNER_ORDER_BY[input.sort];
  const direction = input.dir === 'asc' ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const kinds = VIEW_KINDS[input.partners];

  const rows = await runQuery('getPartnerTable', input, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH base AS (
        SELECT o.partner_code, o.indicator_code, o.source_id, o.is_estimate, o.year,
               (o.value * power(10::numeric, o.scale - 6))::float8 AS usd_mn
        FROM observation o
        WHERE o.reporter_code = ${input.reporter}
          AND o.source_id = ${sourceId}
          AND o.indicator_code IN (${INDICATOR.export}, ${INDICATOR.import}, ${INDICATOR.turnover})
          AND o.period = 'FY'
          AND o.unit = 'USD'
          AND o.series_key = ''
      ),
      target AS (
        SELECT COALESCE(${input.year ?? null}::int, (SELECT max(year) FROM base)) AS year
      ),
      pv AS (
        SELECT b.partner_code, b.source_id,
               max(b.usd_mn) FILTER (WHERE b.indicator_code = ${INDICATOR.export}) AS export_usd_mn,
               max(b.usd_mn) FILTER (WHERE b.indicator_code = ${INDICATOR.import}) AS import_usd_mn,
               max(b.usd_mn) FILTER (WHERE b.indicator_code = ${INDICATOR.turnover}) AS turnover_usd_mn,
               coalesce(bool_or(b.is_estimate) FILTER (WHERE b.indicator_code = ${INDICATOR.export}), false) AS export_estimate,
               coalesce(bool_or(b.is_estimate) FILTER (WHERE b.indicator_code = ${INDICATOR.import}), false) AS import_estimate,
               coalesce(bool_or(b.is_estimate) FILTER (WHERE b.indicator_code = ${INDICATOR.turnover}), false) AS turnover_estimate
        FROM base b
        WHERE b.year = (SELECT year FROM target)
        GROUP BY b.partner_code, b.source_id
      ),
      world AS (
        SELECT turnover_usd_mn FROM pv WHERE partner_code = ${WORLD_PARTNER_CODE}
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
             pv.source_id AS "sourceId",
             (SELECT year FROM target)::int AS year,
             (SELECT turnover_usd_mn FROM world) AS "worldTurnoverUsdMn"
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
    rows: rows.map(({ year: _year, worldTurnoverUsdMn: _world, ...row }) => row),
    total: rows.length,
    sourceIds: [...new Set(rows.map((row) => row.sourceId))].sort(),
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
export async function getSourceAttribution(ids: readonly string[]): Promise<SourceAttribution[]> {
  if (ids.length === 0) return [];
  const sources = await runQuery('getSourceAttribution', { ids }, () =>
    db.source.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, title: true, publisher: true, url: true, attribution: true, vintage: true, publishedOn: true },
    }),
  );
  const order = new Map(ids.map((id, index) => [id, index]));
  return sources
    .map((source) => ({ ...source, publishedOn: source.publishedOn ? source.publishedOn.toISOString().slice(0, 10) : null }))
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
