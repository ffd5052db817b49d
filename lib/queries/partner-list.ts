// The partner list: one row per partner for a year, from Kazakhstan's official annual series
// (the official_series relation). Every figure, share, rank, growth rate and count is computed in
// PostgreSQL; pages are cut there too.
import 'server-only';
import { cachedQuery } from '@/lib/cache';
import { z } from 'zod';
import { EU27_CODE, EU_CODE, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import type { Locale } from '@/lib/i18n/locales';
import { MEMBERSHIP_GROUP_CODES, type MembershipGroupCode } from '@/lib/membership-groups';
import { sql } from '@/lib/sql';
import {
  SPARKLINE_YEARS,
  type PartnerListParams,
  type PartnerListSortKey,
  type PartnerListView,
} from '@/lib/search-params/partner-list';
import { partnerNames, type PartnerNames } from './partner-names';
import { runQuery } from './run-query';

// All money leaves this module in USD million, as plain numbers; shares and growth as fractions.

/** Former countries (USSR, Czechoslovakia) are countries; IMF and other aggregates are groups. */
const VIEW_KINDS: Record<PartnerListView, readonly string[]> = {
  countries: ['COUNTRY', 'HISTORICAL'],
  groups: ['GROUP', 'OTHER'],
};

/** Allow-listed ORDER BY expressions: the URL's sort key is only ever a key of this map. */
const ORDER_BY: Record<PartnerListSortKey, string> = {
  // Places in the language's alphabetical order, computed in JavaScript (lib/i18n/collation.ts).
  name: 'b.name_place',
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
 * The official series (official_series) by partner and year, one row with every flow, for the
 * years the list reads (the year shown, the one before, the growth window's start): pivoting every
 * year, to join three of them back, was most of the list's SQL.
 */
const tradeCte = (reporter: string, years: readonly number[]) => sql`
  trade AS (
    SELECT partner_code, year, edition_id,
           max(value_usd_mn) FILTER (WHERE indicator_code = 'turnover') AS turnover,
           max(value_usd_mn) FILTER (WHERE indicator_code = 'export') AS export,
           max(value_usd_mn) FILTER (WHERE indicator_code = 'import') AS import,
           max(value_usd_mn) FILTER (WHERE indicator_code = 'balance') AS balance,
           max(share) FILTER (WHERE indicator_code = 'turnover') AS share,
           coalesce(bool_or(is_estimate) FILTER (WHERE indicator_code = 'turnover'), false) AS turnover_estimate,
           coalesce(bool_or(is_estimate) FILTER (WHERE indicator_code = 'export'), false) AS export_estimate,
           coalesce(bool_or(is_estimate) FILTER (WHERE indicator_code = 'import'), false) AS import_estimate,
           min(source_id) AS source
    FROM official_series
    WHERE reporter_code = ${reporter} AND year = ANY (${[...years]}::int[])
    GROUP BY partner_code, year, edition_id
  )`;

/** A country counts for a group in a year when its membership covers that whole year (lib/membership-groups.ts). */
const coversYear = (year: number) =>
  sql`gm.valid_from <= make_date(${year}, 1, 1) AND (gm.valid_to IS NULL OR gm.valid_to >= make_date(${year}, 12, 31))`;

export interface PartnerListInput {
  year: number;
  params: PartnerListParams;
  /** Kazakhstan unless given (tests use reporters of their own). */
  reporter?: string;
  /** Only these partners (the map takes the EU's row from the groups). */
  codes?: readonly string[];
  /** Names partners in this language and sorts by those names; English (the table's names) by default. */
  locale?: Locale;
}

/** The partner list's SELECT without paging, shared by the page (LIMIT/OFFSET) and the export (cursor). */
function partnerListSql(
  { year, params, reporter = REPORTER_KAZ, codes }: PartnerListInput,
  paging: { limit: number; offset: number } | null,
  names: PartnerNames,
) {
  const kinds = [...VIEW_KINDS[params.view]];
  const groups = [...MEMBERSHIP_GROUP_CODES];
  const ranked = params.view === 'countries';
  const filters = [];
  if (params.group && params.group.length > 0) filters.push(sql`b.groups && ${params.group}::text[]`);
  if (codes) filters.push(sql`b.code = ANY (${[...codes]}::text[])`);
  if (params.q) {
    const pattern = `%${params.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(
      sql`(b.name ILIKE ${pattern} OR b.name_en ILIKE ${pattern} OR b.name_ru ILIKE ${pattern} OR b.name_kk ILIKE ${pattern} OR b.code = ${params.q.toUpperCase()})`,
    );
  }
  const where =
    filters.length > 0 ? sql`WHERE ${filters.reduce((all, f, i) => (i === 0 ? f : sql`${all} AND ${f}`))}` : sql``;
  const orderBy = sql.unsafe(
    [
      ...params.sort.map((s) => `${ORDER_BY[s.id]} ${s.desc ? 'DESC' : 'ASC'} NULLS LAST`),
      'b.name_place ASC',
      'b.code ASC',
    ].join(', '),
  );
  const limit = paging ? sql`LIMIT ${paging.limit} OFFSET ${paging.offset}` : sql``;

  return sql`
    WITH ${tradeCte(reporter, [year, year - 1, year - params.window])},
    universe AS (
      SELECT t.* FROM trade t JOIN partner p ON p.code = t.partner_code
      WHERE p.kind::text = ANY (${kinds}::text[]) AND t.partner_code <> ${WORLD_PARTNER_CODE}
    ),
    -- Ranks among the partners with a turnover that year; groups overlap, so they are not ranked.
    ranked AS (
      SELECT u.*,
             CASE WHEN ${ranked} AND u.turnover IS NOT NULL AND u.year IN (${year}, ${year - 1})
                  THEN rank() OVER (PARTITION BY u.year, u.turnover IS NOT NULL ORDER BY u.turnover DESC)::int END AS rank
      FROM universe u
    ),
    -- One row per partner, its three years side by side. Joined back as CTEs, the years were
    -- matched row by row: the planner, blind to a CTE's size, chose nested loops over them.
    cur AS (
      SELECT partner_code,
             bool_or(turnover IS NOT NULL OR export IS NOT NULL OR import IS NOT NULL) FILTER (WHERE year = ${year}) AS shown,
             max(turnover) FILTER (WHERE year = ${year}) AS turnover,
             max(export) FILTER (WHERE year = ${year}) AS export,
             max(import) FILTER (WHERE year = ${year}) AS import,
             max(balance) FILTER (WHERE year = ${year}) AS balance,
             bool_or(turnover_estimate) FILTER (WHERE year = ${year}) AS turnover_estimate,
             bool_or(export_estimate) FILTER (WHERE year = ${year}) AS export_estimate,
             bool_or(import_estimate) FILTER (WHERE year = ${year}) AS import_estimate,
             max(source) FILTER (WHERE year = ${year}) AS source,
             max(share) FILTER (WHERE year = ${year}) AS share,
             max(edition_id) FILTER (WHERE year = ${year}) AS edition_id,
             max(rank) FILTER (WHERE year = ${year}) AS rank,
             max(turnover) FILTER (WHERE year = ${year - 1}) AS previous_turnover,
             max(edition_id) FILTER (WHERE year = ${year - 1}) AS previous_edition_id,
             max(rank) FILTER (WHERE year = ${year - 1}) AS previous_rank,
             max(turnover) FILTER (WHERE year = ${year - params.window}) AS start_turnover,
             max(edition_id) FILTER (WHERE year = ${year - params.window}) AS start_edition_id
      FROM ranked
      GROUP BY partner_code
    ),
    b AS (
      SELECT p.code, coalesce(ln.name, p.name) AS name, p.name AS name_en, ln.ru AS name_ru, ln.kk AS name_kk,
             ln.place AS name_place,
             p.kind::text AS kind,
             coalesce(g.groups, ARRAY[]::text[]) AS groups,
             cur.turnover, cur.export, cur.import, cur.balance,
             cur.turnover_estimate, cur.export_estimate, cur.import_estimate,
             cur.source, cur.share,
             cur.previous_turnover,
             CASE WHEN cur.previous_turnover > 0 AND cur.turnover IS NOT NULL
                  THEN cur.turnover / cur.previous_turnover - 1 END AS change,
             (cur.previous_edition_id IS DISTINCT FROM cur.edition_id AND cur.previous_turnover IS NOT NULL)
               AS change_source_break,
             cur.start_turnover,
             -- Growth only between two sizeable figures, and never from an incomplete base year (a
             -- known break whose years hold the base, for this partner or for every partner).
             CASE WHEN cur.start_turnover >= greatest(${params.min}, 1e-9) AND cur.turnover >= greatest(${params.min}, 1e-9)
                       AND NOT EXISTS (
                         SELECT 1 FROM series_break sb
                         WHERE sb.reporter_code = ${reporter} AND sb.kind <> 'SOURCE_CHANGE'
                           AND ${year - params.window} BETWEEN sb.first_year AND sb.last_year
                           AND (cardinality(sb.partner_codes) = 0 OR p.code = ANY (sb.partner_codes)))
                  THEN power(cur.turnover / cur.start_turnover, 1.0 / ${params.window}) - 1 END AS cagr,
             (cur.start_edition_id IS DISTINCT FROM cur.edition_id AND cur.start_turnover IS NOT NULL) AS cagr_source_break,
             cur.rank, cur.previous_rank, cur.previous_rank - cur.rank AS rank_change,
             (SELECT count(*)::int FROM agreement_party ap JOIN agreement a ON a.id = ap.agreement_id
              WHERE ap.partner_code = p.code AND a.status NOT IN ('UNDER_NEGOTIATION', 'PLAN')) AS agreements,
             fdi.usd_mn AS fdi_usd_mn, fdi.year AS fdi_year, fdi.source_id AS fdi_source, fdi.qualifier AS fdi_qualifier
      FROM cur
      JOIN partner p ON p.code = cur.partner_code
      LEFT JOIN unnest(${names.codes}::text[], ${names.names}::text[], ${names.ru}::text[], ${names.kk}::text[],
                       ${names.places}::int[])
        AS ln(code, name, ru, kk, place) ON ln.code = p.code
      LEFT JOIN LATERAL (
        SELECT array_agg(gm.group_code ORDER BY array_position(${groups}::text[], gm.group_code)) AS groups
        FROM group_membership gm
        WHERE gm.member_code = p.code AND gm.group_code = ANY (${groups}::text[]) AND ${coversYear(year)}
      ) g ON true
      -- Gross FDI inflow from the partner, the latest calendar year up to the year shown (news
      -- figures: the one investment concept quoted by partner and year; stocks and cumulative sums are not mixed in).
      LEFT JOIN LATERAL (
        SELECT (o.value * power(10::numeric, o.scale) / 1e6)::float8 AS usd_mn, o.year, o.source_id, o.qualifier::text AS qualifier
        FROM observation o
        WHERE o.reporter_code = ${reporter} AND o.indicator_code = 'fdi_gross_inflow' AND o.period = 'FY' AND o.unit = 'USD'
          AND CASE WHEN o.partner_code = ${EU27_CODE} THEN ${EU_CODE} ELSE o.partner_code END = p.code AND o.year <= ${year}
        ORDER BY o.year DESC, o.source_id
        LIMIT 1
      ) fdi ON true
      WHERE cur.shown
    )
    SELECT b.*, count(*) OVER ()::int AS total
    FROM b
    ${where}
    ORDER BY ${orderBy}
    ${limit}`;
}

const numberOrNull = z.number().nullable();
const partnerListRowSchema = z.object({
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

type RawPartnerListRow = z.infer<typeof partnerListRowSchema>;

/** One partner's line; money in USD million, share and growth as fractions. */
export interface PartnerListRow {
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

function toRow(r: RawPartnerListRow): PartnerListRow {
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
  /** Summed from the source's partner rows rather than published as a total. */
  derived: boolean;
}

export interface PartnerList {
  year: number | null;
  window: number;
  rows: PartnerListRow[];
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
async function getPartnerListYearsUncached(reporter: string = REPORTER_KAZ): Promise<number[]> {
  return runQuery('getPartnerListYears', { reporter }, async () => {
    const rows = await sql<{ year: number }[]>`
      SELECT DISTINCT year FROM official_series
      WHERE reporter_code = ${reporter} AND indicator_code = 'turnover' AND partner_code <> ${WORLD_PARTNER_CODE}
      ORDER BY year`;
    return rows.map((r) => r.year);
  });
}

const worldSchema = z.object({
  turnover: numberOrNull,
  source: z.string().nullable(),
  derived: z.boolean().nullable(),
});

/** Kazakhstan's total turnover with the world in a year, the denominator of every share. */
async function getWorldTotalUncached(year: number, reporter: string = REPORTER_KAZ): Promise<WorldTotal> {
  return runQuery('getWorldTotal', { year, reporter }, async () => {
    const [raw] = await sql`
      SELECT value_usd_mn AS turnover, source_id AS source, derivation <> 'PUBLISHED' AS derived
      FROM official_series
      WHERE reporter_code = ${reporter} AND partner_code = ${WORLD_PARTNER_CODE}
        AND indicator_code = 'turnover' AND year = ${year}`;
    const world = worldSchema.parse(raw ?? { turnover: null, source: null, derived: null });
    return {
      turnoverUsdMn: world.turnover,
      sourceId: world.source,
      derived: world.turnover !== null && world.derived === true,
    };
  });
}

/** One page of the partner list, its total, the world total of the year and the page's sparklines. */
async function getPartnerListUncached(input: PartnerListInput): Promise<PartnerList> {
  const { year, params, reporter = REPORTER_KAZ } = input;
  return runQuery('getPartnerList', input, async () => {
    const names = await partnerNames(input.locale);
    const [raw, world] = await Promise.all([
      partnerListSql(input, { limit: params.size, offset: (params.page - 1) * params.size }, names),
      getWorldTotal(year, reporter),
    ]);
    const rows = z.array(partnerListRowSchema).parse(raw);
    const codes = rows.map((r) => r.code);
    const sparkRaw =
      codes.length === 0
        ? []
        : await sql`
            SELECT partner_code AS code, year, value_usd_mn AS value
            FROM official_series
            WHERE reporter_code = ${reporter} AND indicator_code = 'turnover' AND partner_code = ANY (${codes}::text[])
              AND year BETWEEN ${year - (SPARKLINE_YEARS - 1)} AND ${year}
            ORDER BY partner_code, year`;
    const sparklines: PartnerList['sparklines'] = {};
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

/**
 * Every row of the partner list for a year, unpaged: the world map colours all partners at once with
 * the partner list's own figures, shares and growth rates (one definition of each).
 */
async function getPartnerListRowsUncached(input: PartnerListInput): Promise<PartnerListRow[]> {
  return runQuery('getPartnerListRows', input, async () =>
    z
      .array(partnerListRowSchema)
      .parse(await partnerListSql(input, null, await partnerNames(input.locale)))
      .map(toRow),
  );
}

/** Every row of the partner list in its order, in batches, through a cursor: the export's rows. */
export async function* streamPartnerList(input: PartnerListInput, batchSize = 500): AsyncGenerator<PartnerListRow[]> {
  try {
    const names = await partnerNames(input.locale);
    for await (const batch of partnerListSql(input, null, names).cursor(batchSize))
      yield batch.map((r) => toRow(partnerListRowSchema.parse(r)));
  } catch (error) {
    console.error('[queries] streamPartnerList failed', { input, error });
    throw new Error('Could not load data (partnerList).');
  }
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getPartnerListYears = cachedQuery('partnerList.getPartnerListYears', getPartnerListYearsUncached);
export const getWorldTotal = cachedQuery('partnerList.getWorldTotal', getWorldTotalUncached);
export const getPartnerList = cachedQuery('partnerList.getPartnerList', getPartnerListUncached);
export const getPartnerListRows = cachedQuery('partnerList.getPartnerListRows', getPartnerListRowsUncached);
