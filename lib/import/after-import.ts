// The single place to refresh what depends on observations once an import has committed:
// materialised summary tables, cached pages, search indexes. There are none yet. When one is
// added, refresh it here (e.g. `REFRESH MATERIALIZED VIEW CONCURRENTLY partner_year_totals`, or
// a POST to a revalidation route for Next's cache); every import path (the CLI, the seed, the
// tests) already calls this after each successful, non-dry-run import.
import type postgres from 'postgres';
import type { ImportSummary } from './import-file';

export async function afterImport(sql: postgres.Sql, summary?: ImportSummary): Promise<void> {
  // Nothing changed, nothing to refresh.
  if (summary && summary.inserted + summary.updated === 0) return;
  void sql;
}
