import 'server-only';
import { cachedQuery } from '@/lib/cache';
import { z } from 'zod';
import type { PartnerKind } from '@/lib/generated/prisma/enums';
import { EU27_CODE, EU_CODE, IMF_DOTS_SOURCE_ID, REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

// Reads for one partner's profile. Trade values leave in USD million, from the official series
// relation (official_series), where the EU is one code (AGG_EU) over all years.

export interface PartnerSummary {
  code: string;
  name: string;
  nameRu: string | null;
  kind: PartnerKind;
}

/** The partner, or null for a code that is not in the partner table (the page answers 404). */
async function getPartnerUncached(code: string): Promise<PartnerSummary | null> {
  // Codes are upper-case ISO alpha-3 or AGG_*; anything else cannot exist, and skips the query.
  if (!/^[A-Z][A-Z0-9_]{1,39}$/.test(code)) return null;
  const [row] = await runQuery(
    'getPartner',
    { code },
    () =>
      sql<
        PartnerSummary[]
      >`SELECT code, name, name_ru AS "nameRu", kind::text AS kind FROM partner WHERE code = ${code}`,
  );
  return row ? { ...row } : null;
}

/**
 * The partner a profile address names when it is not an exact code: the code in other letter case,
 * an ISO alpha-2 code, or the partner's name written as a slug ("germany", "cote-d-ivoire").
 */
async function findPartnerCodeUncached(text: string): Promise<string | null> {
  const slug = slugOf(text);
  if (!slug || slug.length > 80) return null;
  const [row] = await runQuery(
    'findPartnerCode',
    { text },
    () =>
      sql<{ code: string }[]>`
      SELECT code FROM partner
      WHERE code = ${text.toUpperCase()} OR iso2 = ${text.toUpperCase()}
         OR btrim(lower(regexp_replace(regexp_replace(normalize(name, NFD), '[\\u0300-\\u036f]', '', 'g'),
                                       '[^a-zA-Z0-9]+', '-', 'g')), '-') = ${slug}
      ORDER BY (code = ${text.toUpperCase()}) DESC, (iso2 = ${text.toUpperCase()}) DESC, kind, code
      LIMIT 1`,
  );
  return row?.code ?? null;
}

/** Lower case, accents dropped, anything but letters and digits one hyphen. */
export function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface Membership {
  groupCode: string;
  groupName: string;
  /** The bureau's Russian names, for partnerName (lib/i18n/partner-names.ts). */
  groupNameRu: string | null;
  memberCode: string;
  memberName: string;
  memberNameRu: string | null;
  /** ISO dates; validTo null while the membership lasts. */
  validFrom: string;
  validTo: string | null;
  note: string | null;
}

export interface PartnerMemberships {
  /** Groups the partner belongs to (or belonged to). */
  groups: Membership[];
  /** For a group: its members by period (accession and exit dates). */
  members: Membership[];
}

async function getPartnerMembershipsUncached(code: string): Promise<PartnerMemberships> {
  const rows = await runQuery(
    'getPartnerMemberships',
    { code },
    () =>
      sql<Membership[]>`
      SELECT gm.group_code AS "groupCode", g.name AS "groupName", g.name_ru AS "groupNameRu",
             gm.member_code AS "memberCode", m.name AS "memberName", m.name_ru AS "memberNameRu",
             to_char(gm.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(gm.valid_to, 'YYYY-MM-DD') AS "validTo",
             gm.note
      FROM group_membership gm
      JOIN partner g ON g.code = gm.group_code
      JOIN partner m ON m.code = gm.member_code
      WHERE gm.member_code = ${code} OR gm.group_code = ${code}
      ORDER BY gm.valid_from, gm.member_code`,
  );
  return {
    groups: rows.filter((r) => r.memberCode === code).map((r) => ({ ...r })),
    members: rows.filter((r) => r.groupCode === code).map((r) => ({ ...r })),
  };
}

export type ProfileFlow = 'export' | 'import' | 'turnover' | 'balance';

export interface ProfilePoint {
  flow: ProfileFlow;
  year: number;
  valueUsdMn: number;
  sourceId: string;
  isEstimate: boolean;
  derivation: string;
}

export interface PartnerTrade {
  points: ProfilePoint[];
  /** Kazakhstan's turnover with the world, for the partner's share. */
  worldTurnover: ProfilePoint[];
  /** Rank of the partner among partner countries by turnover in its latest year (null for groups). */
  rank: { year: number; rank: number; of: number } | null;
}

const profilePointSchema = z.object({
  flow: z.enum(['export', 'import', 'turnover', 'balance']),
  year: z.number().int(),
  valueUsdMn: z.number(),
  sourceId: z.string(),
  isEstimate: z.boolean(),
  derivation: z.string(),
  partnerCode: z.string(),
});

/**
 * Kazakhstan-reported exports, imports, turnover and balance with the partner from the official
 * series, with Kazakhstan's world turnover for its share, and its rank among partner countries in
 * its latest year that is not an incomplete year (a rank among the partners of 1993, when Russia
 * is missing from the series, would mislead).
 */
async function getPartnerTradeUncached(input: { code: string; reporter?: string }): Promise<PartnerTrade> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  // The official series reports the EU as AGG_EU whichever code the page was opened with.
  const seriesCode = input.code === EU27_CODE ? EU_CODE : input.code;
  const [rows, rankRows] = await runQuery('getPartnerTrade', input, () =>
    Promise.all([
      sql`
        SELECT indicator_code AS flow, year, value_usd_mn AS "valueUsdMn", source_id AS "sourceId",
               is_estimate AS "isEstimate", derivation::text AS derivation, partner_code AS "partnerCode"
        FROM official_series
        WHERE reporter_code = ${reporter}
          AND (partner_code = ${seriesCode} OR (partner_code = ${WORLD_PARTNER_CODE} AND indicator_code = 'turnover'))
        ORDER BY year, indicator_code`,
      sql`
        WITH countries AS (
          SELECT s.partner_code, s.year, s.value_usd_mn
          FROM official_series s JOIN partner p ON p.code = s.partner_code
          WHERE s.reporter_code = ${reporter} AND s.indicator_code = 'turnover' AND p.kind = 'COUNTRY'
            AND NOT EXISTS (
              SELECT 1 FROM series_break b
              WHERE b.reporter_code = s.reporter_code AND b.kind = 'INCOMPLETE'
                AND s.year BETWEEN b.first_year AND b.last_year
                AND (cardinality(b.partner_codes) = 0 OR ${WORLD_PARTNER_CODE} = ANY (b.partner_codes))
            )
        ),
        latest AS (SELECT max(year) AS year FROM countries WHERE partner_code = ${seriesCode}),
        ranked AS (
          SELECT partner_code, rank() OVER (ORDER BY value_usd_mn DESC)::int AS rank, count(*) OVER ()::int AS total
          FROM countries WHERE year = (SELECT year FROM latest)
        )
        SELECT (SELECT year FROM latest) AS year, rank, total FROM ranked WHERE partner_code = ${seriesCode}`,
    ]),
  );
  const parsed = z.array(profilePointSchema).parse(rows);
  const rank = z
    .array(z.object({ year: z.number().int(), rank: z.number().int(), total: z.number().int() }))
    .parse(rankRows)[0];
  const strip = ({ partnerCode: _code, ...point }: z.infer<typeof profilePointSchema>): ProfilePoint => point;
  return {
    points: parsed.filter((p) => p.partnerCode === seriesCode).map(strip),
    worldTurnover:
      input.code === WORLD_PARTNER_CODE ? [] : parsed.filter((p) => p.partnerCode === WORLD_PARTNER_CODE).map(strip),
    rank: rank ? { year: rank.year, rank: rank.rank, of: rank.total } : null,
  };
}

export interface MirrorYear {
  year: number;
  /** Kazakhstan's exports to the partner as Kazakhstan reports them (FOB). */
  kazExportUsdMn: number | null;
  /** The same flow as the partner reports it: its imports from Kazakhstan (CIF). */
  partnerImportUsdMn: number | null;
  /** Kazakhstan's imports from the partner as Kazakhstan reports them (CIF). */
  kazImportUsdMn: number | null;
  /** The same flow as the partner reports it: its exports to Kazakhstan (FOB). */
  partnerExportUsdMn: number | null;
  /** Any of the four is an IMF estimate. */
  hasEstimate: boolean;
}

export interface MirrorComparison {
  sourceId: string;
  years: MirrorYear[];
}

const mirrorSchema = z.object({
  year: z.number().int(),
  kazExportUsdMn: z.number().nullable(),
  partnerImportUsdMn: z.number().nullable(),
  kazImportUsdMn: z.number().nullable(),
  partnerExportUsdMn: z.number().nullable(),
  hasEstimate: z.boolean(),
});

/**
 * Both sides' statistics of the same trade, year by year, from one source (IMF DOTS, one vintage)
 * so that the gap is between reporters, not between databases. Mirror rows have the partner as
 * reporter and Kazakhstan as counterpart: the partner's imports are Kazakhstan's exports.
 */
async function getMirrorComparisonUncached(input: {
  code: string;
  reporter?: string;
  sourceId?: string;
}): Promise<MirrorComparison> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  const sourceId = input.sourceId ?? IMF_DOTS_SOURCE_ID;
  const code = input.code === EU27_CODE ? EU_CODE : input.code;
  const rows = await runQuery('getMirrorComparison', input, async () =>
    z.array(mirrorSchema).parse(
      await sql`
        WITH both_sides AS (
          SELECT CASE WHEN o.reporter_code = ${reporter} THEN 'kaz' ELSE 'partner' END AS side,
                 o.indicator_code, o.year, (o.value * power(10::numeric, o.scale - 6))::float8 AS value_usd_mn,
                 o.is_estimate
          FROM observation o
          WHERE o.source_id = ${sourceId} AND o.period = 'FY' AND o.unit = 'USD' AND o.series_key = ''
            AND o.indicator_code IN ('export', 'import')
            AND ((o.reporter_code = ${reporter} AND o.partner_code = ${code})
              OR (o.reporter_code = ${code} AND o.partner_code = ${reporter}))
        )
        SELECT year,
               max(value_usd_mn) FILTER (WHERE side = 'kaz' AND indicator_code = 'export') AS "kazExportUsdMn",
               max(value_usd_mn) FILTER (WHERE side = 'partner' AND indicator_code = 'import') AS "partnerImportUsdMn",
               max(value_usd_mn) FILTER (WHERE side = 'kaz' AND indicator_code = 'import') AS "kazImportUsdMn",
               max(value_usd_mn) FILTER (WHERE side = 'partner' AND indicator_code = 'export') AS "partnerExportUsdMn",
               bool_or(is_estimate) AS "hasEstimate"
        FROM both_sides
        GROUP BY year
        ORDER BY year`,
    ),
  );
  return { sourceId, years: rows };
}

export interface MemberTrade {
  code: string;
  name: string;
  nameRu: string | null;
  turnoverUsdMn: number;
  /** Fraction of the group's own turnover series that year (not a sum of the members). */
  shareOfGroup: number | null;
  sourceId: string;
}

export interface GroupMemberTrade {
  year: number | null;
  groupTurnoverUsdMn: number | null;
  members: MemberTrade[];
}

/**
 * Each current member's turnover in the latest year with member figures, as a share of the group's
 * own series that year. The group total is the published (or derived) group figure, not a sum
 * computed here, so members and group are never added together.
 */
async function getGroupMemberTradeUncached(input: { code: string; reporter?: string }): Promise<GroupMemberTrade> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  // The EU series (AGG_EU) has the fixed 27-member composition listed under AGG_EU27.
  const membershipCode = input.code === EU_CODE ? EU27_CODE : input.code;
  const seriesCode = input.code === EU27_CODE ? EU_CODE : input.code;
  const rows = await runQuery('getGroupMemberTrade', input, async () =>
    z
      .array(
        z.object({
          code: z.string(),
          name: z.string(),
          nameRu: z.string().nullable(),
          turnoverUsdMn: z.number(),
          shareOfGroup: z.number().nullable(),
          sourceId: z.string(),
          year: z.number().int(),
          groupTurnoverUsdMn: z.number().nullable(),
        }),
      )
      .parse(
        await sql`
          WITH t AS (
            SELECT * FROM official_series WHERE reporter_code = ${reporter} AND indicator_code = 'turnover'
          ),
          members AS (
            SELECT DISTINCT member_code FROM group_membership
            WHERE group_code = ${membershipCode} AND (valid_to IS NULL OR valid_to >= current_date)
          ),
          latest AS (SELECT max(year) AS year FROM t WHERE partner_code IN (SELECT member_code FROM members)),
          grp AS (SELECT value_usd_mn FROM t WHERE partner_code = ${seriesCode} AND year = (SELECT year FROM latest))
          SELECT p.code, p.name, p.name_ru AS "nameRu", t.value_usd_mn AS "turnoverUsdMn",
                 t.value_usd_mn / NULLIF((SELECT value_usd_mn FROM grp), 0) AS "shareOfGroup", t.source_id AS "sourceId",
                 (SELECT year FROM latest) AS year, (SELECT value_usd_mn FROM grp) AS "groupTurnoverUsdMn"
          FROM t JOIN partner p ON p.code = t.partner_code
          WHERE t.partner_code IN (SELECT member_code FROM members) AND t.year = (SELECT year FROM latest)
          ORDER BY t.value_usd_mn DESC, p.code`,
      ),
  );
  return {
    year: rows[0]?.year ?? null,
    groupTurnoverUsdMn: rows[0]?.groupTurnoverUsdMn ?? null,
    members: rows.map(({ year: _year, groupTurnoverUsdMn: _group, ...member }) => member),
  };
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getPartner = cachedQuery('partner-profile.getPartner', getPartnerUncached);
export const findPartnerCode = cachedQuery('partner-profile.findPartnerCode', findPartnerCodeUncached);
export const getPartnerMemberships = cachedQuery(
  'partner-profile.getPartnerMemberships',
  getPartnerMembershipsUncached,
);
export const getPartnerTrade = cachedQuery('partner-profile.getPartnerTrade', getPartnerTradeUncached);
export const getMirrorComparison = cachedQuery('partner-profile.getMirrorComparison', getMirrorComparisonUncached);
export const getGroupMemberTrade = cachedQuery('partner-profile.getGroupMemberTrade', getGroupMemberTradeUncached);
