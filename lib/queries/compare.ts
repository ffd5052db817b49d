import 'server-only';
import { cachedQuery } from '@/lib/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { PartnerKind } from '@/lib/generated/prisma/enums';
import { REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import type { UsdPerEurRate } from '@/lib/charts/currency';
import type { CompareFlow } from '@/lib/search-params/compare';
import { annualTradeSeries, tradeSeries, withBalance } from './annual-trade';
import { runQuery } from './run-query';

// Reads for the compare screen and its export. Values leave in USD million; conversion, shares,
// indices and changes are shaped in lib/charts/compare-series.ts from these rows.

/** Source of the EUR/USD annual averages in table exchange_rate. */
export const EXCHANGE_RATE_SOURCE_ID = 'ecb_eurofxref_annual';

const partnerKindSchema = z.enum(PartnerKind);

export interface PartnerOption {
  code: string;
  name: string;
  kind: PartnerKind;
  /** First and last year with an official annual trade figure (Kazakhstan-reported), or null. */
  firstYear: number | null;
  lastYear: number | null;
}

/** Every partner in the database, with the years its official trade series covers, by name. */
async function getPartnerOptionsUncached(input: { reporter?: string } = {}): Promise<PartnerOption[]> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  return runQuery('getPartnerOptions', input, async () => {
    const rows = await db.$queryRaw<unknown[]>`
      WITH t AS (${annualTradeSeries(reporter)}),
      span AS (SELECT partner_code, min(year) AS first_year, max(year) AS last_year FROM t GROUP BY partner_code)
      SELECT p.code, p.name, p.kind::text AS kind, s.first_year::int AS "firstYear", s.last_year::int AS "lastYear"
      FROM partner p
      LEFT JOIN span s ON s.partner_code = p.code
      ORDER BY p.name, p.code`;
    return z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          kind: partnerKindSchema,
          firstYear: z.number().int().nullable(),
          lastYear: z.number().int().nullable(),
        }),
      )
      .parse(rows);
  });
}

export interface TradeYearRange {
  /** First year with any official annual figure. */
  minYear: number;
  /** Latest complete year with Kazakhstan's total with the world: the default end of a view. */
  maxYear: number;
}

/** The years a trade view can span. Falls back to the current year only when there is no data at all. */
async function getTradeYearRangeUncached(
  input: { reporter?: string; sourceId?: string } = {},
): Promise<TradeYearRange> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const row = await runQuery('getTradeYearRange', input, async () => {
    const rows = await db.$queryRaw<unknown[]>`
      WITH t AS (${tradeSeries(reporter, input.sourceId)})
      SELECT min(year)::int AS "minYear",
             coalesce(max(year) FILTER (WHERE partner_code = ${WORLD_PARTNER_CODE} AND indicator_code = 'turnover'), max(year))::int AS "maxYear"
      FROM t`;
    return z
      .array(z.object({ minYear: z.number().int().nullable(), maxYear: z.number().int().nullable() }))
      .parse(rows)[0];
  });
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
  /** Only for tests: one source instead of the preferred series. */
  sourceId?: string;
  partners: readonly string[];
  flow: CompareFlow;
  fromYear: number;
  toYear: number;
}

export interface CompareSeriesData {
  partners: { code: string; name: string; kind: PartnerKind }[];
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
      db.partner.findMany({ where: { code: { in: codes } }, select: { code: true, name: true, kind: true } }),
      db.$queryRaw<unknown[]>`
        WITH t AS (${withBalance(tradeSeries(reporter, input.sourceId))})
        SELECT partner_code AS "partnerCode", year::int AS year, value_usd_mn AS "valueUsdMn", source_id AS "sourceId",
               is_estimate AS "isEstimate", derivation
        FROM t
        WHERE indicator_code = ${input.flow}
          AND year BETWEEN ${input.fromYear}::int AND ${input.toYear}::int
          AND partner_code IN (${Prisma.join([...codes, WORLD_PARTNER_CODE])})
        ORDER BY partner_code, year`,
    ]),
  );
  const points = z.array(pointSchema).parse(rows);
  const order = new Map(codes.map((code, i) => [code, i]));
  return {
    // In the order asked for, so colors follow the selection.
    partners: partners.sort((a, b) => (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0)),
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
  const rows = await runQuery('getUsdPerEurRates', null, () =>
    db.exchangeRate.findMany({
      where: { baseCurrency: 'EUR', quoteCurrency: 'USD' },
      select: { year: true, rate: true, isProvisional: true, sourceId: true },
      orderBy: { year: 'asc' },
    }),
  );
  return {
    rates: rows.map((r) => ({ year: r.year, usdPerEur: r.rate.toNumber(), isProvisional: r.isProvisional })),
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
  return runQuery('getTopPartnersByTurnover', input, async () => {
    const rows = await db.$queryRaw<unknown[]>`
      WITH t AS (${annualTradeSeries(reporter)})
      SELECT p.code, p.name, t.value_usd_mn AS "turnoverUsdMn"
      FROM t JOIN partner p ON p.code = t.partner_code
      WHERE t.indicator_code = 'turnover' AND t.year = ${input.year}::int AND p.kind = 'COUNTRY'
      ORDER BY t.value_usd_mn DESC, p.code
      LIMIT ${limit}::int`;
    return z.array(z.object({ code: z.string(), name: z.string(), turnoverUsdMn: z.number() })).parse(rows);
  });
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
  const date = new Date(`${input.date}T00:00:00Z`);
  const rows = await runQuery('getGroupMembersOn', input, () =>
    db.groupMembership.findMany({
      where: {
        groupCode: { in: [...input.groupCodes] },
        validFrom: { lte: date },
        OR: [{ validTo: null }, { validTo: { gte: date } }],
      },
      select: { groupCode: true, memberCode: true },
      orderBy: [{ groupCode: 'asc' }, { memberCode: 'asc' }],
    }),
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
