// The official series relation (official_series) is the view official_series_v, defined once in
// prisma/migrations/*_official_series (docs/data.md), materialised into a table. Writers refresh it
// inside their own transaction, so the new observations and the new series commit together.
import type postgres from 'postgres';

/** What a refresh did: rows in the relation afterwards, and rows it wrote or removed. */
export interface OfficialSeriesRefresh {
  rows: number;
  written: number;
  removed: number;
}

/**
 * Brings official_series to the view's current rows, writing only what differs. Rewriting the
 * whole table on every import left each refresh's old rows dead in it until autovacuum came: its
 * index-only scans then visited the heap for every entry, and the overview's statements on it took
 * 17-24 ms instead of 2-3 ms right after an import (docs/performance.md). An import of rows that
 * no official source contains now leaves the table untouched.
 */
export async function refreshOfficialSeries(tx: postgres.TransactionSql): Promise<OfficialSeriesRefresh> {
  // Readers keep reading the committed rows; a second import waits here until this one commits.
  await tx`LOCK TABLE official_series IN EXCLUSIVE MODE`;
  // One statement, so the view is computed once. The two writes touch disjoint keys: removed
  // rows are those the view no longer has, written rows those it has.
  const [result] = await tx<{ rows: number; written: number; removed: number }[]>`
    WITH fresh AS MATERIALIZED (
      SELECT reporter_code, partner_code, indicator_code, year, value_usd_mn, share,
             is_estimate, derivation, source_id, edition_id, observation_id
      FROM official_series_v
    ),
    removed AS (
      DELETE FROM official_series s
      WHERE NOT EXISTS (
        SELECT 1 FROM fresh f
        WHERE f.reporter_code = s.reporter_code AND f.partner_code = s.partner_code
          AND f.indicator_code = s.indicator_code AND f.year = s.year)
      RETURNING 1
    ),
    written AS (
      INSERT INTO official_series AS s (reporter_code, partner_code, indicator_code, year, value_usd_mn, share,
                                        is_estimate, derivation, source_id, edition_id, observation_id)
      SELECT * FROM fresh
      ON CONFLICT (reporter_code, partner_code, indicator_code, year) DO UPDATE
        SET value_usd_mn = EXCLUDED.value_usd_mn, share = EXCLUDED.share, is_estimate = EXCLUDED.is_estimate,
            derivation = EXCLUDED.derivation, source_id = EXCLUDED.source_id, edition_id = EXCLUDED.edition_id,
            observation_id = EXCLUDED.observation_id
        WHERE (s.value_usd_mn, s.share, s.is_estimate, s.derivation, s.source_id, s.edition_id, s.observation_id)
              IS DISTINCT FROM (EXCLUDED.value_usd_mn, EXCLUDED.share, EXCLUDED.is_estimate, EXCLUDED.derivation,
                                EXCLUDED.source_id, EXCLUDED.edition_id, EXCLUDED.observation_id)
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM fresh)::int AS rows, (SELECT count(*) FROM written)::int AS written,
           (SELECT count(*) FROM removed)::int AS removed`;
  if (!result) throw new Error('refreshOfficialSeries: the refresh returned no summary row');
  return result;
}
