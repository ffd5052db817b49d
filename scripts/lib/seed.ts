// Fills the database from the bundled dataset in prisma/data through the product's own import
// path. Idempotent: a second run reports every row as unchanged.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { updateSourceCitations, upsertOutlets } from '../../lib/import/citations';
import { deriveDestaAgreements, upsertAgreements, upsertEvents } from '../../lib/import/events-agreements';
import { importTidyCsv, type ImportSummary } from '../../lib/import/tidy-import';
import { IMPORT_CONNECTION } from '../../lib/import/write-observations';
import { refreshOfficialSeries } from '../../lib/import/official-series';
import { importSeriesBreaks } from '../../lib/import/series-breaks';
import {
  upsertEurUsdRates,
  upsertIndicators,
  upsertIsoCountries,
  upsertMemberships,
  upsertOfficialSources,
  upsertPartners,
  upsertSources,
} from '../../lib/import/reference';

const DATA = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'data');
const REFERENCE = path.join(DATA, 'reference');
const ARTICLES = path.join(DATA, 'articles');

export async function seedDatabase(url: string, log: (line: string) => void = console.log): Promise<ImportSummary[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { ...IMPORT_CONNECTION } });
  try {
    await upsertOutlets(sql, path.join(REFERENCE, 'outlets.csv'));
    for (const file of [path.join(REFERENCE, 'sources.csv'), path.join(ARTICLES, 'sources.csv')]) {
      if (!existsSync(file)) continue;
      await upsertSources(sql, file);
      await updateSourceCitations(sql, file);
    }
    await upsertPartners(sql, path.join(REFERENCE, 'partners.csv'));
    await upsertIsoCountries(sql, path.join(REFERENCE, 'iso_3166_1.csv'));
    await upsertIndicators(sql, path.join(REFERENCE, 'indicators.csv'));
    if (existsSync(path.join(ARTICLES, 'indicators.csv')))
      await upsertIndicators(sql, path.join(ARTICLES, 'indicators.csv'));
    await upsertMemberships(sql, path.join(REFERENCE, 'group_memberships.csv'));
    await upsertEurUsdRates(sql, path.join(REFERENCE, 'fx_eur_usd_annual.csv'), 'ecb_eurofxref_annual');
    const ruleChanged = await upsertOfficialSources(sql, path.join(REFERENCE, 'official_sources.csv'));

    const files = readdirSync(path.join(DATA, 'observations'))
      .filter((f) => f.endsWith('.csv'))
      .sort()
      .map((f) => path.join(DATA, 'observations', f));
    if (existsSync(path.join(ARTICLES, 'observations.csv'))) files.push(path.join(ARTICLES, 'observations.csv'));
    const summaries: ImportSummary[] = [];
    for (const file of files) {
      const summary = await importTidyCsv(sql, file);
      summaries.push(summary);
      log(
        `  ${path.relative(DATA, file)}: ${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged`,
      );
    }
    // Each import refreshed the official series; a changed rule with no new rows needs it here,
    // with a batch row of its own so that cached pages move to the new series.
    if (ruleChanged > 0 && summaries.every((s) => s.inserted + s.updated === 0)) {
      await sql.begin(async (tx) => {
        await refreshOfficialSeries(tx);
        await tx`INSERT INTO import_batch (file_name, format, sha256, status, finished_at)
                 VALUES ('official_sources.csv', 'reference', '', 'SUCCEEDED', now())`;
      });
    }
    const breaks = await importSeriesBreaks(sql, path.join(REFERENCE, 'series_breaks.csv'));
    log(`  reference/series_breaks.csv: ${breaks.changed} new or changed of ${breaks.rows}`);
    await deriveDestaAgreements(sql, 'desta_via_globalgov_manytrade');
    if (existsSync(path.join(ARTICLES, 'agreements.csv')))
      await upsertAgreements(sql, path.join(ARTICLES, 'agreements.csv'));
    if (existsSync(path.join(ARTICLES, 'events.csv'))) await upsertEvents(sql, path.join(ARTICLES, 'events.csv'));
    // Fresh tables have no planner statistics until autovacuum gets to them; the first page loads
    // would otherwise run on guessed row counts.
    if (summaries.some((s) => s.inserted + s.updated > 0)) await sql`ANALYZE`;
    return summaries;
  } finally {
    await sql.end();
  }
}
