// The official series relation (official_series) is the view official_series_v, defined once in
// prisma/migrations/*_official_series (docs/data.md), materialised into a table. Writers refresh it
// inside their own transaction, so the new observations and the new series commit together.
import type postgres from 'postgres';

/** Rebuilds official_series from the current observations; returns its row count. */
export async function refreshOfficialSeries(tx: postgres.TransactionSql): Promise<number> {
  // Readers keep reading the committed rows; a second import waits here until this one commits.
  await tx`LOCK TABLE official_series IN EXCLUSIVE MODE`;
  await tx`DELETE FROM official_series`;
  const inserted = await tx`
    INSERT INTO official_series (reporter_code, partner_code, indicator_code, year, value_usd_mn, share,
                                 is_estimate, derivation, source_id, edition_id, observation_id)
    SELECT reporter_code, partner_code, indicator_code, year, value_usd_mn, share,
           is_estimate, derivation, source_id, edition_id, observation_id
    FROM official_series_v`;
  return inserted.count;
}
