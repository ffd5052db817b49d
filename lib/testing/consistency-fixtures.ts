// Fixtures for the consistency checks' integration tests: a reporter of the test's own with
// Kazakhstan's official-source rule, sources of the test's own, and a teardown that removes all of
// it (official_series and series_break rows included) so the next file sees the bundled data only.
import type postgres from 'postgres';
import type { RenderedCheck, RenderedItem, RenderedValue } from '@/lib/consistency/render';
import { deleteReporterRows, refreshSeries, registerOfficialSources, testReporterCode } from './trade-fixtures';

/** A reporter code of the test's own, registered with Kazakhstan's official sources. */
export async function setUpReporter(sql: postgres.Sql, prefix: string): Promise<string> {
  const reporter = testReporterCode(prefix);
  await registerOfficialSources(sql, reporter);
  return reporter;
}

/** A source of the test's own, e.g. a news page. */
export async function insertSource(
  sql: postgres.Sql,
  id: string,
  kind: 'STATISTICAL_DATASET' | 'NEWS_ARTICLE' | 'OFFICIAL_STATEMENT' = 'NEWS_ARTICLE',
): Promise<void> {
  await sql`
    INSERT INTO source (id, kind, title, publisher, attribution)
    VALUES (${id}, ${kind}::"SourceKind", 'Test source', 'Test publisher', 'Test attribution.')
    ON CONFLICT (id) DO NOTHING`;
}

/** Removes the reporters' rows (and the partners and sources given), then rebuilds the series. */
export async function tearDown(
  sql: postgres.Sql,
  codes: readonly string[],
  sources: readonly string[] = [],
): Promise<void> {
  await sql`DELETE FROM series_break WHERE reporter_code IN ${sql(codes)}`;
  await sql`DELETE FROM official_source WHERE reporter_code IN ${sql(codes)}`;
  await sql`DELETE FROM official_series WHERE reporter_code IN ${sql(codes)} OR partner_code IN ${sql(codes)}`;
  if (sources.length > 0) await sql`DELETE FROM observation WHERE source_id IN ${sql(sources)}`;
  await deleteReporterRows(sql, codes);
  if (sources.length > 0) await sql`DELETE FROM source WHERE id IN ${sql(sources)}`;
  await refreshSeries(sql);
}

export { inEnglish } from './consistency-texts';

export function findItem(check: RenderedCheck, predicate: (item: RenderedItem) => boolean): RenderedItem {
  const found = check.items.find(predicate);
  if (!found) throw new Error(`no such item in ${check.id}: ${check.items.map((i) => i.title).join(' | ')}`);
  return found;
}

export const valueOf = (item: RenderedItem, role: string): RenderedValue | undefined =>
  item.values.find((v) => v.role === role);

export const statOf = (check: RenderedCheck, label: string): number | undefined =>
  check.stats.find((s) => s.label === label)?.value;
