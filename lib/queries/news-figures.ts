import 'server-only';
import { withEuAliases } from '@/lib/partner-codes';
import { cachedQuery } from '@/lib/cache';
import { z } from 'zod';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

// Figures quoted by news pages, official statements and the five source articles. They are
// secondary and often rounded: shown as annotations with their wording ("about", "more than"),
// whose statistics they are and their page, never merged into the official series.

const QUALIFIERS = ['EXACT', 'ABOUT', 'AT_LEAST', 'MORE_THAN', 'NEARLY', 'ESTIMATE'] as const;
const PERIOD_KINDS = ['YEAR', 'MONTH', 'MONTHS_TO_DATE', 'MULTI_YEAR', 'STOCK_AT_DATE', 'DATE'] as const;

export const TRADE_NEWS_INDICATORS = ['turnover', 'export', 'import'] as const;
export const FDI_INDICATORS = [
  'fdi_gross_inflow',
  'fdi_net_inflow',
  'fdi_inward_stock',
  'fdi_cumulative_inflow',
] as const;

export interface NewsFigure {
  id: string;
  sourceId: string;
  sourceTitle: string;
  sourceUrl: string | null;
  sourcePublisher: string;
  /** Date of the page, ISO, when known. */
  publishedOn: string | null;
  reporterCode: string;
  reporterName: string;
  partnerCode: string;
  partnerName: string;
  indicatorCode: string;
  indicatorLabel: string;
  year: number | null;
  /** The period as written: FY, Jan-Nov, H1, cumulative 1991-2019, ... */
  period: string;
  periodKind: (typeof PERIOD_KINDS)[number];
  periodStart: string | null;
  periodEnd: string | null;
  /** The number as published (string: every digit kept), with its unit and power-of-ten scale. */
  value: string;
  unit: string;
  scale: number;
  /** In USD million when the figure is in US dollars; null otherwise (never converted silently). */
  valueUsdMn: number | null;
  qualifier: (typeof QUALIFIERS)[number];
  derivation: string;
  flag: string;
  note: string | null;
  locator: string | null;
  /** Change on the same period of the year before as the source states it, in percent. */
  statedGrowthPct: number | null;
}

const newsFigureSchema = z.object({
  id: z.string(),
  sourceId: z.string(),
  sourceTitle: z.string(),
  sourceUrl: z.string().nullable(),
  sourcePublisher: z.string(),
  publishedOn: z.string().nullable(),
  reporterCode: z.string(),
  reporterName: z.string(),
  partnerCode: z.string(),
  partnerName: z.string(),
  indicatorCode: z.string(),
  indicatorLabel: z.string(),
  year: z.number().int().nullable(),
  period: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodStart: z.string().nullable(),
  periodEnd: z.string().nullable(),
  value: z.string(),
  unit: z.string(),
  scale: z.number().int(),
  valueUsdMn: z.number().nullable(),
  qualifier: z.enum(QUALIFIERS),
  derivation: z.string(),
  flag: z.string(),
  note: z.string().nullable(),
  locator: z.string().nullable(),
  statedGrowthPct: z.number().nullable(),
});

export interface NewsFiguresInput {
  /** Counterpart codes; the EU's two codes are treated as one. Omit for all partners. */
  partnerCodes?: readonly string[];
  /** Also figures where the partner is the reporter and Kazakhstan the counterpart (partner statistics). */
  includeMirror?: boolean;
  indicators: readonly string[];
  limit?: number;
}

/**
 * Secondary figures (news pages and the source articles), newest period first. Kazakhstan-side
 * figures have reporter KAZ (or unspecified) and the partner as counterpart; with `includeMirror`,
 * figures from the partner's own statistics (reporter = partner, counterpart KAZ) come too.
 */
async function getNewsFiguresUncached(input: NewsFiguresInput): Promise<NewsFigure[]> {
  const limit = z
    .number()
    .int()
    .min(1)
    .max(500)
    .parse(input.limit ?? 100);
  const codes = input.partnerCodes ? withEuAliases(input.partnerCodes) : null;
  const partnerFilter = codes
    ? input.includeMirror
      ? sql`AND (o.partner_code = ANY (${codes}::text[]) OR (o.reporter_code = ANY (${codes}::text[]) AND o.partner_code = 'KAZ'))`
      : sql`AND o.partner_code = ANY (${codes}::text[])`
    : sql``;
  if (input.indicators.length === 0) return [];
  return runQuery('getNewsFigures', input, async () => {
    // The news sources' ids first, then their rows by id: joined to source by kind, PostgreSQL
    // cannot tell how few rows that leaves and scans every observation (1.2 s at 1,000,000 rows;
    // 3 ms with the ids given, by observation_source_id_idx).
    const sourceIds = (
      await sql<{ id: string }[]>`SELECT id FROM source WHERE kind IN ('NEWS_ARTICLE', 'OFFICIAL_STATEMENT')`
    ).map((row) => row.id);
    if (sourceIds.length === 0) return [];
    const rows = await sql`
      SELECT o.id::text AS id, s.id AS "sourceId", s.title AS "sourceTitle", s.url AS "sourceUrl", s.publisher AS "sourcePublisher",
             to_char(s.published_on, 'YYYY-MM-DD') AS "publishedOn",
             o.reporter_code AS "reporterCode", r.name AS "reporterName", o.partner_code AS "partnerCode", p.name AS "partnerName",
             o.indicator_code AS "indicatorCode", i.label AS "indicatorLabel", o.year, o.period, o.period_kind::text AS "periodKind",
             to_char(o.period_start, 'YYYY-MM-DD') AS "periodStart", to_char(o.period_end, 'YYYY-MM-DD') AS "periodEnd",
             o.value::text AS value, o.unit, o.scale::int AS scale,
             CASE WHEN o.unit = 'USD' THEN (o.value * power(10::numeric, o.scale - 6))::float8 END AS "valueUsdMn",
             o.qualifier::text AS qualifier, o.derivation::text AS derivation, o.flag, o.note, o.locator,
             o.stated_growth_pct::float8 AS "statedGrowthPct"
      FROM observation o
      JOIN source s ON s.id = o.source_id
      JOIN partner r ON r.code = o.reporter_code
      JOIN partner p ON p.code = o.partner_code
      JOIN indicator i ON i.code = o.indicator_code
      WHERE o.source_id = ANY (${sourceIds}::text[])
        AND o.indicator_code = ANY (${[...input.indicators]}::text[])
        ${partnerFilter}
      ORDER BY coalesce(o.period_end, make_date(coalesce(o.year, 1900), 12, 31)) DESC, o.year DESC NULLS LAST,
               s.published_on DESC NULLS LAST, o.id
      LIMIT ${limit}`;
    return z.array(newsFigureSchema).parse(rows);
  });
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getNewsFigures = cachedQuery('news-figures.getNewsFigures', getNewsFiguresUncached);
