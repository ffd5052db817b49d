import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import { sql } from '@/lib/sql';
import { citationSchema } from './citations';
import { withEuAliases } from '@/lib/partner-codes';
import { runQuery } from './run-query';

// A partner's events for a reader: title, plain summary, how the date was worked out where the
// source implies it, and the citation. The curation note of each event stays in the database.

const partnerEventSchema = z.object({
  key: z.string(),
  date: z.string(),
  endDate: z.string().nullable(),
  dateInferred: z.boolean(),
  /** How an inferred or approximate date was worked out (shown behind a disclosure). */
  dateBasis: z.string().nullable(),
  kind: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  place: z.string().nullable(),
  citation: citationSchema,
});
export type PartnerEventItem = z.infer<typeof partnerEventSchema>;

/** Events involving the partner, oldest first (a timeline). */
async function getPartnerEventListUncached(code: string): Promise<PartnerEventItem[]> {
  const codes = withEuAliases([code]);
  return runQuery('getPartnerEventList', { code }, async () => {
    const rows = await sql`
      SELECT e.key, to_char(e.date, 'YYYY-MM-DD') AS date, to_char(e.end_date, 'YYYY-MM-DD') AS "endDate",
             e.date_inferred AS "dateInferred", e.date_basis AS "dateBasis", e.kind::text AS kind, e.title, e.summary,
             e.place,
             json_build_object(
               'sourceId', s.id, 'kind', s.kind::text, 'title', s.title, 'titleBasis', s.title_basis,
               'publisher', s.publisher, 'outletName', o.name, 'publishedOn', to_char(s.published_on, 'YYYY-MM-DD'),
               'publishedOnPrecision', s.published_on_precision::text, 'publishedOnInferred', s.published_on_inferred,
               'url', s.url, 'locator', e.locator) AS citation
      FROM event e JOIN source s ON s.id = e.source_id LEFT JOIN outlet o ON o.id = s.outlet_id
      WHERE EXISTS (SELECT 1 FROM event_partner p WHERE p.event_id = e.id AND p.partner_code IN ${sql(codes)})
      ORDER BY e.date, e.key`;
    return z.array(partnerEventSchema).parse(rows);
  });
}

export const getPartnerEventList = cachedQuery('events.getPartnerEventList', getPartnerEventListUncached);
