import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import { REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

// Which partners the context sections have anything for: events, agreements and presence come
// from five articles, investment from a few dozen news pages, so most profiles have none. A
// profile says so in one line, naming what is covered, instead of showing empty boxes.

const partnerListSchema = z.array(z.object({ code: z.string(), name: z.string(), nameRu: z.string().nullable() }));

/** A partner as partnerName (lib/i18n/partner-names.ts) names it in any language. */
export interface CoveredPartner {
  code: string;
  name: string;
  nameRu: string | null;
}

export interface ContextCoverage {
  /** Partners (countries and groups) with at least one event. */
  events: CoveredPartner[];
  /** Partners named in an agreement from the articles (DESTA covers every trade agreement). */
  articleAgreements: CoveredPartner[];
  /** Partners with investment figures from the news pages and articles. */
  investment: CoveredPartner[];
  /** Partners with a diplomatic presence figure. */
  presence: CoveredPartner[];
}

async function getContextCoverageUncached(): Promise<ContextCoverage> {
  return runQuery('getContextCoverage', null, async () => {
    const skip = [REPORTER_KAZ, WORLD_PARTNER_CODE, 'AGG_EU27'];
    const [events, agreements, investment, presence] = await Promise.all([
      sql`SELECT DISTINCT p.code, p.name, p.name_ru AS "nameRu" FROM event_partner ep JOIN partner p ON p.code = ep.partner_code
          WHERE p.code NOT IN ${sql(skip)} ORDER BY p.name`,
      sql`SELECT DISTINCT p.code, p.name, p.name_ru AS "nameRu" FROM agreement a JOIN agreement_party ap ON ap.agreement_id = a.id
          JOIN partner p ON p.code = ap.partner_code
          WHERE a.key NOT LIKE 'desta:%' AND p.code NOT IN ${sql(skip)} ORDER BY p.name`,
      sql`SELECT DISTINCT p.code, p.name, p.name_ru AS "nameRu" FROM observation ob JOIN indicator i ON i.code = ob.indicator_code
          JOIN partner p ON p.code = ob.partner_code
          WHERE i.category = 'INVESTMENT' AND ob.indicator_code LIKE 'fdi%' AND ob.reporter_code = ${REPORTER_KAZ}
            AND p.code NOT IN ${sql(skip)} ORDER BY p.name`,
      sql`SELECT DISTINCT p.code, p.name, p.name_ru AS "nameRu" FROM observation ob JOIN indicator i ON i.code = ob.indicator_code
          JOIN partner p ON p.code = ob.partner_code
          WHERE i.category = 'DIPLOMACY' AND ob.reporter_code = ${REPORTER_KAZ} AND p.code NOT IN ${sql(skip)}
          ORDER BY p.name`,
    ]);
    const names = (rows: readonly Record<string, unknown>[]) => partnerListSchema.parse(rows);
    return {
      events: names(events),
      articleAgreements: names(agreements),
      investment: names(investment),
      presence: names(presence),
    };
  });
}

export const getContextCoverage = cachedQuery('coverage.getContextCoverage', getContextCoverageUncached);
