import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import type { SeriesBreak } from '@/lib/charts/series-breaks';
import { REPORTER_KAZ } from '@/lib/constants';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

const breakSchema = z.object({
  key: z.string(),
  kind: z.enum(['INCOMPLETE', 'DISCONTINUITY', 'SOURCE_CHANGE']),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  partnerCodes: z.array(z.string()),
  label: z.string(),
  description: z.string(),
  sourceId: z.string().nullable(),
  url: z.string().nullable(),
});

/** The known breaks in a reporter's official series (table series_break), oldest first. */
async function getSeriesBreaksUncached(input: { reporter?: string } = {}): Promise<SeriesBreak[]> {
  const reporter = input.reporter ?? REPORTER_KAZ;
  return runQuery('getSeriesBreaks', input, async () =>
    z.array(breakSchema).parse(
      await sql`
        SELECT key, kind::text AS kind, first_year AS "firstYear", last_year AS "lastYear",
               coalesce(partner_codes, ARRAY[]::text[]) AS "partnerCodes", label, description,
               source_id AS "sourceId", url
        FROM series_break WHERE reporter_code = ${reporter}
        ORDER BY first_year, key`,
    ),
  );
}

export const getSeriesBreaks = cachedQuery('series-breaks.getSeriesBreaks', getSeriesBreaksUncached);
