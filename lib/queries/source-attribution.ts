import 'server-only';
import { cachedQuery } from '@/lib/cache';
import { sql } from '@/lib/sql';
import { runQuery } from './run-query';

export interface SourceAttribution {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  attribution: string;
  vintage: string | null;
  /** ISO date (YYYY-MM-DD) or null. */
  publishedOn: string | null;
}

/** How to credit each source, in the order of `ids` (unknown ids are left out). */
async function getSourceAttributionUncached(ids: readonly string[]): Promise<SourceAttribution[]> {
  if (ids.length === 0) return [];
  const rows = await runQuery(
    'getSourceAttribution',
    { ids },
    () => sql<SourceAttribution[]>`
      SELECT id, title, publisher, url, attribution, vintage, to_char(published_on, 'YYYY-MM-DD') AS "publishedOn"
      FROM source WHERE id = ANY (${[...ids]}::text[])`,
  );
  const order = new Map(ids.map((id, index) => [id, index]));
  return [...rows].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}

export const getSourceAttribution = cachedQuery('sources.getSourceAttribution', getSourceAttributionUncached);
