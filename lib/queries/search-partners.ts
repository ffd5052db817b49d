import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import { EU27_CODE, REPORTER_KAZ, UNSPECIFIED_REPORTER, WORLD_PARTNER_CODE } from '@/lib/constants';
import { MEMBERSHIP_GROUP_CODES } from '@/lib/membership-groups';
import type { SearchPartner } from '@/lib/search/search-items';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

const rowSchema = z.object({
  code: z.string(),
  name: z.string(),
  nameRu: z.string().nullable(),
  kind: z.string(),
  iso2: z.string().nullable(),
  turnoverUsdMn: z.number().nullable(),
});

/**
 * The partners worth finding: every partner with an observation of Kazakhstan's (a profile with
 * something on it) and the tracked groups, with the turnover of the latest year of the official
 * series, by which equally good matches are ordered. Countries the seed adds only as ISO codes
 * are left out; the EU-27 code is the EU's alias, and the world is no partner.
 */
async function getSearchPartnersUncached(): Promise<SearchPartner[]> {
  return runQuery('getSearchPartners', {}, async () =>
    z.array(rowSchema).parse(
      await sql`
        WITH latest AS (
          SELECT max(year) AS year FROM official_series
          WHERE reporter_code = ${REPORTER_KAZ} AND indicator_code = 'turnover' AND partner_code <> ${WORLD_PARTNER_CODE}
        )
        SELECT p.code, p.name, p.name_ru AS "nameRu", p.kind::text AS kind, p.iso2, t.value_usd_mn AS "turnoverUsdMn"
        FROM partner p
        LEFT JOIN official_series t ON t.reporter_code = ${REPORTER_KAZ} AND t.partner_code = p.code
          AND t.indicator_code = 'turnover' AND t.year = (SELECT year FROM latest)
        WHERE p.code NOT IN (${REPORTER_KAZ}, ${WORLD_PARTNER_CODE}, ${EU27_CODE}, ${UNSPECIFIED_REPORTER})
          AND (p.code = ANY (${[...MEMBERSHIP_GROUP_CODES]}::text[])
               OR EXISTS (SELECT 1 FROM observation o WHERE o.partner_code = p.code AND o.reporter_code = ${REPORTER_KAZ}))
        ORDER BY p.code`,
    ),
  );
}

export const getSearchPartners = cachedQuery('search.getSearchPartners', getSearchPartnersUncached);
