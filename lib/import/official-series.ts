// The official series relation (official_series) is the view official_series_v, defined once in
// prisma/migrations/*_official_series (docs/data.md), materialised into a table. Writers refresh it
// inside their own transaction, so the new observations and the new series commit together.
import type postgres from 'postgres';

/**
 * Brings official_series to the view's current rows, writing only what differs, so an import that
 * touches no official source leaves the table as it was. Rewriting it whole left each refresh's old
 * rows dead until autovacuum, and index-only scans on it then visited the heap for every entry
 * (docs/performance.md).
 */
export async function refreshOfficialSeries(tx: postgres.TransactionSql): Promise<void> {
  // Readers keep reading the committed rows; a second import waits here until this one commits.
  await tx`LOCK TABLE official_series IN EXCLUSIVE MODE`;
  // One statement, so the view is computed once. The two writes touch disjoint keys: removed
  // rows are those the view no longer has, written rows those it has.
  await tx`
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
    )
    -- PostgreSQL runs both writes to completion whether or not this reads them.
    SELECT 1`;
}
