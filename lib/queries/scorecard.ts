// The partner scorecard: one row per partner for a year, from Kazakhstan's official annual series
// (preferredAnnualSeries: the bureau 2020-2025 over IMF DOTS 1992-2020). Every figure, share, rank,
// growth rate and count is computed in PostgreSQL; pages are cut there too.
import 'server-only';
import { cachedQuery } from '@/lib/cache';
import type postgres from 'postgres';
import { z } from 'zod';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { BNS_MONTHLY_SOURCE_ID, EU27_CODE, EU_CODE, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { MEMBERSHIP_GROUP_CODES, type MembershipGroupCode } from '@/lib/membership-groups';
import { sql } from '@/lib/sql';
import {
  SPARKLINE_YEARS,
  type ScorecardParams,
  type ScorecardSortKey,
  type ScorecardView,
} from '@/lib/search-params/partners';
import { preferredAnnualSeries } from './preferred-series';
import { runQuery } from './run-query';

// All money leaves this module in USD million, as plain numbers; shares and growth as fractions.

/** Former countries (USSR, Czechoslovakia) are countries; IMF and other aggregates are groups. */
const VIEW_KINDS: Record<ScorecardView, readonly string[]> = {
  countries: ['COUNTRY', 'HISTORICAL'],
  groups: ['GROUP', 'OTHER'],
};

/** Allow-listed ORDER BY expressions: the URL's sort key is only ever a key of this map. */
const ORDER_BY: Record<ScorecardSortKey, string> = {
  name: 'b.name',
  turnover: 'b.turnover',
  export: 'b.export',
  import: 'b.import',
  balance: 'b.balance',
  share: 'b.share',
  change: 'b.change',
  cagr: 'b.cagr',
  rank: 'b.rank',
  rank_change: 'b.rank_change',
  agreements: 'b.agreements',
  investment: 'b.fdi_usd_mn',
};

/**
 * Annual trade by partner and year in USD million, one preferred source per figure, with the
 * source of each and whether it is (or includes) an estimate.
 */
const TRADE_CTE = Prisma.sql`
  pref AS (${preferredAnnualSeries(REPORTER_KAZ)}),
  trade AS (
    SELECT partner_code, year,
           max(value_usd) FILTER (WHERE indicator_code = 'turnover') / 1e6 AS turnover,
           max(value_usd) FILTER (WHERE indicator_code = 'export') / 1e6 AS export,
           max(value_usd) FILTER (WHERE indicator_code = 'import') / 1e6 AS import,
           coalesce(bool_or(is_estimate) FILTER (WHERE indicator_code = 'turnover'), false) AS turnover_estimate,
           coalesce(bool_or(is_estimate) FILTER (WHERE indicator_code = 'export'), false) AS export_estimate,
           coalesce(bool_or(is_estimate) FILTER (WHERE indicator_code = 'import'), false) AS import_estimate,
           min(source_id) FILTER (WHERE indicator_code = 'turnover') AS turnover_source,
           min(source_id) FILTER (WHERE indicator_code IN ('export', 'import')) AS flow_source
    FROM pref
    WHERE indicator_code IN ('export', 'import', 'turnover')
    GROUP BY partner_code, year
  )`;

/**
 * Kazakhstan's total turnover with the world in one year: the IMF's AGG_WORLD row where the
 * official series has it (through 2020); otherwise the sum of the bureau's monthly exports and
 * imports, only for a year with all 12 months of both (never a partial year), marked derived.
 */
function worldCte(year: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
  monthly AS (
    SELECT sum(o.value * power(10::numeric, o.scale)) FILTER (WHERE o.indicator_code = 'export') AS export_usd,
           sum(o.value * power(10::numeric, o.scale)) FILTER (WHERE o.indicator_code = 'import') AS import_usd,
           count(DISTINCT o.period) FILTER (WHERE o.indicator_code = 'export')::int AS export_months,
           count(DISTINCT o.period) FILTER (WHERE o.indicator_code = 'import')::int AS import_months
    FROM observation o
    WHERE o.source_id = ${BNS_MONTHLY_SOURCE_ID} AND o.reporter_code = ${REPORTER_KAZ} AND o.partner_code = ${WORLD_PARTNER_CODE}
      AND o.period_kind = 'MONTH' AND o.unit = 'USD' AND o.series_key = '' AND o.year = ${year}
  ),
  world AS (
    SELECT coalesce(w.turnover, CASE WHEN m.export_months = 12 AND m.import_months = 12 THEN ((m.export_usd + m.import_usd) / 1e6)::float8 END) AS turnover,
           CASE WHEN w.turnover IS NOT NULL THEN w.turnover_source
                WHEN m.export_months = 12 AND m.import_months = 12 THEN ${BNS_MONTHLY_SOURCE_ID} END AS source,
           (w.turnover IS NULL) AS derived,
           coalesce(least(m.export_months, m.import_months), 0) AS months
    FROM monthly m
    LEFT JOIN trade w ON w.partner_code = ${WORLD_PARTNER_CODE} AND w.year = ${year}
  )`;
}

/** A country counts for a group in a year when its membership covers that whole year (lib/membership-groups.ts). */
const coversYear = (year: Prisma.Sql) =>
  Prisma.sql`gm.valid_from <= make_date(${year}, 1, 1) AND (gm.valid_to IS NULL OR gm.valid_to >= make_date(${year}, 12, 31))`;

export interface ScorecardInput {
  year: number;
  params: ScorecardParams;
}

/** The scorecard's SELECT without paging, shared by the page (LIMIT/OFFSET) and the export (cursor). */
function scorecardSql({ year, params }: ScorecardInput, paging: { limit: number; offset: number } | null): Prisma.Sql {
  const y = Prisma.sql`${year}::int`;
  const kinds = Prisma.join([...VIEW_KINDS[params.view]]);
  const groups = Prisma.join([...MEMBERSHIP_GROUP_CODES]);
  const ranked = params.view === 'countries';
  const filters: Prisma.Sql[] = [];
  if (params.group && params.group.length > 0)
    filters.push(Prisma.sql`b.groups && ARRAY[${Prisma.join(params.group)}]::text[]`);
  if (params.q) {
    const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(Prisma.sql`(b.name ILIKE ${pattern} OR b.code = ${params.q.toUpperCase()})`);
  }
  const where = filters.length > 0 ? Prisma.sql`WHERE ${Prisma.join(filters, ' AND ')}` : Prisma.empty;
  const orderBy = Prisma.raw(
    [
      ...params.sort.map((s) => `${ORDER_BY[s.id]} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`),
      'b.name ASC',
      'b.code ASC',
    ].join(', '),
  );
  const limit = paging ? Prisma.sql`LIMIT ${paging.limit}::int OFFSET ${paging.offset}::int` : Prisma.empty;

  return Prisma.sql`
    WITH ${TRADE_CTE},
    ${worldCte(y)},
    universe AS (
      SELECT t.* FROM trade t JOIN partner p ON p.code = t.partner_code
      WHERE p.kind::text IN (${kinds}) AND t.partner_code NOT IN (${WORLD_PARTNER_CODE}, ${EU27_CODE})
    ),
    -- Ranks among the partners with a turnover that year; groups overlap, so they are not ranked.
    ranks AS (
      SELECT partner_code, year, rank() OVER (PARTITION BY year ORDER BY turnover DESC)::int AS rank
      FROM universe WHERE ${ranked} AND turnover IS NOT NULL AND year IN (${y}, ${y} - 1)
    ),
    b AS (
      SELECT p.code, p.name, p.kind::text AS kind,
             coalesce(g.groups, ARRAY[]::text[]) AS groups,
             cur.turnover, cur.export, cur.import,
             cur.export - cur.import AS balance,
             cur.turnover_estimate, cur.export_estimate, cur.import_estimate,
             coalesce(cur.turnover_source, cur.flow_source) AS source,
             cur.turnover / NULLIF((SELECT turnover FROM world), 0) AS share,
             prev.turnover AS previous_turnover,
             CASE WHEN prev.turnover > 0 AND cur.turnover IS NOT NULL THEN cur.turnover / prev.turnover - 1 END AS change,
             (prev.turnover_source IS DISTINCT FROM cur.turnover_source AND prev.turnover IS NOT NULL) AS change_source_break,
             start.turnover AS start_turnover,
             CASE WHEN start.turnover > 0 AND cur.turnover > 0 THEN power(cur.turnover / start.turnover, 1.0 / ${params.window}::int) - 1 END AS cagr,
             (start.turnover_source IS DISTINCT FROM cur.turnover_source AND start.turnover IS NOT NULL) AS cagr_source_break,
             r.rank, rp.rank AS previous_rank, rp.rank - r.rank AS rank_change,
             (SELECT count(*)::int FROM agreement_party ap JOIN agreement a ON a.id = ap.agreement_id
              WHERE ap.partner_code = p.code AND a.status NOT IN ('UNDER_NEGOTIATION', 'PLAN')) AS agreements,
             fdi.usd_mn AS fdi_usd_mn, fdi.year AS fdi_year, fdi.source_id AS fdi_source, fdi.qualifier AS fdi_qualifier
      FROM universe cur
      JOIN partner p ON p.code = cur.partner_code
      LEFT JOIN trade prev ON prev.partner_code = cur.partner_code AND prev.year = ${y} - 1
      LEFT JOIN trade start ON start.partner_code = cur.partner_code AND start.year = ${y} - ${params.window}::int
      LEFT JOIN ranks r ON r.partner_code = cur.partner_code AND r.year = ${y}
      LEFT JOIN ranks rp ON rp.partner_code = cur.partner_code AND rp.year = ${y} - 1
      LEFT JOIN LATERAL (
        SELECT array_agg(gm.group_code ORDER BY array_position(ARRAY[${groups}]::text[], gm.group_code)) AS groups
        FROM group_membership gm
        WHERE gm.member_code = p.code AND gm.group_code IN (${groups}) AND ${coversYear(y)}
      ) g ON true
      -- Gross FDI inflow from the partner, the latest calendar year up to the year shown (news
      -- figures: the one investment concept quoted by partner and year; stocks and cumulative sums are not mixed in).
      LEFT JOIN LATERAL (
        SELECT (o.value * power(10::numeric, o.scale) / 1e6)::float8 AS usd_mn, o.year, o.source_id, o.qualifier::text AS qualifier
        FROM observation o
        WHERE o.reporter_code = ${REPORTER_KAZ} AND o.indicator_code = 'fdi_gross_inflow' AND o.period = 'FY' AND o.unit = 'USD'
          AND CASE WHEN o.partner_code = ${EU27_CODE} THEN ${EU_CODE} ELSE o.partner_code END = p.code AND o.year <= ${y}
        ORDER BY o.year DESC, o.source_id
        LIMIT 1
      ) fdi ON true
      WHERE cur.year = ${y} AND (cur.turnover IS NOT NULL OR cur.export IS NOT NULL OR cur.import IS NOT NULL)
    )
    SELECT b.*, count(*) OVER ()::int AS total
    FROM b
    ${where}
    ORDER BY ${orderBy}
    ${limit}`;
}

const numberOrNull = z.number().nullable();
const scorecardRowSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  groups: z.array(z.enum(MEMBERSHIP_GROUP_CODES)),
  turnover: numberOrNull,
  export: numberOrNull,
  import: numberOrNull,
  balance: numberOrNull,
  turnover_estimate: z.boolean(),
  export_estimate: z.boolean(),
  import_estimate: z.boolean(),
  source: z.string().nullable(),
  share: numberOrNull,
  previous_turnover: numberOrNull,
  change: numberOrNull,
  change_source_break: z.boolean(),
  start_turnover: numberOrNull,
  cagr: numberOrNull,
  cagr_source_break: z.boolean(),
  rank: z.number().int().nullable(),
  previous_rank: z.number().int().nullable(),
  rank_change: z.number().int().nullable(),
  agreements: z.number().int(),
  fdi_usd_mn: numberOrNull,
  fdi_year: z.number().int().nullable(),
  fdi_source: z.string().nullable(),
  fdi_qualifier: z.string().nullable(),
  total: z.number().int(),
});

type RawScorecardRow = z.infer<typeof scorecardRowSchema>;

/** One partner's line; money in USD million, share and growth as fractions. */
export interface ScorecardRow {
  code: string;
  name: string;
  kind: string;
  /** Groups whose membership covers the whole year shown. */
  groups: MembershipGroupCode[];
  turnoverUsdMn: number | null;
  exportUsdMn: number | null;
  importUsdMn: number | null;
  /** Exports minus imports, only where both are published. */
  balanceUsdMn: number | null;
  turnoverIsEstimate: boolean;
  exportIsEstimate: boolean;
  importIsEstimate: boolean;
  /** Source of the year's figures. */
  sourceId: string | null;
  /** Share of Kazakhstan's total turnover with the world that year. */
  share: number | null;
  previousTurnoverUsdMn: number | null;
  /** Turnover change on the previous year. */
  change: number | null;
  /** The two years come from different sources (e.g. IMF 2019, bureau 2020). */
  changeSourceBreak: boolean;
  startTurnoverUsdMn: number | null;
  /** Compound annual growth of turnover over the window. */
  cagr: number | null;
  cagrSourceBreak: boolean;
  rank: number | null;
  previousRank: number | null;
  /** Places gained since the previous year (positive = up). */
  rankChange: number | null;
  agreements: number;
  fdiUsdMn: number | null;
  fdiYear: number | null;
  fdiSourceId: string | null;
  fdiQualifier: string | null;
}

function toRow(r: RawScorecardRow): ScorecardRow {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    groups: r.groups,
    turnoverUsdMn: r.turnover,
    exportUsdMn: r.export,
    importUsdMn: r.import,
    balanceUsdMn: r.balance,
    turnoverIsEstimate: r.turnover_estimate,
    exportIsEstimate: r.export_estimate,
    importIsEstimate: r.import_estimate,
    sourceId: r.source,
    share: r.share,
    previousTurnoverUsdMn: r.previous_turnover,
    change: r.change,
    changeSourceBreak: r.change_source_break,
    startTurnoverUsdMn: r.start_turnover,
    cagr: r.cagr,
    cagrSourceBreak: r.cagr_source_break,
    rank: r.rank,
    previousRank: r.previous_rank,
    rankChange: r.rank_change,
    agreements: r.agreements,
    fdiUsdMn: r.fdi_usd_mn,
    fdiYear: r.fdi_year,
    fdiSourceId: r.fdi_source,
    fdiQualifier: r.fdi_qualifier,
  };
}

export interface WorldTotal {
  turnoverUsdMn: number | null;
  sourceId: string | null;
  /** Summed from the bureau's monthly totals rather than published as a total. */
  derived: boolean;
  /** Months of the bureau's monthly series in that year (both flows), for the "why not" message. */
  months: number;
}

export interface Scorecard {
  year: number | null;
  window: number;
  rows: ScorecardRow[];
  total: number;
  page: number;
  size: number;
  pageCount: number;
  world: WorldTotal;
  /** Turnover by year for each partner on the page, for the sparklines, USD million. */
  sparklines: Record<string, { year: number; valueUsdMn: number }[]>;
  /** Sources behind the page's figures, for the credit line. */
  sourceIds: string[];
}

/** Years (ascending) in which Kazakhstan's official series has a turnover for some partner. */
async function getScorecardYearsUncached(): Promise<number[]> {
  return runQuery('getScorecardYears', null, async () => {
    const result = await db.$queryRaw<unknown[]>`
      WITH pref AS (${preferredAnnualSeries(REPORTER_KAZ)})
      SELECT DISTINCT year::int AS year FROM pref
      WHERE indicator_code = 'turnover' AND partner_code <> ${WORLD_PARTNER_CODE} AND year IS NOT NULL
      ORDER BY year`;
    return z
      .array(z.object({ year: z.number().int() }))
      .parse(result)
      .map((r) => r.year);
  });
}

const worldSchema = z.object({
  turnover: numberOrNull,
  source: z.string().nullable(),
  derived: z.boolean().nullable(),
  months: z.number().int(),
});

/** Kazakhstan's total turnover with the world in a year, the denominator of every share. */
async function getWorldTotalUncached(year: number): Promise<WorldTotal> {
  return runQuery('getWorldTotal', { year }, async () => {
    const raw = await db.$queryRaw<
      unknown[]
    >`WITH ${TRADE_CTE}, ${worldCte(Prisma.sql`${year}::int`)} SELECT turnover, source, derived, months FROM world`;
    const world = worldSchema.parse(raw[0] ?? { turnover: null, source: null, derived: null, months: 0 });
    return {
      turnoverUsdMn: world.turnover,
      sourceId: world.source,
      derived: world.turnover !== null && world.derived === true,
      months: world.months,
    };
  });
}

/** One page of the scorecard, its total, the world total of the year and the page's sparklines. */
async function getScorecardUncached(input: ScorecardInput): Promise<Scorecard> {
  const { year, params } = input;
  return runQuery('getScorecard', input, async () => {
    const [raw, world] = await Promise.all([
      db.$queryRaw<unknown[]>(scorecardSql(input, { limit: params.size, offset: (params.page - 1) * params.size })),
      getWorldTotal(year),
    ]);
    const rows = z.array(scorecardRowSchema).parse(raw);
    const codes = rows.map((r) => r.code);
    const sparkRaw =
      codes.length === 0
        ? []
        : await db.$queryRaw<unknown[]>`
            WITH ${TRADE_CTE}
            SELECT partner_code AS code, year::int AS year, turnover AS value
            FROM trade
            WHERE partner_code IN (${Prisma.join(codes)}) AND turnover IS NOT NULL
              AND year BETWEEN ${year}::int - ${SPARKLINE_YEARS - 1}::int AND ${year}::int
            ORDER BY partner_code, year`;
    const sparklines: Scorecard['sparklines'] = {};
    for (const point of z
      .array(z.object({ code: z.string(), year: z.number().int(), value: z.number() }))
      .parse(sparkRaw)) {
      (sparklines[point.code] ??= []).push({ year: point.year, valueUsdMn: point.value });
    }
    const total = rows[0]?.total ?? 0;
    const sourceIds = new Set<string>();
    for (const r of rows) {
      if (r.source) sourceIds.add(r.source);
      if (r.fdi_source) sourceIds.add(r.fdi_source);
    }
    if (world.sourceId) sourceIds.add(world.sourceId);
    return {
      year,
      window: params.window,
      rows: rows.map(toRow),
      total,
      page: params.page,
      size: params.size,
      pageCount: Math.max(1, Math.ceil(total / params.size)),
      world,
      sparklines,
      sourceIds: [...sourceIds].sort(),
    };
  });
}

/** Every row of the scorecard in its order, in batches, through a cursor: the export's rows. */
export async function* streamScorecard(input: ScorecardInput, batchSize = 500): AsyncGenerator<ScorecardRow[]> {
  const query = scorecardSql(input, null);
  try {
    const cursor = sql
      .unsafe<RawScorecardRow[]>(query.text, query.values as postgres.ParameterOrJSON<never>[])
      .cursor(batchSize);
    for await (const batch of cursor) yield batch.map((r) => toRow(scorecardRowSchema.parse(r)));
  } catch (error) {
    console.error('[queries] streamScorecard failed', { input, error });
    throw new Error('Could not load data (scorecard).');
  }
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getScorecardYears = cachedQuery('scorecard.getScorecardYears', getScorecardYearsUncached);
export const getWorldTotal = cachedQuery('scorecard.getWorldTotal', getWorldTotalUncached);
export const getScorecard = cachedQuery('scorecard.getScorecard', getScorecardUncached);
