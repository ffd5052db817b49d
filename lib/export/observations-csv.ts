// The observations CSV (/data, GET /api/observations?format=csv), written by PostgreSQL itself:
// `COPY (SELECT <the export's cells as text> <the data screen's FROM, WHERE and ORDER BY>) TO STDOUT`,
// streamed on the download's own connection (lib/export/download.ts). The cells follow
// csvCell's rules, so the bytes equal the writers' (observations-csv.int.test.ts).
import 'server-only';
import type postgres from 'postgres';
import { NUMBER_TEXT } from '@/lib/export/csv-writer';
import { OBSERVATION_EXPORT_COLUMNS } from '@/lib/export/observation-export';
import { NEEDS_PREFIX, NEEDS_PREFIX_FIRST } from '@/lib/tidy/spreadsheet-safe';
import { UNSPECIFIED_REPORTER } from '@/lib/constants';
import { inlineParameters } from '@/lib/queries/inline-parameters';
import { exportLimit, keysFromClause, orderedObservations, type Fragment } from '@/lib/queries/observations';
import { partnerNames, type PartnerNames } from '@/lib/queries/partner-names';
import { sql } from '@/lib/sql';
import type { ObservationQuery } from '@/lib/validations/observations';
import { copyOutStream } from './copy-out-stream';
import type { Download } from './download';

/**
 * The export's columns read from one row of `observation`, each as the text its `value` gives
 * (OBSERVATION_EXPORT_COLUMNS owns names and order); NULL for an empty cell.
 */
const ROW_VALUE_SQL: Record<string, Fragment> = {
  year: sql`o.year::text`,
  period: sql`o.period`,
  value: sql`o.value::text`,
  unit: sql`o.unit`,
  // scaleLabel (lib/tidy/scale.ts): 1, 1e3, 1e6, 1e9.
  scale: sql`CASE WHEN o.scale = 0 THEN '1' ELSE '1e' || o.scale::text END`,
  flag: sql`o.flag`,
  note: sql`o.note`,
  qualifier: sql`o.qualifier::text`,
  derivation: sql`o.derivation::text`,
  derivation_note: sql`o.derivation_note`,
  stated_growth_pct: sql`o.stated_growth_pct::text`,
  locator: sql`o.locator`,
  series_key: sql`o.series_key`,
  period_kind: sql`o.period_kind::text`,
  period_start: sql`o.period_start::text`,
  period_end: sql`o.period_end::text`,
  vintage: sql`o.vintage`,
};

/**
 * The columns read from the reference tables (and the codes that join them): the same for every
 * row of a reporter and partner (`r`, `p`), or of an indicator and source (`i`, `s`). Their cells
 * are computed once per such pair, not once per row (REFERENCE_CELLS).
 */
const NAME_VALUE_SQL: Record<string, Fragment> = {
  reporter: sql`CASE WHEN r.code = ${UNSPECIFIED_REPORTER} THEN 'unspecified' ELSE r.name END`,
  reporter_code: sql`CASE WHEN r.code = ${UNSPECIFIED_REPORTER} THEN '' ELSE r.code END`,
  partner: sql`p.name`,
  partner_code: sql`p.code`,
};
const PROVENANCE_VALUE_SQL: Record<string, Fragment> = {
  source_id: sql`s.id`,
  flow: sql`i.code`,
  indicator_label: sql`i.label`,
  source_title: sql`s.title`,
  source_publisher: sql`s.publisher`,
  source_url: sql`s.url`,
};

/**
 * The columns whose text is a typed column's output (integer, numeric, date, enum) or the scale
 * label: never empty, and never starting with a character NEEDS_PREFIX_FIRST lists other than a
 * minus (numeric's '-Infinity', date's '-infinity'). csvCell then comes down to one question, asked
 * by typedCellSql; the full rule on these nine columns was a ninth of the statement's time at
 * 1,000,000 rows (docs/performance.md).
 */
const TYPED = new Set([
  'year',
  'value',
  'scale',
  'qualifier',
  'derivation',
  'stated_growth_pct',
  'period_kind',
  'period_start',
  'period_end',
]);

const MINUS = '-'.codePointAt(0) ?? 0;

/** csvCell for a TYPED column: a leading minus gets an apostrophe unless the text is a number. */
function typedCellSql(type: 'text' | 'number' | 'boolean', value: Fragment): Fragment {
  if (type === 'boolean') throw new Error('The observations export has no boolean column to write in SQL.');
  const minusNotNumber =
    type === 'number'
      ? sql`ascii(${value}) = ${MINUS} AND ${value} !~ ${NUMBER_TEXT.source}`
      : sql`ascii(${value}) = ${MINUS}`;
  return sql`CASE WHEN ${minusNotNumber} THEN '''' || ${value} ELSE ${value} END`;
}

const NEEDS_PREFIX_FIRST_CODES = NEEDS_PREFIX_FIRST.map((c) => c.codePointAt(0) ?? 0);
/**
 * The character after the last of NEEDS_PREFIX_FIRST ('A'): in the "C" collation (bytes) a text
 * at or above it starts with a later character, so it cannot need the prefix.
 */
const ABOVE_NEEDS_PREFIX = String.fromCodePoint(Math.max(...NEEDS_PREFIX_FIRST_CODES) + 1);

/**
 * csvCell (lib/export/csv-writer.ts) in SQL: text that could run as a formula gets an apostrophe,
 * numbers that look like numbers are left alone, and an empty cell is NULL, which COPY writes as
 * nothing (an empty string it would write as ""). The patterns are the JavaScript ones, which
 * PostgreSQL's regular expressions read the same way (tested byte for byte against csvCell).
 * They run only for a cell whose first character NEEDS_PREFIX could match (a letter is ruled out
 * by one comparison, others by ascii(), the first character's code): 27 patterns on every row were
 * most of the statement's time (docs/performance.md). Any other cell is written as it is, number
 * or not. `value` is a column of the ordered subquery, or a reference table's value computed once per
 * pair (REFERENCE_CELLS), so repeating it costs nothing.
 */
function csvCellSql(type: 'text' | 'number' | 'boolean', value: Fragment): Fragment {
  const text = sql`NULLIF(CASE WHEN ${value} ~ ${NEEDS_PREFIX.source} THEN '''' || ${value} ELSE ${value} END, '')`;
  let mayNeedPrefix: Fragment;
  if (type === 'text') mayNeedPrefix = text;
  else if (type === 'number')
    mayNeedPrefix = sql`CASE WHEN ${value} ~ ${NUMBER_TEXT.source} THEN ${value} ELSE ${text} END`;
  else throw new Error('The observations export has no boolean column to write in SQL.');
  return sql`CASE WHEN ${value} COLLATE "C" >= ${ABOVE_NEEDS_PREFIX} THEN ${value}
    WHEN ascii(${value}) = ANY(${NEEDS_PREFIX_FIRST_CODES}) THEN ${mayNeedPrefix}
    ELSE NULLIF(${value}, '') END`;
}

const columnType = (key: string) => OBSERVATION_EXPORT_COLUMNS.find((c) => c.key === key)?.type ?? 'text';

/** `<cell> AS <key>, …` of the given values. */
function cellList(values: Record<string, Fragment>): Fragment {
  return Object.entries(values)
    .map(([key, value]) => sql`${csvCellSql(columnType(key), value)} AS ${sql(key)}`)
    .reduce((acc, column) => sql`${acc}, ${column}`);
}

/**
 * The reference tables' cells as two lateral subqueries on the ordered rows `x`, keyed by the codes
 * it carries (`ref_*`). PostgreSQL caches a parameterized subquery's result by its key (Memoize),
 * so each reporter and partner pair's cells, and each indicator and source pair's, are computed
 * once; OFFSET 0 keeps the subquery from being merged into the outer query, which would compute
 * its cells on every row again. Two lookups a row instead of four joins, and the names no longer
 * go through a chosen sort: 12-16 % less time for 1,240,000 rows, sorted or not (docs/performance.md).
 */
const REFERENCE_CELLS: Fragment = sql`
  CROSS JOIN LATERAL (SELECT ${cellList(NAME_VALUE_SQL)}
    FROM partner r, partner p WHERE r.code = x.ref_reporter AND p.code = x.ref_partner OFFSET 0) names
  CROSS JOIN LATERAL (SELECT ${cellList(PROVENANCE_VALUE_SQL)}
    FROM indicator i, source s WHERE i.code = x.ref_indicator AND s.id = x.ref_source OFFSET 0) provenance`;

/** The row values, each once, and the reference codes, as the columns of the ordered subquery (orderedObservations). */
const EXPORT_VALUES: Fragment = sql`${Object.entries(ROW_VALUE_SQL)
  .map(([key, value]) => sql`${value} AS ${sql(key)}`)
  .reduce((acc, column) => sql`${acc}, ${column}`)},
  o.reporter_code AS ref_reporter, o.partner_code AS ref_partner, o.indicator_code AS ref_indicator, o.source_id AS ref_source`;

/** The cells in the export's column order: the row's computed after the sort, once per row; the reference ones looked up. */
const EXPORT_CELLS: Fragment = OBSERVATION_EXPORT_COLUMNS.map((column) => {
  if (column.key in NAME_VALUE_SQL) return sql`names.${sql(column.key)}`;
  if (column.key in PROVENANCE_VALUE_SQL) return sql`provenance.${sql(column.key)}`;
  if (!(column.key in ROW_VALUE_SQL)) throw new Error(`No SQL for the export column ${column.key}`);
  const value = sql`x.${sql(column.key)}`;
  const cell = TYPED.has(column.key) ? typedCellSql(column.type, value) : csvCellSql(column.type, value);
  return sql`${cell} AS ${sql(column.key)}`;
}).reduce((acc, column) => sql`${acc}, ${column}`);

/** A node of EXPLAIN (FORMAT JSON)'s plan. */
export interface PlanNode {
  'Node Type': string;
  Plans?: PlanNode[];
}

/** PostgreSQL's plan for `select` on `db`, under that session's settings (EXPLAIN, not run). */
export async function explainPlan(db: postgres.Sql, select: string): Promise<PlanNode | undefined> {
  const [explained] = await db.unsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(`EXPLAIN (FORMAT JSON) ${select}`);
  return explained?.['QUERY PLAN'][0].Plan;
}

/** Whether a plan sorts anywhere (Sort, Incremental Sort). */
export function planSorts(node: PlanNode): boolean {
  return node['Node Type'].endsWith('Sort') || (node.Plans ?? []).some(planSorts);
}

/**
 * Settings of the download's connection for its statement (`select`, observationsCsvSelect).
 * Without a sort chosen, the rows come in the natural key's order, which its index gives as it is
 * read. One parallel worker then reads half of the index and computes half of the cells, and
 * PostgreSQL merges the two halves in order: 1.4-1.6 times as fast for 1,240,000 rows
 * (docs/performance.md). PostgreSQL rarely picks that plan by itself: its cost of passing a row
 * from the worker (parallel_tuple_cost) outweighs the work saved on cells it does not see, so the
 * session sets it to 0. A parallel plan that sorts instead (a sort in each worker, merged) spills
 * the wide rows to disk and was the slowest of all, so when the plan sorts, parallel plans are
 * turned off, as before. With a sort chosen, PostgreSQL's own choice (a parallel sort) is kept.
 * Exported for the benchmark, which runs the statement as the route does.
 */
export async function prepareExportSession(db: postgres.Sql, q: ObservationQuery, select: string): Promise<void> {
  if ((q.sort ?? []).length > 0) return;
  await db`SELECT set_config('parallel_tuple_cost', '0', false), set_config('max_parallel_workers_per_gather', '1', false)`;
  const plan = await explainPlan(db, select);
  if (!plan || planSorts(plan)) await db`SET max_parallel_workers_per_gather = 0`;
}

/** `COPY (<select>) TO STDOUT` as CSV with a header row: how the export wraps its SELECT. */
export function csvCopyStatement(select: string): string {
  return `COPY (${select}) TO STDOUT WITH (FORMAT csv, HEADER true)`;
}

/**
 * The CSV export's SELECT: `SELECT <the export's cells as text> FROM (<the export's values, in the
 * data screen's FROM, WHERE and ORDER BY>) x ORDER BY <its keys>`, its values inlined (COPY takes
 * no parameters). Exported for the benchmark, which times it under COPY and under EXPLAIN.
 */
export async function observationsCsvSelect(
  q: ObservationQuery,
  db: postgres.Sql = sql,
  names?: PartnerNames,
): Promise<string> {
  const known = names ?? (await partnerNames('en'));
  const { from, orderBy } = orderedObservations(q, known, EXPORT_VALUES, exportLimit(q), keysFromClause(q, known));
  // Described on `db`: PostgreSQL locks the tables to describe it, so a download does that on its own connection.
  return inlineParameters(db`SELECT ${EXPORT_CELLS} ${from} ${REFERENCE_CELLS} ${orderBy}`);
}

/** The CSV export's statement: its SELECT under COPY. Exported for the benchmarks. */
export async function observationsCsvCopyStatement(
  q: ObservationQuery,
  db: postgres.Sql = sql,
  names?: PartnerNames,
): Promise<string> {
  return csvCopyStatement(await observationsCsvSelect(q, db, names));
}

/**
 * Every row matching the filters, in the data screen's order, as CSV bytes straight from PostgreSQL,
 * on the download's connection. Resolves once PostgreSQL has sent the first row (or ended), so a
 * failure up to there (database away, a bad statement, a sort that fails) rejects here, before any
 * byte of the response is sent; a failure later ends the stream with an error. The connection is
 * given back when the copy has settled, however it ended.
 */
export async function copyObservationsCsv(
  download: Download,
  q: ObservationQuery,
  names?: PartnerNames,
): Promise<ReadableStream<Uint8Array>> {
  try {
    const select = await observationsCsvSelect(q, download.db, names);
    await prepareExportSession(download.db, q, select);
    const source = await download.db.unsafe(csvCopyStatement(select)).readable();
    const { body, firstRow } = copyOutStream(source, {
      headerLines: 1,
      cancelQuery: () => void download.abort(),
      onError: (error) => console.error('[export] copyObservationsCsv failed while streaming', { q, error }),
      onSettled: () => download.release(),
    });
    await firstRow;
    return body;
  } catch (error) {
    download.release();
    console.error('[export] copyObservationsCsv failed', { q, error });
    throw new Error('Could not load data (observations).');
  }
}
