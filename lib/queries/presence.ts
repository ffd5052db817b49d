import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import { REPORTER_KAZ, WORLD_PARTNER_CODE } from '@/lib/constants';
import { sql } from '@/lib/sql';
import { citationSchema, DATE_PRECISIONS } from './citations';
import { withEuAliases } from '@/lib/partner-codes';
import { runQuery } from './run-query';

// Diplomatic presence from the source articles: Kazakhstan's establishments abroad, planned
// openings, and foreign representations in Kazakhstan (indicators of category DIPLOMACY).

const presenceFigureSchema = z.object({
  indicatorCode: z.string(),
  label: z.string(),
  /** Kazakhstan's establishments in the partner, or the partner's in Kazakhstan. */
  direction: z.enum(['abroad', 'in_kazakhstan', 'plan']),
  value: z.string(),
  qualifier: z.string(),
  derivation: z.string(),
  /** Part of a listed total (a city, a country), or '' for the total itself. */
  item: z.string(),
  year: z.number().int().nullable(),
  period: z.string(),
  asOf: z.string().nullable(),
  asOfPrecision: z.enum(DATE_PRECISIONS),
  dateInferred: z.boolean(),
  citation: citationSchema,
});
export type PresenceFigure = z.infer<typeof presenceFigureSchema>;

const IN_KAZAKHSTAN = new Set([
  'foreign_representations_accredited',
  'foreign_consulates_in_kaz',
  'honorary_consuls_in_kaz',
  'trade_representations_in_kaz',
  'international_organizations_represented',
]);
const PLAN = new Set(['embassies_planned', 'plan_main_directions', 'plan_horizon_years']);

const direction = (code: string) => (IN_KAZAKHSTAN.has(code) ? 'in_kazakhstan' : PLAN.has(code) ? 'plan' : 'abroad');

async function presenceFigures(where: { partnerCodes: string[] }): Promise<PresenceFigure[]> {
  const rows = await sql`
    SELECT ob.indicator_code AS "indicatorCode", i.label, ob.value::text AS value, ob.qualifier::text AS qualifier,
           ob.derivation::text AS derivation, ob.series_key AS item, ob.year, ob.period,
           to_char(coalesce(ob.period_end, ob.period_start), 'YYYY-MM-DD') AS "asOf",
           CASE WHEN ob.period_kind = 'YEAR' THEN 'YEAR' ELSE 'DAY' END AS "asOfPrecision",
           ob.derivation = 'INFERRED' AS "dateInferred",
           json_build_object(
             'sourceId', s.id, 'kind', s.kind::text, 'title', s.title, 'titleBasis', s.title_basis,
             'publisher', s.publisher, 'outletName', o.name, 'publishedOn', to_char(s.published_on, 'YYYY-MM-DD'),
             'publishedOnPrecision', s.published_on_precision::text, 'publishedOnInferred', s.published_on_inferred,
             'url', s.url, 'locator', ob.locator) AS citation
    FROM observation ob
    JOIN indicator i ON i.code = ob.indicator_code AND i.category = 'DIPLOMACY'
    JOIN source s ON s.id = ob.source_id LEFT JOIN outlet o ON o.id = s.outlet_id
    WHERE ob.reporter_code = ${REPORTER_KAZ} AND ob.partner_code IN ${sql(where.partnerCodes)}
    ORDER BY i.sort_order, ob.year NULLS LAST, ob.series_key, ob.id`;
  return z
    .array(presenceFigureSchema)
    .parse(rows.map((r) => ({ ...r, direction: direction(String(r.indicatorCode)) })));
}

/** The stored presence figures for one partner (its share of Kazakhstan's network, plans, representations). */
async function getPartnerPresenceUncached(code: string): Promise<PresenceFigure[]> {
  if (code === REPORTER_KAZ || code === WORLD_PARTNER_CODE) return [];
  return runQuery('getPartnerPresence', { code }, () => presenceFigures({ partnerCodes: withEuAliases([code]) }));
}

export interface PlannedEmbassy {
  year: number;
  code: string;
  name: string;
}

export interface PresenceNetwork {
  /** Kazakhstan's network abroad and the representations in Kazakhstan (partner World). */
  totals: PresenceFigure[];
  /** The 2012-2014 plan: one row per country and year. */
  planned: PlannedEmbassy[];
}

/** Kazakhstan's network as the articles give it, for the presence page. */
async function getPresenceNetworkUncached(): Promise<PresenceNetwork> {
  return runQuery('getPresenceNetwork', null, async () => {
    const [totals, planned] = await Promise.all([
      presenceFigures({ partnerCodes: [WORLD_PARTNER_CODE] }),
      sql`
        SELECT ob.year, p.code, p.name FROM observation ob JOIN partner p ON p.code = ob.partner_code
        WHERE ob.reporter_code = ${REPORTER_KAZ} AND ob.indicator_code = 'embassies_planned' AND p.kind = 'COUNTRY'
        ORDER BY ob.year, p.name`,
    ]);
    return {
      totals,
      planned: z.array(z.object({ year: z.number().int(), code: z.string(), name: z.string() })).parse(planned),
    };
  });
}

export const getPartnerPresence = cachedQuery('presence.getPartnerPresence', getPartnerPresenceUncached);
export const getPresenceNetwork = cachedQuery('presence.getPresenceNetwork', getPresenceNetworkUncached);
