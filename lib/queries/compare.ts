import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import { REPORTER_KAZ, UNSPECIFIED_REPORTER, WORLD_PARTNER_CODE } from '@/lib/constants';
import type { PartnerKind } from '@/lib/generated/prisma/enums';
import type { CompareFlow } from '@/lib/search-params/compare';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

// Reads for the compare screen and its export, from the official series relation. Values leave in
// USD million; conversion, shares, indices and changes are shaped in lib/charts/compare-series.ts.

/** Source of the EUR/USD annual averages in table exchange_rate. */
export const EXCHANGE_RATE_SOURCE_ID = 'ecb_eurofxref_annual';

const partnerKindSchema = z.enum(['COUNTRY', 'GROUP', 'HISTORICAL', 'OTHER']);

export interface PartnerOption {
  code: string;
  name: string;
  /** The bureau's Russian name, where its dictionary lists the partner (lib/i18n/partner-names.ts). */
  nameRu: string | null;
  kind: PartnerKind;
  /** First and last year with an official annual trade figure (Kazakhstan-reported), or null. */
  firstYear: number | null;
  lastYear: number | null;
}

/** Every partner in the database (not the XXX placeholder), with the years its official series covers, by name. */
async function getPartnerOptionsUncached(input: { reporter?: string } = {}): Promise<PartnerOption[]> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  return runQuery('getPartnerOptions', input, async () =>
    z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          nameRu: z.string().nullable(),
          kind: partnerKindSchema,
          firstYear: z.number().int().nullable(),
          lastYear: z.number().int().nullable(),
        }),
      )
      .parse(
        await sql`
          WITH span AS (
            SELECT partner_code, min(year) AS first_year, max(year) AS last_year
            FROM official_series WHERE reporter_code = ${reporter} GROUP BY partner_code
          )
          SELECT p.code, p.name, p.name_ru AS "nameRu", p.kind::text AS kind, s.first_year AS "firstYear", s.last_year AS "lastYear"
          FROM partner p LEFT JOIN span s ON s.partner_code = p.code
          WHERE p.code <> ${UNSPECIFIED_REPORTER}
          ORDER BY p.name, p.code`,
      ),
  );
}

export interface TradeYearRange {
  /** First year with any official annual figure. */
  minYear: number;
  /** Latest complete year with Kazakhstan's total with the world: the default end of a view. */
  maxYear: number;
}

/** The years a trade view can span. Falls back to the current year only when there is no data at all. */
async function getTradeYearRangeUncached(input: { reporter?: string } = {}): Promise<TradeYearRange> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const [row] = await runQuery('getTradeYearRange', input, async () =>
    z.array(z.object({ minYear: z.number().int().nullable(), maxYear: z.number().int().nullable() })).parse(
      await sql`
        SELECT min(year) AS "minYear",
               coalesce(max(year) FILTER (WHERE partner_code = ${WORLD_PARTNER_CODE} AND indicator_code = 'turnover'),
                        max(year)) AS "maxYear"
        FROM official_series WHERE reporter_code = ${reporter}`,
    ),
  );
  const fallback = new Date().getUTCFullYear();
  return { minYear: row?.minYear ?? fallback, maxYear: row?.maxYear ?? fallback };
}

export interface ComparePoint {
  partnerCode: string;
  year: number;
  valueUsdMn: number;
  sourceId: string;
  isEstimate: boolean;
  derivation: string;
}

export interface CompareSeriesInput {
  reporter?: string;
  partners: readonly string[];
  flow: CompareFlow;
  fromYear: number;
  toYear: number;
}

export interface CompareSeriesData {
  partners: { code: string; name: string; nameRu: string | null; kind: PartnerKind }[];
  points: ComparePoint[];
  /** Kazakhstan's total with the world for the same flow, the denominator of shares. */
  world: ComparePoint[];
}

const pointSchema = z.object({
  partnerCode: z.string(),
  year: z.number().int(),
  valueUsdMn: z.number(),
  sourceId: z.string(),
  isEstimate: z.boolean(),
  derivation: z.string(),
});

/** The selected partners' official annual values for one flow, and the world total, in USD million. */
async function getCompareSeriesUncached(input: CompareSeriesInput): Promise<CompareSeriesData> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const codes = [...new Set(input.partners)];
  if (codes.length === 0) return { partners: [], points: [], world: [] };
  const [partners, rows] = await runQuery('getCompareSeries', input, () =>
    Promise.all([
      sql`SELECT code, name, name_ru AS "nameRu", kind::text AS kind FROM partner WHERE code = ANY (${codes}::text[])`,
      sql`
        SELECT partner_code AS "partnerCode", year, value_usd_mn AS "valueUsdMn", source_id AS "sourceId",
               is_estimate AS "isEstimate", derivation::text AS derivation
        FROM official_series
        WHERE reporter_code = ${reporter} AND indicator_code = ${input.flow}
          AND year BETWEEN ${input.fromYear} AND ${input.toYear}
          AND partner_code = ANY (${[...codes, WORLD_PARTNER_CODE]}::text[])
        ORDER BY partner_code, year`,
    ]),
  );
  const points = z.array(pointSchema).parse(rows);
  const order = new Map(codes.map((code, i) => [code, i]));
  return {
    // In the order asked for, so colors follow the selection.
    partners: z
      .array(z.object({ code: z.string(), name: z.string(), nameRu: z.string().nullable(), kind: partnerKindSchema }))
      .parse(partners)
      .sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0)),
    points: points.filter((p) => codes.includes(p.partnerCode)),
    world: points.filter((p) => p.partnerCode === WORLD_PARTNER_CODE),
  };
}

export interface ExchangeRates {
  rates: UsdPerEurRate[];
  sourceId: string;
}

/** ECB annual averages, US dollars per euro (table exchange_rate). */
async function getUsdPerEurRatesUncached(): Promise<ExchangeRates> {
  const rows = await runQuery('getUsdPerEurRates', null, async () =>
    z
      .array(
        z.object({ year: z.number().int(), usdPerEur: z.number(), isProvisional: z.boolean(), sourceId: z.string() }),
      )
      .parse(
        await sql`
          SELECT year, rate::float8 AS "usdPerEur", is_provisional AS "isProvisional", source_id AS "sourceId"
          FROM exchange_rate WHERE base_currency = 'EUR' AND quote_currency = 'USD'
          ORDER BY year`,
      ),
  );
  return {
    rates: rows.map(({ year, usdPerEur, isProvisional }) => ({ year, usdPerEur, isProvisional })),
    sourceId: rows[0]?.sourceId ?? EXCHANGE_RATE_SOURCE_ID,
  };
}

export interface RankedPartner {
  code: string;
  name: string;
  turnoverUsdMn: number;
}

/**
 * Partner countries ranked by turnover in `year` (groups never ranked: the EU would otherwise sit
 * next to its own members), for the "top partners" shortcuts.
 */
async function getTopPartnersByTurnoverUncached(input: {
  reporter?: string;
  year: number;
  limit: number;
}): Promise<RankedPartner[]> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const limit = z.number().int().min(1).max(50).parse(input.limit);
  return runQuery('getTopPartnersByTurnover', input, async () =>
    z.array(z.object({ code: z.string(), name: z.string(), turnoverUsdMn: z.number() })).parse(
      await sql`
        SELECT p.code, p.name, s.value_usd_mn AS "turnoverUsdMn"
        FROM official_series s JOIN partner p ON p.code = s.partner_code
        WHERE s.reporter_code = ${reporter} AND s.indicator_code = 'turnover' AND s.year = ${input.year}
          AND p.kind = 'COUNTRY'
        ORDER BY s.value_usd_mn DESC, p.code
        LIMIT ${limit}`,
    ),
  );
}

export interface GroupMembers {
  groupCode: string;
  /** Member codes on `date` (ISO), by the group's membership periods. */
  memberCodes: string[];
}

/** Members of each group on a date, for the "group as shortcut" buttons. */
async function getGroupMembersOnUncached(input: {
  groupCodes: readonly string[];
  date: string;
}): Promise<GroupMembers[]> {
  if (input.groupCodes.length === 0) return [];
  const rows = await runQuery('getGroupMembersOn', input, async () =>
    z.array(z.object({ groupCode: z.string(), memberCode: z.string() })).parse(
      await sql`
        SELECT group_code AS "groupCode", member_code AS "memberCode" FROM group_membership
        WHERE group_code = ANY (${[...input.groupCodes]}::text[]) AND valid_from <= ${input.date}::date
          AND (valid_to IS NULL OR valid_to >= ${input.date}::date)
        ORDER BY group_code, member_code`,
    ),
  );
  return input.groupCodes.map((groupCode) => ({
    groupCode,
    memberCodes: rows.filter((r) => r.groupCode === groupCode).map((r) => r.memberCode),
  }));
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getPartnerOptions = cachedQuery('compare.getPartnerOptions', getPartnerOptionsUncached);
export const getTradeYearRange = cachedQuery('compare.getTradeYearRange', getTradeYearRangeUncached);
export const getCompareSeries = cachedQuery('compare.getCompareSeries', getCompareSeriesUncached);
export const getUsdPerEurRates = cachedQuery('compare.getUsdPerEurRates', getUsdPerEurRatesUncached);
export const getTopPartnersByTurnover = cachedQuery(
  'compare.getTopPartnersByTurnover',
  getTopPartnersByTurnoverUncached,
);
export const getGroupMembersOn = cachedQuery('compare.getGroupMembersOn', getGroupMembersOnUncached);
