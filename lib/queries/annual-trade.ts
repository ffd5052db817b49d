import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { BNS_MONTHLY_SOURCE_ID, WORLD_PARTNER_CODE } from '@/lib/constants';
import { preferredAnnualSeries } from './preferred-series';

// The one definition of "the annual trade series" that every screen reads, as SQL fragments to use
// as a CTE body or subquery. Columns of every fragment:
//   partner_code, indicator_code ('export' | 'import' | 'turnover'), year, value_usd_mn (float8),
//   is_estimate, derivation ('PUBLISHED' | 'DERIVED' | 'INFERRED'), source_id
// Values are USD million so that nothing downstream has to know the source's scale.

export const TRADE_FLOWS = ['export', 'import', 'turnover'] as const;

/**
 * Kazakhstan's total with the world per complete calendar year, summed from the bureau's monthly
 * totals (its by-country table has no world row). A year counts only with all 12 months, so a
 * partial year (2026: January–June) can never pass for a full one. Turnover = export + import of the
 * same year, only when both exist.
 */
export function worldFromMonthlyTotals(reporter: string): Prisma.Sql {
  return Prisma.sql`
    WITH months AS (
      SELECT o.year, o.indicator_code, o.period,
             (o.value * power(10::numeric, o.scale - 6))::float8 AS usd_mn, o.is_estimate
      FROM observation o
      WHERE o.source_id = ${BNS_MONTHLY_SOURCE_ID}
        AND o.reporter_code = ${reporter}
        AND o.partner_code = ${WORLD_PARTNER_CODE}
        AND o.period_kind = 'MONTH'
        AND o.unit = 'USD'
        AND o.series_key = ''
        AND o.indicator_code IN ('export', 'import')
    ),
    flows AS (
      SELECT year, indicator_code, sum(usd_mn) AS usd_mn, bool_or(is_estimate) AS is_estimate
      FROM months
      GROUP BY year, indicator_code
      HAVING count(DISTINCT period) = 12
    )
    SELECT year, indicator_code, usd_mn, is_estimate FROM flows
    UNION ALL
    SELECT e.year, 'turnover', e.usd_mn + i.usd_mn, e.is_estimate OR i.is_estimate
    FROM flows e JOIN flows i ON i.year = e.year AND i.indicator_code = 'import'
    WHERE e.indicator_code = 'export'`;
}

/**
 * The official annual series of `reporter` (preferredAnnualSeries: the bureau's final editions over
 * IMF DOTS, the EU as AGG_EU), plus the world total derived from monthly totals for the years in
 * which no official annual world figure exists (2021 onwards). A year with any official world
 * figure takes none from the monthly sums, so one year's export, import and balance never come from
 * two different products.
 */
export function annualTradeSeries(reporter: string): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM (
      WITH preferred AS (${preferredAnnualSeries(reporter)}),
      official AS (
        SELECT partner_code, indicator_code, year, value_usd / 1e6 AS value_usd_mn, is_estimate, derivation, source_id
        FROM preferred
        WHERE indicator_code IN ('export', 'import', 'turnover')
      )
      SELECT * FROM official
      UNION ALL
      SELECT ${WORLD_PARTNER_CODE}::text, w.indicator_code, w.year, w.usd_mn, w.is_estimate, 'DERIVED', ${BNS_MONTHLY_SOURCE_ID}::text
      FROM (${worldFromMonthlyTotals(reporter)}) w
      WHERE NOT EXISTS (
        SELECT 1 FROM official x
        WHERE x.partner_code = ${WORLD_PARTNER_CODE} AND x.year = w.year
      )
    ) annual_trade`;
}

/**
 * One source's annual series, in the same columns: for tests and for views that must stay within
 * one source (reporter vs mirror comparisons use IMF DOTS on both sides).
 */
export function singleSourceTradeSeries(reporter: string, sourceId: string): Prisma.Sql {
  return Prisma.sql`
    SELECT o.partner_code, o.indicator_code, o.year,
           (o.value * power(10::numeric, o.scale - 6))::float8 AS value_usd_mn,
           o.is_estimate, o.derivation::text AS derivation, o.source_id
    FROM observation o
    WHERE o.reporter_code = ${reporter}
      AND o.source_id = ${sourceId}
      AND o.indicator_code IN ('export', 'import', 'turnover')
      AND o.period = 'FY'
      AND o.unit = 'USD'
      AND o.series_key = ''`;
}

/** The preferred series, or one source's when `sourceId` is given. */
export function tradeSeries(reporter: string, sourceId?: string): Prisma.Sql {
  return sourceId ? singleSourceTradeSeries(reporter, sourceId) : annualTradeSeries(reporter);
}

/**
 * Adds balance rows (export − import) to a trade series: only where both sides exist for the same
 * partner and year and come from the same source, so a balance never subtracts one source's imports
 * from another's exports. Columns as above, indicator_code 'balance', derivation 'DERIVED'.
 */
export function withBalance(series: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT * FROM (
      WITH s AS (${series})
      SELECT * FROM s
      UNION ALL
      SELECT e.partner_code, 'balance', e.year, e.value_usd_mn - i.value_usd_mn,
             e.is_estimate OR i.is_estimate, 'DERIVED', e.source_id
      FROM s e
      JOIN s i ON i.partner_code = e.partner_code AND i.year = e.year AND i.indicator_code = 'import' AND i.source_id = e.source_id
      WHERE e.indicator_code = 'export'
    ) with_balance`;
}
