import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { EU27_CODE, EU_CODE, OFFICIAL_SOURCE_PRECEDENCE } from '@/lib/constants';

/**
 * A SQL fragment (use as a CTE body) with one row per reporter, partner, indicator and calendar
 * year: the official annual USD value from the preferred source (OFFICIAL_SOURCE_PRECEDENCE).
 * Columns: reporter_code, partner_code, indicator_code, year, value_usd (value × 10^scale, in
 * US dollars), is_estimate, derivation, source_id. AGG_EU27 rows are reported as AGG_EU (the same
 * 27-member composition), so the EU is one series across the IMF and bureau years.
 */
export function preferredAnnualSeries(reporter: string): Prisma.Sql {
  const precedence = Prisma.join(
    OFFICIAL_SOURCE_PRECEDENCE.map((id, i) => Prisma.sql`WHEN ${id} THEN ${i}`),
    ' ',
  );
  return Prisma.sql`
    SELECT reporter_code, partner_code, indicator_code, year, value_usd, is_estimate, derivation, source_id
    FROM (
      SELECT o.reporter_code,
             CASE WHEN o.partner_code = ${EU27_CODE} THEN ${EU_CODE} ELSE o.partner_code END AS partner_code,
             o.indicator_code, o.year,
             (o.value * power(10::numeric, o.scale))::float8 AS value_usd,
             o.is_estimate, o.derivation::text AS derivation, o.source_id,
             row_number() OVER (
               PARTITION BY o.reporter_code, CASE WHEN o.partner_code = ${EU27_CODE} THEN ${EU_CODE} ELSE o.partner_code END,
                            o.indicator_code, o.year
               ORDER BY CASE o.source_id ${precedence} ELSE 99 END
             ) AS rank
      FROM observation o
      WHERE o.reporter_code = ${reporter} AND o.period = 'FY' AND o.unit = 'USD' AND o.series_key = ''
        AND o.source_id IN (${Prisma.join([...OFFICIAL_SOURCE_PRECEDENCE])})
    ) ranked
    WHERE rank = 1`;
}
