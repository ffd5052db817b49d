import 'server-only';
import { z } from 'zod';
import { cachedQuery } from '@/lib/cache';
import { sql } from '@/lib/sql';
import { DATE_PRECISIONS } from './citations';
import { runQuery } from './run-query';

const SOURCE_KINDS = ['STATISTICAL_DATASET', 'RESEARCH_DATASET', 'NEWS_ARTICLE', 'OFFICIAL_STATEMENT'] as const;

const sourceSummarySchema = z.object({
  /** Stable identifier (links, the API, the data screen's filter); never the label on a screen. */
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  /** Headline or dataset title as published; in square brackets when no headline was found. */
  title: z.string(),
  titleBasis: z.enum(['page', 'address', 'described']),
  publisher: z.string(),
  outlet: z
    .object({ name: z.string(), kind: z.string(), description: z.string(), homepage: z.string().nullable() })
    .nullable(),
  publishedOn: z.string().nullable(),
  publishedOnPrecision: z.enum(DATE_PRECISIONS),
  publishedOnInferred: z.boolean(),
  dateBasis: z.string().nullable(),
  url: z.string().nullable(),
  attribution: z.string(),
  vintage: z.string().nullable(),
  datasetTable: z.string().nullable(),
  retrievedVia: z.string().nullable(),
  retrievedViaUrl: z.string().nullable(),
  figures: z.number().int(),
  /** Agreements and events the source names (they are not observations). */
  records: z.number().int(),
});
export type SourceSummary = z.infer<typeof sourceSummarySchema>;

/** Every source with its citation and the number of figures it supplies, counted in PostgreSQL. */
async function getSourcesUncached(): Promise<SourceSummary[]> {
  return runQuery('getSources', null, async () => {
    const rows = await sql`
      WITH figures AS (SELECT source_id, count(*)::int AS n FROM observation GROUP BY source_id),
      records AS (
        SELECT source_id, count(*)::int AS n FROM (
          SELECT source_id FROM agreement_source UNION ALL SELECT source_id FROM event
        ) r GROUP BY source_id
      )
      SELECT s.id, s.kind::text AS kind, s.title, s.title_basis AS "titleBasis", s.publisher,
             CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object(
               'name', o.name, 'kind', o.kind::text, 'description', o.description, 'homepage', o.homepage) END AS outlet,
             to_char(s.published_on, 'YYYY-MM-DD') AS "publishedOn",
             s.published_on_precision::text AS "publishedOnPrecision", s.published_on_inferred AS "publishedOnInferred",
             s.date_basis AS "dateBasis", s.url, s.attribution, s.vintage, s.dataset_table AS "datasetTable",
             s.retrieved_via AS "retrievedVia", s.retrieved_via_url AS "retrievedViaUrl",
             coalesce(f.n, 0) AS figures, coalesce(r.n, 0) AS records
      FROM source s
      LEFT JOIN outlet o ON o.id = s.outlet_id
      LEFT JOIN figures f ON f.source_id = s.id
      LEFT JOIN records r ON r.source_id = s.id
      ORDER BY array_position(ARRAY['STATISTICAL_DATASET','RESEARCH_DATASET','OFFICIAL_STATEMENT','NEWS_ARTICLE'], s.kind::text),
               coalesce(o.name, s.publisher), s.published_on DESC NULLS LAST, s.title`;
    return z.array(sourceSummarySchema).parse(rows);
  });
}

// Cached per dataset version (lib/cache.ts): an import invalidates them on every server replica.
export const getSources = cachedQuery('sources.getSources', getSourcesUncached);
