// npm run bench [-- --rows N] [--quick] [--steps 1000000,10000000] [--requests N] [--skip-lighthouse]
//                 [--only import,export,pages,screens,frontend] [--chart bench/results/<file>.json]
//
// Speed at scale, measured in one run on a throwaway embedded PostgreSQL (issue 7). It seeds the
// bundled data, writes a synthetic "every reporter of IMF DOTS" dataset in the tidy layout
// (scripts/lib/synthetic-trade.ts) and loads it in steps with the project's importer. At each step
// it measures, against PostgreSQL doing the same work alone:
//   import    importer rows/s vs `COPY ... FROM` of the same rows into an identical table, into
//             one with the same indexes and no foreign keys, and a bare `COPY ... FROM` of the same
//             file into a table of text columns without indexes; the CPU importer and PostgreSQL used
//   export    CSV of /api/observations (≥ 1,000,000 rows when there are that many) vs
//             `COPY (the same SELECT) TO STDOUT` and a bare `COPY (SELECT o.* …) TO STDOUT` of the
//             same rows, with the server's peak resident memory
//   pages     p50/p95/p99 under autocannon (16 and 64 connections) vs the SQL time of one render
// then, once, first-load JavaScript per route (gzipped) and Lighthouse scores (the median of three
// runs, on a vacuumed database and an idle machine: waitForQuiet), beside the scores of one static
// page of a bare Next.js app (scripts/lib/lighthouse-floor.ts). It prints the
// targets with pass/fail and writes bench/results/<date>.json (<date>-quick.json with --quick),
// and beside it the same name in .svg: how each cost grows over the steps (scripts/lib/growth-chart.ts).
// --only runs some parts (the rows are always loaded; the import's COPY baselines only with
// `import`); --chart redraws a JSON's SVG.
// It is not part of `npm test`. Run with `tsx --conditions=react-server` (npm run bench does) so
// that it can load the app's query module and build the export's COPY statement.
import { execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { createObservationTwin, INDEXED_TWIN, TWIN, type Twin } from './lib/copy-baseline';
import { ROOT } from './lib/database';
import { buildIsStale, nextBuild } from './lib/next-build';
import { startNextServer, stopNextServer, waitForHealth } from './lib/next-server';
import { probeDownload } from './lib/download-probe';
import { type CpuSplit, endedChildrenCpuSeconds, parentPid, sumCpuTimes, treeCpuSeconds } from './lib/process-cpu';
import { mebibytes, sampleMemory, treeHighWaterMark } from './lib/process-memory';
import { writeSyntheticSegments, type NamedCode, type SegmentFile } from './lib/synthetic-trade';
import { growthChartSvg, type GrowthStep } from './lib/growth-chart';
import { withFloorApp } from './lib/lighthouse-floor';
import { freePort, startTestCluster } from './lib/test-database';
import { runMain, UserError } from './lib/user-error';

const SOURCE = 'bench_dots_all_reporters';
const FIRST_YEAR = 1966;
const LAST_YEAR = 2025;
const REPORTER_COUNT = 235;
const PARTNER_COUNT = 250;
const EXPORT_MIN_ROWS = 1_000_000;
const UNCACHED_REQUESTS_PER_CONNECTION = 3;

const PAGES = [
  { name: 'overview', path: '/' },
  { name: 'partners', path: '/partners' },
  { name: 'partner DEU', path: '/partners/DEU' },
  { name: 'compare', path: '/compare?partners=DEU,FRA,ITA,CHN,RUS&flow=turnover&from=2000&to=2025&mode=share' },
  { name: 'data', path: '/data?partner=DEU,FRA,CHN&flow=turnover&sort=year:desc' },
] as const;

/**
 * Each screen's most expensive URL that its parameters allow (issue 19.8): every filter and sort
 * key at once, the deepest page the bounds let through, the widest window. Measured without the
 * query and page caches, as a first visit after an import would be. A URL past a bound (the
 * data screen's page 1,000,000) must answer quickly with a message, so it is measured too.
 */
const WORST_URLS = [
  { screen: 'overview', path: '/?partners=all&eu=members&year=1993&sort=share:desc' },
  {
    screen: 'partners',
    path: '/partners?q=a&year=2025&window=20&min=0&sort=cagr:desc,rank_change:desc,name:asc&page=2&size=100',
  },
  { screen: 'partner profile', path: '/partners/AGG_EU' },
  { screen: 'partner profile (ru)', path: '/ru/partners/DEU' },
  {
    screen: 'compare',
    path: '/compare?partners=AGG_EU,DEU,FRA,ITA,NLD,CHN,RUS,USA,TUR,UZB,KOR,JPN&flow=turnover&from=1992&to=2025&mode=change',
  },
  {
    screen: 'data screen, deepest page',
    path: '/data?source=bench_dots_all_reporters&sort=value:desc,year:asc,partner:asc,flow:desc&page=1000&size=100',
  },
  {
    screen: 'data screen, search',
    path: '/data?q=ger&sort=value:desc,year:asc,partner:asc,flow:desc&page=1000&size=100',
  },
  {
    screen: 'data screen, past the bound',
    path: '/data?q=ger&sort=value:desc,year:asc,partner:asc,flow:desc&page=1000000&size=100',
  },
  {
    screen: 'API, deepest page',
    path: '/api/observations?source=bench_dots_all_reporters&sort=value:desc,year:asc,partner:asc,flow:desc&page=1000&size=100',
  },
  { screen: 'mirror', path: '/mirror?flow=import&min=0&sort=ratio:desc,partner:asc&page=20&size=100' },
  { screen: 'map', path: '/map?measure=growth&window=20&min=0&eu=members' },
  { screen: 'consistency', path: '/consistency?items=all' },
  { screen: 'sources', path: '/sources' },
  { screen: 'presence', path: '/presence' },
  { screen: 'embed', path: '/embed/compare?partners=AGG_EU,CHN,RUS' },
  { screen: 'search index', path: '/api/search-index' },
] as const;

const TARGETS = {
  importRatio: 0.5,
  /** Issue 18: new rows at ≥ 100,000 rows/s and ≥ 0.1× a bare COPY FROM of the same file. */
  importRowsPerSecond: 100_000,
  importBareRatio: 0.1,
  exportRatio: 0.5,
  /** Issue 18: the CSV export at ≥ 0.5× a bare COPY TO of the same rows. */
  exportBareRatio: 0.5,
  exportRssMb: 300,
  pageP95Ms: 150,
  /** Issue 18.4: cached pages at 64 connections. */
  pageP95Ms64: 400,
  /** Issue 18.4: PostgreSQL time of a page's first render after an import. */
  firstRenderSqlMs: 150,
  /** Issue 13.7: the overview's uncached SQL. */
  overviewSqlMs: 100,
  /** Issue 19.8: each screen's worst URL, uncached, one request at a time. */
  worstUrlMs: 2000,
  lighthouseLcpMs: 2000,
  lighthouseTbtMs: 200,
  lighthouseCls: 0.02,
  lighthousePerformance: 95,
  lighthouseAccessibility: 100,
  lighthouseBestPractices: 100,
  /** Issue 18.2. */
  firstLoadJsKb: 200,
};

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string' },
    quick: { type: 'boolean', default: false },
    steps: { type: 'string' },
    requests: { type: 'string' },
    'skip-lighthouse': { type: 'boolean', default: false },
    only: { type: 'string' },
    chart: { type: 'string' },
    out: { type: 'string' },
  },
});

function positiveInt(text: string, name: string): number {
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${name} must be a positive whole number, found "${text}"`);
  return n;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
const seconds = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

// ---------------------------------------------------------------------------------------------
// Import: the project's importer vs COPY FROM into an identical table

/**
 * A client of its own for each COPY, ended afterwards. (Sharing one postgres.js pool between
 * COPY streams and ordinary queries across steps left a later query's promise unresolved in two
 * runs, with PostgreSQL idle; separate clients keep the steps independent.)
 */
async function withClient<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const TWINS: readonly Twin[] = [TWIN, INDEXED_TWIN];

/**
 * The baseline tables: the same columns, defaults, check constraints, indexes (the natural-key
 * unique index included) and, for TWIN, foreign keys as `observation`, holding the same rows
 * before each step (the bundled data to begin with). COPY then does the least work any loader
 * could do for these rows: parse, check constraints, update the same indexes (and, into TWIN,
 * check every reference by a trigger per row, as the issue's baseline asks). The importer checks
 * references once per distinct value, so INDEXED_TWIN's COPY is its ceiling with these indexes.
 */
async function createBaselineTables(sql: postgres.Sql): Promise<void> {
  for (const twin of TWINS) {
    await createObservationTwin(sql, twin);
    await sql`INSERT INTO ${sql(twin)} SELECT * FROM observation`;
  }
}

async function copyColumns(sql: postgres.Sql): Promise<string> {
  const rows = await sql<{ name: string }[]>`
    SELECT column_name AS name FROM information_schema.columns
    WHERE table_name = 'observation' AND column_name NOT IN ('id', 'created_at', 'updated_at')
    ORDER BY ordinal_position`;
  return rows.map((r) => `"${r.name}"`).join(', ');
}

interface ImportFigures {
  rows: number;
  /**
   * False when the run left the import part out (--only without import): the rows were loaded
   * with the importer, but neither COPY baseline was run, and the figures below them are 0.
   */
  baselines: boolean;
  importerSeconds: number;
  importerRowsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  ratio: number;
  /** The same COPY into a twin with the same indexes and no foreign keys: what the indexes alone allow. */
  indexedCopySeconds: number;
  indexedCopyRowsPerSecond: number;
  /** indexedCopyRowsPerSecond against the bare COPY's: the highest bareRatio any loader keeping these indexes could reach. */
  indexedBareRatio: number;
  /**
   * CPU seconds during `npm run import`: its process (start-up included) and PostgreSQL's
   * (the postmaster and everything it started); null where there is no /proc.
   */
  cpu: { importerSeconds: number; postgresSeconds: number } | null;
  /** PostgreSQL's bare `COPY … FROM` of the same CSV file into a table of 13 text columns without indexes. */
  bareCopySeconds: number;
  bareCopyRowsPerSecond: number;
  bareRatio: number;
}

/**
 * The least PostgreSQL can do with the file: parse its CSV into a table of text columns without
 * indexes, keys or checks (server-side, so no client is involved). The issue's yardstick.
 */
async function measureBareCopyFrom(url: string, segment: SegmentFile): Promise<number> {
  return withClient(url, async (c) => {
    await c`CREATE TEMP TABLE bare_copy (source_id text, reporter text, reporter_code text, partner text, partner_code text,
      year text, period text, flow text, value text, unit text, scale text, flag text, note text)`;
    const started = process.hrtime.bigint();
    await c.unsafe(`COPY bare_copy FROM '${segment.file.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`);
    return seconds(started);
  });
}

/**
 * `writerUrl` runs the importer, as in production; the server-side COPYs of the baselines read and
 * write files, which only the superuser (`adminUrl`) may.
 */
async function measureImport(
  writerUrl: string,
  adminUrl: string,
  sql: postgres.Sql,
  segment: SegmentFile,
  baselines: boolean,
): Promise<ImportFigures> {
  const [before] = await sql<{ id: string }[]>`SELECT coalesce(max(id), 0)::text AS id FROM observation`;
  const [backend] = await sql<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
  const postmasterPid = parentPid(backend?.pid ?? 0);
  // The importer's CPU reaches this process's ended children once execFile has waited for it.
  const cpuNow = () => {
    const importer = endedChildrenCpuSeconds();
    return postmasterPid !== null && importer !== null ? { importer, postgres: treeCpuSeconds(postmasterPid) } : null;
  };
  const cpuBefore = cpuNow();
  // `npm run import` itself, in its own process: the CLI times the file (reading, checks, merge,
  // after-import hook) and prints it, so process start-up is left out of the figure.
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'import.ts'), segment.file, '--format', 'tidy'],
    {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: writerUrl },
      maxBuffer: 1 << 24,
    },
  );
  const summary = stdout.match(/: ([\d,]+) inserted, .*\(([\d.]+) s\)\s*$/m);
  if (!summary) throw new UserError(`npm run import printed no summary:\n${stdout}`);
  const inserted = Number(summary[1]?.replace(/,/g, ''));
  if (inserted !== segment.rows) throw new UserError(`the importer inserted ${inserted} of ${segment.rows} rows`);
  const importerSeconds = Number(summary[2]);
  const cpuAfter = cpuNow();
  const cpu =
    cpuBefore && cpuAfter
      ? {
          importerSeconds: round(cpuAfter.importer - cpuBefore.importer),
          postgresSeconds: round(cpuAfter.postgres - cpuBefore.postgres),
        }
      : null;
  if (!baselines) {
    // As after the baselines (below): the pages are measured on a vacuumed table either way.
    // Otherwise a run without the baselines' minutes measures whatever part of the new rows
    // autovacuum has reached (until then, counts read the heap, not the index alone).
    await sql`VACUUM (ANALYZE) observation`;
    return {
      rows: segment.rows,
      baselines,
      importerSeconds: round(importerSeconds),
      importerRowsPerSecond: Math.round(segment.rows / importerSeconds),
      copySeconds: 0,
      copyRowsPerSecond: 0,
      ratio: 0,
      indexedCopySeconds: 0,
      indexedCopyRowsPerSecond: 0,
      indexedBareRatio: 0,
      cpu,
      bareCopySeconds: 0,
      bareCopyRowsPerSecond: 0,
      bareRatio: 0,
    };
  }

  // The same rows as the importer stored them, in the table's own layout, written to a file and
  // read back by the server itself (server-side COPY: no client, no network), in the cluster's
  // data directory, which the server may write. This needs a superuser, as the embedded cluster's is.
  const columns = await copyColumns(sql);
  const [setting] = await sql<{ dir: string }[]>`SELECT current_setting('data_directory') AS dir`;
  const dump = `${setting?.dir ?? '.'}/bench-copy-rows-${process.pid}.tsv`;
  await withClient(adminUrl, (c) =>
    c.unsafe(
      `COPY (SELECT ${columns} FROM observation WHERE id > ${Number(before?.id ?? 0)} ORDER BY id) TO '${dump}'`,
    ),
  );
  const copyInto = (twin: Twin) =>
    withClient(adminUrl, async (c) => {
      const started = process.hrtime.bigint();
      await c.unsafe(`COPY ${twin} (${columns}) FROM '${dump}'`);
      return seconds(started);
    });
  const copySeconds = await copyInto(TWIN);
  const indexedCopySeconds = await copyInto(INDEXED_TWIN);
  // Empties the file; the cluster itself goes at the end of the run.
  await withClient(adminUrl, (c) => c.unsafe(`COPY (SELECT 1 WHERE false) TO '${dump}'`));
  await sql`VACUUM (ANALYZE) observation`;
  // Vacuumed too, not only analysed, so that autovacuum of the rows just copied into it cannot
  // start during the measurements that follow (docs/performance.md, 2026-12-07).
  for (const twin of TWINS) await sql`VACUUM (ANALYZE) ${sql(twin)}`;
  const bareCopySeconds = await measureBareCopyFrom(adminUrl, segment);
  const importerRowsPerSecond = segment.rows / importerSeconds;
  const copyRowsPerSecond = segment.rows / copySeconds;
  const bareCopyRowsPerSecond = segment.rows / bareCopySeconds;
  const indexedCopyRowsPerSecond = segment.rows / indexedCopySeconds;
  return {
    rows: segment.rows,
    baselines,
    importerSeconds: round(importerSeconds),
    importerRowsPerSecond: Math.round(importerRowsPerSecond),
    copySeconds: round(copySeconds),
    copyRowsPerSecond: Math.round(copyRowsPerSecond),
    ratio: round(importerRowsPerSecond / copyRowsPerSecond, 2),
    indexedCopySeconds: round(indexedCopySeconds),
    indexedCopyRowsPerSecond: Math.round(indexedCopyRowsPerSecond),
    indexedBareRatio: round(indexedCopyRowsPerSecond / bareCopyRowsPerSecond, 3),
    cpu,
    bareCopySeconds: round(bareCopySeconds, 2),
    bareCopyRowsPerSecond: Math.round(bareCopyRowsPerSecond),
    bareRatio: round(importerRowsPerSecond / bareCopyRowsPerSecond, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// Export: /api/observations as CSV vs COPY (the same SELECT) TO STDOUT

/**
 * The export's own SELECT (observationsCsvSelect in lib/export/observations-csv.ts): the route
 * streams exactly csvCopyStatement of it after prepareExportSession, so the baseline is the same
 * statement with the same settings, run directly by a client of its own.
 */
async function exportSelect(
  queryString: string,
): Promise<{ select: string; prepare: (db: postgres.Sql) => Promise<void> }> {
  const { parseObservationQuery } = await import('../lib/validations/observations');
  const { observationsCsvSelect, prepareExportSession } = await import('../lib/export/observations-csv');
  const parsed = parseObservationQuery(new URLSearchParams(`${queryString}&format=csv`));
  if (!parsed.ok) throw new UserError(`export query: ${JSON.stringify(parsed.problems)}`);
  const q = parsed.query;
  const select = await observationsCsvSelect(q);
  return { select, prepare: (db) => prepareExportSession(db, q, select) };
}

interface ExportFigures {
  rows: number;
  megabytes: number;
  apiSeconds: number;
  apiRowsPerSecond: number;
  copySeconds: number;
  copyRowsPerSecond: number;
  ratio: number;
  /** `COPY (SELECT o.* FROM observation o WHERE <the same filters>) TO STDOUT`: no joins, no formatting, no order. */
  bareCopySeconds: number;
  bareCopyRowsPerSecond: number;
  bareRatio: number;
  /**
   * The same two SELECTs under EXPLAIN ANALYZE (no per-node timing), after the timed runs:
   * PostgreSQL's own time and buffers for each, without COPY's output, the socket or the app, so a
   * ratio that falls with the rows can be put down to the statement or to what carries its rows.
   */
  statementPlan: PlanFigures;
  barePlan: PlanFigures;
  serverRssBeforeMb: number;
  serverRssPeakMb: number;
  serverRssTimelineMb: number[];
  /** How idle the CPUs were when the export began (waitForQuiet). */
  quiet: QuietFigures;
  /**
   * Who used the CPUs during each of the three downloads: the app server, PostgreSQL (all its
   * processes), the client (a fresh process per download, download-probe.ts) and the rest of the
   * machine. On two cores the API's download keeps both busy, so its wall time follows any CPU
   * the rest takes.
   */
  cpu: { api: CpuSplit; copy: CpuSplit; bare: CpuSplit };
}

interface PlanFigures {
  executionMs: number;
  /** Shared buffers found in PostgreSQL's cache, and read from the operating system. */
  sharedHit: number;
  sharedRead: number;
}

interface ExplainRow {
  'QUERY PLAN': [{ 'Execution Time': number; Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number } }];
}

async function planFigures(
  url: string,
  select: string,
  prepare: (db: postgres.Sql) => Promise<void> = async () => {},
): Promise<PlanFigures> {
  const [row] = await withClient(url, async (c) => {
    await prepare(c);
    return c.unsafe<ExplainRow[]>(`EXPLAIN (ANALYZE, BUFFERS, TIMING false, FORMAT JSON) ${select}`);
  });
  const plan = row?.['QUERY PLAN'][0];
  if (!plan) throw new UserError('EXPLAIN returned no plan');
  return {
    executionMs: round(plan['Execution Time']),
    sharedHit: plan.Plan['Shared Hit Blocks'],
    sharedRead: plan.Plan['Shared Read Blocks'],
  };
}

async function measureExport(
  base: string,
  pid: number,
  url: string,
  queryString: string,
  bareWhere: string,
  expectedRows: number,
  quiet: QuietFigures,
): Promise<ExportFigures> {
  // One small request first (code loading, connection pool), so the baseline is the steady state.
  await fetch(`${base}/api/observations?${queryString}&size=10&page=1&format=json`).then((r) => r.arrayBuffer());
  // The postmaster is the parent of a backend, read while the backend is still there.
  const postmasterPid = await withClient(
    url,
    async (c) => parentPid((await c<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`)[0]?.pid ?? 0) ?? 0,
  );
  const accounted = { serverPid: pid, postmasterPid };
  const memory = sampleMemory(pid);
  const api = await probeDownload({
    kind: 'http',
    url: `${base}/api/observations?${queryString}&format=csv`,
    ...accounted,
  });
  const apiSeconds = api.seconds;
  const { baseline, peak, timeline } = memory.stop();
  // The CSV has a header line; values never contain raw newlines in this dataset.
  const rows = api.lines - 1;
  if (rows !== expectedRows) throw new UserError(`export: ${rows} rows, expected ${expectedRows}`);

  const { select, prepare } = await exportSelect(queryString);
  const copy = await probeDownload({ kind: 'copy', databaseUrl: url, select, exportQuery: queryString, ...accounted });
  const copySeconds = copy.seconds;
  // Both have the header line.
  if (copy.lines - 1 !== rows) throw new UserError(`COPY TO gave ${copy.lines - 1} rows, the API ${rows}`);
  const bareSelect = `SELECT o.* FROM observation o ${bareWhere}`;
  const bare = await probeDownload({ kind: 'copy', databaseUrl: url, select: bareSelect, ...accounted });
  const bareCopySeconds = bare.seconds;
  if (bare.lines - 1 !== rows) throw new UserError(`bare COPY TO gave ${bare.lines - 1} rows, the API ${rows}`);
  const statementPlan = await planFigures(url, select, prepare);
  const barePlan = await planFigures(url, bareSelect);
  return {
    rows,
    megabytes: round(api.bytes / 1e6),
    apiSeconds: round(apiSeconds),
    apiRowsPerSecond: Math.round(rows / apiSeconds),
    copySeconds: round(copySeconds),
    copyRowsPerSecond: Math.round(rows / copySeconds),
    ratio: round(copySeconds / apiSeconds, 2),
    bareCopySeconds: round(bareCopySeconds, 2),
    bareCopyRowsPerSecond: Math.round(rows / bareCopySeconds),
    bareRatio: round(bareCopySeconds / apiSeconds, 2),
    statementPlan,
    barePlan,
    serverRssBeforeMb: Math.round(mebibytes(baseline)),
    serverRssPeakMb: Math.round(mebibytes(peak)),
    serverRssTimelineMb: timeline.map((b) => Math.round(mebibytes(b))),
    quiet,
    cpu: { api: api.cpu, copy: copy.cpu, bare: bare.cpu },
  };
}

// ---------------------------------------------------------------------------------------------
// Pages: latency under load vs the SQL time of one render

interface LoadFigures {
  connections: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** Answers other than 200, by status code. */
  statuses: Record<string, number>;
}

/** What Chromium sends as Accept-Encoding. */
const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/**
 * A fixed number of requests per connection rather than a duration: autocannon drops the requests
 * still in flight when a duration ends, which hides exactly the slow answers on a slow page.
 */
async function load(url: string, connections: number, perConnection: number): Promise<LoadFigures> {
  const times: number[] = [];
  let errors = 0;
  const statuses: Record<string, number> = {};
  // autocannon's own percentiles skip p95, so every response time is kept.
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      // Asking as a browser does (every browser sends Accept-Encoding): without it the answers are
      // the whole HTML, and autocannon parsing 500 KB ones took a core of its own while the server
      // used a third of one, so the figures measured the load generator (docs/performance.md).
      { url, connections, amount: connections * perConnection, timeout: 60, headers: BROWSER_ENCODINGS },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) times.push(responseTime);
      else {
        errors += 1;
        statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
      }
    });
  });
  times.sort((a, b) => a - b);
  return {
    connections,
    requests: times.length,
    requestsPerSecond: round(times.length / seconds(started)),
    p50: round(percentile(times, 50)),
    p95: round(percentile(times, 95)),
    p99: round(percentile(times, 99)),
    errors: errors + result.errors + result.timeouts,
    statuses,
  };
}

/**
 * PostgreSQL's own time (planning + execution, from pg_stat_statements) for the statements of one
 * render, averaged over `renders` uncached renders (the server runs with QUERY_CACHE=off), and
 * the render's wall time from one client, one request at a time.
 */
async function sqlTimePerRender(base: string, sql: postgres.Sql, route: string, renders = 3) {
  await fetch(base + route).then((r) => r.arrayBuffer()); // code loading, connection pools
  await sql`SELECT pg_stat_statements_reset()`;
  const walls: number[] = [];
  for (let i = 0; i < renders; i += 1) {
    const started = process.hrtime.bigint();
    const response = await fetch(base + route);
    await response.arrayBuffer();
    if (response.status !== 200) throw new UserError(`${route}: HTTP ${response.status}`);
    walls.push(seconds(started) * 1000);
  }
  const [row] = await sql<{ ms: number; calls: number }[]>`
    SELECT coalesce(sum(total_exec_time + total_plan_time), 0)::float8 AS ms, coalesce(sum(calls), 0)::int AS calls
    FROM pg_stat_statements
    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`;
  walls.sort((a, b) => a - b);
  return {
    sqlMs: round((row?.ms ?? 0) / renders),
    statements: Math.round((row?.calls ?? 0) / renders),
    serialRenderMs: round(percentile(walls, 50)),
    topStatements: await costliestStatements(sql, renders),
  };
}

/** "; costliest 120 ms (×1): SELECT …" for a target's line, or nothing when unknown (older results). */
function costliest(top: readonly StatementCost[] | undefined): string {
  const first = top?.[0];
  return first ? `; costliest ${first.ms} ms (×${first.calls}): ${first.query.slice(0, 100)}` : '';
}

interface StatementCost {
  /** The statement's text as pg_stat_statements normalised it, shortened. */
  query: string;
  /** Planning + execution per render. */
  ms: number;
  calls: number;
}

/** Where a render's SQL time went: its three costliest statements (issue 18 asks for the bottleneck of each miss). */
async function costliestStatements(sql: postgres.Sql, renders: number): Promise<StatementCost[]> {
  const rows = await sql<{ query: string; ms: number; calls: number }[]>`
    SELECT regexp_replace(query, '\\s+', ' ', 'g') AS query, (total_exec_time + total_plan_time)::float8 AS ms, calls::int AS calls
    FROM pg_stat_statements
    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'
    ORDER BY total_exec_time + total_plan_time DESC
    LIMIT 3`;
  return rows.map((r) => ({
    query: r.query.length > 160 ? `${r.query.slice(0, 160)}…` : r.query,
    ms: round(r.ms / renders),
    calls: Math.round(r.calls / renders),
  }));
}

interface WorstUrlFigures {
  screen: string;
  path: string;
  status: number;
  /** The slower of two requests after a first one (code loading), uncached, one at a time. */
  wallMs: number;
  /** PostgreSQL planning + execution per request. */
  sqlMs: number;
  statements: number;
}

async function worstUrl(base: string, sql: postgres.Sql, url: (typeof WORST_URLS)[number]): Promise<WorstUrlFigures> {
  await fetch(base + url.path).then((r) => r.arrayBuffer());
  await sql`SELECT pg_stat_statements_reset()`;
  let wallMs = 0;
  let status = 0;
  for (let i = 0; i < 2; i += 1) {
    const started = process.hrtime.bigint();
    const response = await fetch(base + url.path);
    await response.arrayBuffer();
    wallMs = Math.max(wallMs, seconds(started) * 1000);
    status = response.status;
  }
  const [row] = await sql<{ ms: number; calls: number }[]>`
    SELECT coalesce(sum(total_exec_time + total_plan_time), 0)::float8 AS ms, coalesce(sum(calls), 0)::int AS calls
    FROM pg_stat_statements
    WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND query NOT ILIKE '%pg_stat_statements%'`;
  return {
    screen: url.screen,
    path: url.path,
    status,
    wallMs: round(wallMs),
    sqlMs: round((row?.ms ?? 0) / 2),
    statements: Math.round((row?.calls ?? 0) / 2),
  };
}

interface PageFigures {
  name: string;
  path: string;
  /** PostgreSQL planning + execution per uncached render. */
  sqlMs: number;
  statements: number;
  /** The render's three costliest statements. */
  topStatements: StatementCost[];
  /** One request at a time, no query cache. */
  uncachedRenderMs: number;
  /** One request at a time with the query cache warm: the render's own cost, without queueing. */
  cachedRenderMs: number;
  /** 16 connections, no query cache: what the pages cost before lib/cache.ts. */
  uncached16: LoadFigures;
  cached16: LoadFigures;
  cached64: LoadFigures;
  /** cached16.p50 / sqlMs. */
  ratioP50ToSql: number;
}

async function startServer(url: string, env: Record<string, string>): Promise<{ server: ChildProcess; base: string }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = startNextServer({ port, databaseUrl: url, env });
  await waitForHealth(base, server);
  return { server, base };
}

// ---------------------------------------------------------------------------------------------
// Build output and Lighthouse

interface RouteJs {
  route: string;
  gzipKb: number;
  uncompressedKb: number;
}

/**
 * First-load JavaScript per route, gzipped. Next 16 no longer prints it; a Turbopack build writes
 * the chunks each route loads first to .next/diagnostics/route-bundle-stats.json (vercel/next.js
 * pull request 90949), and each chunk is gzipped here as a server would send it.
 */
function firstLoadJs(): RouteJs[] {
  const file = path.join(ROOT, '.next', 'diagnostics', 'route-bundle-stats.json');
  if (!existsSync(file)) throw new UserError(`${file} is missing: run a Turbopack production build (next build)`);
  const stats = JSON.parse(readFileSync(file, 'utf8')) as {
    route: string;
    firstLoadUncompressedJsBytes: number;
    firstLoadChunkPaths: string[];
  }[];
  const gzipped = new Map<string, number>();
  return stats
    .filter((s) => !s.route.startsWith('/api/') && !s.route.startsWith('/_'))
    .map((s) => {
      let total = 0;
      for (const chunk of s.firstLoadChunkPaths) {
        if (!gzipped.has(chunk)) gzipped.set(chunk, gzipSync(readFileSync(path.join(ROOT, chunk))).byteLength);
        total += gzipped.get(chunk) ?? 0;
      }
      return {
        route: s.route,
        gzipKb: round(total / 1024),
        uncompressedKb: round(s.firstLoadUncompressedJsBytes / 1024),
      };
    })
    .sort((a, b) => b.gzipKb - a.gzipKb);
}

interface LighthouseFigures {
  name: string;
  path: string;
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits below full marks that count towards accessibility or best practices. */
  failedAudits: string[];
  /** Performance opportunities and diagnostics that cost time (Lighthouse's own estimate). */
  costs: string[];
  /** Every run of the page (the figures above are the median run's, LIGHTHOUSE_RUNS). */
  runs: { performance: number; lcpMs: number; tbtMs: number }[];
}

/** The benchmark pages, and the map (issue 18.3). */
const LIGHTHOUSE_PAGES = [...PAGES, { name: 'map', path: '/map?year=2025&measure=turnover' }] as const;

interface QuietFigures {
  /** Share of both CPUs idle over the last sample before Lighthouse began, in percent. */
  idlePercent: number;
  /** Seconds spent vacuuming, checkpointing and waiting for it. */
  waitedSeconds: number;
}

/** Share of all CPUs' time spent idle over `ms`, in percent (the kernel's counters, os.cpus()). */
async function idlePercent(ms: number): Promise<number> {
  const before = sumCpuTimes(os.cpus());
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = sumCpuTimes(os.cpus());
  const idle = after.idleMs - before.idleMs;
  return (100 * idle) / Math.max(1, idle + after.busyMs - before.busyMs);
}

const QUIET_IDLE_PERCENT = 90;
const QUIET_SAMPLE_MS = 3_000;
const QUIET_TIMEOUT_MS = 120_000;

/**
 * Lighthouse's simulated throttling scales the main-thread time it observes, so CPU taken by
 * anything else on the two cores is charged to the page. Run straight after the import and the
 * load tests (autovacuum of the new rows, the servers just stopped), the pages scored 65–77 with
 * 0.8–1.6 s of blocking time; the same build on an idle machine scored 88–96 with 145–297 ms
 * (docs/performance.md). So the new rows are vacuumed and checkpointed first, which autovacuum and
 * the checkpointer would otherwise do during the measurement, and then the bench waits until the
 * CPUs are idle (or two minutes pass) and records how idle they were.
 */
async function waitForQuiet(sql: postgres.Sql): Promise<QuietFigures> {
  const started = process.hrtime.bigint();
  await sql`VACUUM (ANALYZE) observation`;
  await sql`CHECKPOINT`;
  let idle = await idlePercent(QUIET_SAMPLE_MS);
  while (idle < QUIET_IDLE_PERCENT && seconds(started) * 1000 < QUIET_TIMEOUT_MS)
    idle = await idlePercent(QUIET_SAMPLE_MS);
  return { idlePercent: round(idle), waitedSeconds: round(seconds(started)) };
}

const LIGHTHOUSE_ATTEMPTS = 3;

/** One Lighthouse run of one page. */
async function lighthouseRun(
  base: string,
  dir: string,
  page: { name: string; path: string },
  run: number,
): Promise<LighthouseFigures> {
  const bin = path.join(ROOT, 'node_modules', '.bin', 'lighthouse');
  const chrome = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const out = path.join(dir, `lighthouse-${page.name.replace(/\W+/g, '-')}-${run}.json`);
  // Lighthouse's defaults: mobile form factor with simulated throttling (the strict case).
  const lighthouseCli = () =>
    promisify(execFile)(
      bin,
      [
        base + page.path,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance,accessibility,best-practices',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ],
      { env: { ...process.env, CHROME_PATH: chrome }, maxBuffer: 1 << 26 },
    );
  // Lighthouse now and then fails to record a load ("Something went wrong with recording the
  // trace … Please run Lighthouse again", NO_NAVSTART): as it says, once more.
  for (let attempt = 1; ; attempt += 1) {
    try {
      await lighthouseCli();
      break;
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? '');
      if (attempt >= LIGHTHOUSE_ATTEMPTS || !stderr.includes('Please run Lighthouse again'))
        throw new UserError(
          `Lighthouse failed on ${page.path} (attempt ${attempt}): ${stderr.trim() || String(error)}`,
        );
      console.log(`  ${page.name}: Lighthouse asked to be run again (${stderr.trim()}); attempt ${attempt + 1}`);
    }
  }
  const report = JSON.parse(readFileSync(out, 'utf8')) as {
    categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
    audits: Record<
      string,
      {
        numericValue?: number;
        score: number | null;
        title: string;
        displayValue?: string;
        details?: { items?: unknown[]; overallSavingsMs?: number };
      }
    >;
  };
  // The items say what went wrong (for inspector-issues: which kind of issue, on which element).
  const failedAudits = ['accessibility', 'best-practices'].flatMap((category) =>
    (report.categories[category]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map(
        (ref) =>
          `${category}: ${ref.id} (${report.audits[ref.id]?.title ?? ''}) ${JSON.stringify(report.audits[ref.id]?.details?.items ?? []).slice(0, 400)}`,
      ),
  );
  // What the performance score lost: audits with estimated savings, largest first.
  const costs = Object.entries(report.audits)
    .filter(([, a]) => (a.details?.overallSavingsMs ?? 0) >= 50 && (a.score ?? 1) < 0.9)
    .sort(([, a], [, b]) => (b.details?.overallSavingsMs ?? 0) - (a.details?.overallSavingsMs ?? 0))
    .map(([id, a]) => `${id} (${a.title}) saves ${Math.round(a.details?.overallSavingsMs ?? 0)} ms`);
  // Total blocking time has no savings estimate: its diagnostics say where the main thread went.
  for (const id of ['mainthread-work-breakdown', 'bootup-time']) {
    const audit = report.audits[id];
    if (audit && (audit.score ?? 1) < 0.9) costs.push(`${id} (${audit.title}) ${audit.displayValue ?? ''}`.trim());
  }
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  return {
    name: page.name,
    path: page.path,
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    lcpMs: Math.round(report.audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
    tbtMs: Math.round(report.audits['total-blocking-time']?.numericValue ?? Number.NaN),
    cls: round(report.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN, 3),
    failedAudits,
    costs,
    runs: [],
  };
}

/**
 * Runs of each page; the one with the median performance score is reported, with every run's score
 * beside it. One run's score moved by up to 8 points between loads of the same page
 * (docs/performance.md); Lighthouse's own advice for a figure to compare is the median of several.
 */
const LIGHTHOUSE_RUNS = 3;

async function lighthouse(
  base: string,
  dir: string,
  pages: readonly { name: string; path: string }[] = LIGHTHOUSE_PAGES,
): Promise<LighthouseFigures[]> {
  const results: LighthouseFigures[] = [];
  for (const page of pages) {
    const runs: LighthouseFigures[] = [];
    for (let run = 1; run <= LIGHTHOUSE_RUNS; run += 1) runs.push(await lighthouseRun(base, dir, page, run));
    const sorted = [...runs].sort((a, b) => a.performance - b.performance);
    const median = sorted[Math.floor(sorted.length / 2)];
    if (!median) throw new UserError(`Lighthouse gave no run of ${page.path}`);
    const figures = {
      ...median,
      runs: runs.map((r) => ({ performance: r.performance, lcpMs: r.lcpMs, tbtMs: r.tbtMs })),
    };
    results.push(figures);
    console.log(
      `  ${page.name}: performance ${figures.performance} (LCP ${figures.lcpMs} ms, TBT ${figures.tbtMs} ms; runs ${runs.map((r) => r.performance).join(', ')}), accessibility ${figures.accessibility}, best practices ${figures.bestPractices}${figures.failedAudits.length > 0 ? `; below full marks: ${figures.failedAudits.join('; ')}` : ''}`,
    );
  }
  return results;
}

// ---------------------------------------------------------------------------------------------

interface StepFigures {
  observations: number;
  /** observation with its indexes and TOAST, and the indexes alone (MB). */
  tableMb: number;
  indexMb: number;
  syntheticRows: number;
  import: ImportFigures;
  /** Absent when the run left the export out (--only). */
  export?: ExportFigures;
  /** Empty when the run left the pages out (--only). */
  pages: PageFigures[];
  /** Empty when the run left the screens out (--only). */
  worstUrls: WorstUrlFigures[];
  serverHighWaterMarkMb: number;
}

const PARTS = ['import', 'export', 'pages', 'screens', 'frontend'] as const;
type Part = (typeof PARTS)[number];

/** The parts asked for. The rows are always loaded (every part reads them); `import` adds the COPY baselines. */
function parseOnly(text: string | undefined): Set<Part> {
  if (!text) return new Set(PARTS);
  const names = text.split(',').map((s) => s.trim());
  const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (unknown.length > 0) throw new UserError(`--only: unknown part ${unknown.join(', ')}; use ${PARTS.join(', ')}`);
  return new Set<Part>(names as Part[]);
}

/** The growth chart of a results file, beside it (same name, .svg). */
function writeChart(jsonFile: string, steps: readonly GrowthStep[]): string {
  const svgFile = jsonFile.replace(/\.json$/, '') + '.svg';
  writeFileSync(
    svgFile,
    growthChartSvg(steps, `How each cost grows with the rows loaded (${path.basename(jsonFile)})`),
  );
  return svgFile;
}

async function referenceCodes(sql: postgres.Sql): Promise<{ reporters: NamedCode[]; partners: NamedCode[] }> {
  const countries = await sql<
    NamedCode[]
  >`SELECT code, name FROM partner WHERE kind = 'COUNTRY' ORDER BY (code = 'KAZ') DESC, code`;
  const aggregates = await sql<NamedCode[]>`SELECT code, name FROM partner WHERE code LIKE 'AGG\\_%' ORDER BY code`;
  const reporters = countries.slice(0, REPORTER_COUNT);
  // All aggregates (the world, the EU, regions), then countries up to the partner count.
  const partners = [...aggregates, ...countries].slice(0, PARTNER_COUNT + 1);
  return { reporters, partners };
}

/** Reporters, in file order, whose rows add up to at least `minRows` (all of them when there are fewer). */
function exportReporters(segments: readonly SegmentFile[], minRows: number): { codes: string[]; rows: number } {
  const counts = new Map<string, number>();
  for (const s of segments) for (const [code, n] of s.reporters) counts.set(code, (counts.get(code) ?? 0) + n);
  const codes: string[] = [];
  let rows = 0;
  for (const [code, n] of counts) {
    if (rows >= minRows) break;
    codes.push(code);
    rows += n;
  }
  return { codes, rows };
}

runMain(async () => {
  if (args.chart) {
    const file = path.resolve(args.chart);
    if (!existsSync(file)) throw new UserError(`--chart: ${file} does not exist`);
    const results = JSON.parse(readFileSync(file, 'utf8')) as { steps?: GrowthStep[] };
    if (!Array.isArray(results.steps) || results.steps.length === 0)
      throw new UserError(`--chart: ${file} has no steps (is it a bench/results file?)`);
    console.log(`Written ${path.relative(ROOT, writeChart(file, results.steps))}`);
    return;
  }
  const only = parseOnly(args.only);
  const quick = args.quick ?? false;
  const rows = args.rows ? positiveInt(args.rows, '--rows') : quick ? 100_000 : 10_000_000;
  const steps = args.steps
    ? args.steps.split(',').map((s) => positiveInt(s, '--steps'))
    : quick
      ? [rows / 10, rows].map(Math.round)
      : rows > 1_000_000
        ? [1_000_000, rows]
        : [rows];
  if (steps.some((s, i) => i > 0 && s <= (steps[i - 1] ?? 0))) throw new UserError('--steps must increase');
  // Requests per connection for the cached runs; uncached runs (seconds per request) make 3.
  const perConnection = args.requests ? positiveInt(args.requests, '--requests') : quick ? 4 : 8;
  const date = new Date().toISOString().slice(0, 10);
  const outFile = args.out ?? path.join(ROOT, 'bench', 'results', `${date}${quick ? '-quick' : ''}.json`);
  const startedAt = new Date();
  const runStarted = process.hrtime.bigint();
  console.log(
    `Benchmark: steps ${steps.map(fmt).join(' → ')} synthetic rows; ${os.cpus().length} CPU(s), load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );

  if ((only.has('pages') || only.has('frontend') || only.has('export')) && buildIsStale()) {
    console.log('Building the app (next build) …');
    await nextBuild();
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  // The server reads the segment files itself for the bare COPY FROM baseline.
  chmodSync(dir, 0o755);
  const cluster = await startTestCluster({
    settings: ['shared_preload_libraries=pg_stat_statements', 'pg_stat_statements.track_planning=on'],
  });
  let server: ChildProcess | undefined;
  try {
    console.log('Creating a seeded throwaway database …');
    const writerUrl = await cluster.createDatabase('bench');
    // pg_stat_statements and the COPY baseline's server-side files need the superuser; the app
    // reads as the reader, as it does in production.
    const url = cluster.adminUrl(writerUrl);
    const readerUrl = cluster.readerUrl(writerUrl);
    // lib/sql.ts (the app's postgres.js client, used to build the export's COPY statement) reads it.
    process.env.DATABASE_URL = url;
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS pg_stat_statements`;
      await sql`
        INSERT INTO source (id, kind, title, publisher, attribution)
        VALUES (${SOURCE}, 'STATISTICAL_DATASET', 'Direction of Trade Statistics, all reporters (synthetic benchmark data)',
                'Benchmark', 'Synthetic rows generated by scripts/bench.ts; not data.')`;
      const { reporters, partners } = await referenceCodes(sql);
      console.log(
        `Writing ${fmt(rows)} tidy rows (${reporters.length} reporters × up to ${partners.length - 1} partners × ${LAST_YEAR - FIRST_YEAR + 1} years × 3 flows) …`,
      );
      const t = process.hrtime.bigint();
      const segments = await writeSyntheticSegments(
        { sourceId: SOURCE, reporters, partners, firstYear: FIRST_YEAR, lastYear: LAST_YEAR },
        steps,
        (i) => path.join(dir, `segment-${i}.csv`),
      );
      console.log(
        `  ${segments.map((s) => `${fmt(s.rows)} rows, ${round(statSync(s.file).size / 1e6)} MB`).join('; ')} in ${round(seconds(t))} s`,
      );
      if (only.has('import')) await createBaselineTables(sql);

      const results: StepFigures[] = [];
      let js: RouteJs[] = [];
      let scores: LighthouseFigures[] = [];
      let floor: LighthouseFigures[] = [];
      let quiet: QuietFigures | undefined;
      // Written after every step, so that a run stopped half-way still leaves its figures.
      const write = (complete: boolean): Check[] => {
        const report = summarise(results, js, scores);
        const output = {
          complete,
          startedAt: startedAt.toISOString(),
          minutes: round(seconds(runStarted) / 60),
          command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
          machine: {
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model,
            memoryGb: round(os.totalmem() / 1e9),
            node: process.version,
            loadAverage: os.loadavg().map((l) => round(l, 2)),
          },
          dataset: {
            source: SOURCE,
            reporters: reporters.length,
            partners: partners.length - 1,
            years: `${FIRST_YEAR}-${LAST_YEAR}`,
            flows: 3,
            steps,
          },
          requestsPerConnection: { uncached: UNCACHED_REQUESTS_PER_CONNECTION, cached: perConnection },
          targets: TARGETS,
          checks: report,
          steps: results,
          firstLoadJs: js,
          lighthouse: scores,
          lighthouseFloor: floor,
          lighthouseConditions: quiet,
        };
        mkdirSync(path.dirname(outFile), { recursive: true });
        writeFileSync(outFile, `${JSON.stringify(output, null, 2)}\n`);
        writeChart(outFile, results);
        return report;
      };
      for (const [i, segment] of segments.entries()) {
        const loaded = steps[i] ?? 0;
        console.log(
          `\n■ Step ${i + 1}/${segments.length}: importing ${fmt(segment.rows)} rows (${fmt(loaded)} synthetic in all)`,
        );
        const imported = await measureImport(writerUrl, url, sql, segment, only.has('import'));
        console.log(
          imported.baselines
            ? `  importer ${fmt(imported.importerRowsPerSecond)} rows/s (${imported.importerSeconds} s), COPY FROM ${fmt(imported.copyRowsPerSecond)} rows/s (${imported.copySeconds} s): ${imported.ratio}×; bare COPY FROM ${fmt(imported.bareCopyRowsPerSecond)} rows/s (${imported.bareCopySeconds} s): ${imported.bareRatio}×\n` +
                `  COPY FROM into the same indexes without foreign keys ${fmt(imported.indexedCopyRowsPerSecond)} rows/s (${imported.indexedCopySeconds} s): ${imported.indexedBareRatio}× bare, the most a loader keeping these indexes could reach`
            : `  importer ${fmt(imported.importerRowsPerSecond)} rows/s (${imported.importerSeconds} s); no COPY baselines (--only without import)`,
        );
        if (imported.cpu)
          console.log(
            `  CPU during the import: importer ${imported.cpu.importerSeconds} s, PostgreSQL ${imported.cpu.postgresSeconds} s`,
          );
        const [count] = await sql<{ n: number; mb: number; indexMb: number }[]>`
          SELECT count(*)::int AS n, (pg_total_relation_size('observation') / 1048576)::int AS mb,
                 (pg_indexes_size('observation') / 1048576)::int AS "indexMb"
          FROM observation`;

        const uncached: {
          sqlMs: number;
          statements: number;
          serialRenderMs: number;
          topStatements: StatementCost[];
          load: LoadFigures;
        }[] = [];
        const worstUrls: WorstUrlFigures[] = [];
        if (only.has('pages') || only.has('screens')) {
          const plain = await startServer(readerUrl, { QUERY_CACHE: 'off', PAGE_CACHE: 'off' });
          server = plain.server;
          if (only.has('screens')) {
            console.log("  each screen's worst URL without the query and page caches, one request at a time");
            for (const url of WORST_URLS) {
              const figures = await worstUrl(plain.base, sql, url);
              worstUrls.push(figures);
              console.log(
                `    ${url.screen.padEnd(26)} HTTP ${figures.status} in ${figures.wallMs} ms; SQL ${figures.sqlMs} ms in ${figures.statements} statements`,
              );
            }
          }
          if (only.has('pages'))
            console.log('  pages without the query and page caches: SQL time per render, 16 connections');
          for (const page of only.has('pages') ? PAGES : []) {
            const timing = await sqlTimePerRender(plain.base, sql, page.path);
            const figures = await load(plain.base + page.path, 16, UNCACHED_REQUESTS_PER_CONNECTION);
            uncached.push({ ...timing, load: figures });
            console.log(
              `    ${page.name.padEnd(12)} SQL ${timing.sqlMs} ms in ${timing.statements} statements, one request ${timing.serialRenderMs} ms; 16 conn p50 ${figures.p50} p95 ${figures.p95} ms`,
            );
          }
          await stopNextServer(server);
          server = undefined;
        }

        // The export first, on a fresh server, so that its memory baseline is not the load tests' garbage.
        const started = only.has('export') || only.has('pages') ? await startServer(readerUrl, {}) : null;
        server = started?.server;
        let exported: ExportFigures | undefined;
        if (started && only.has('export')) {
          const exportSet = exportReporters(segments.slice(0, i + 1), EXPORT_MIN_ROWS);
          const exportQuery = `source=${SOURCE}&reporter=${exportSet.codes.join(',')}`;
          // The same filters as the route's WHERE (codes are [A-Z]{3}, the source id a constant).
          const bareWhere = `WHERE o.source_id = '${SOURCE}' AND o.reporter_code = ANY('{${exportSet.codes.join(',')}}'::text[])`;
          // On a vacuumed, checkpointed database and idle CPUs, as for Lighthouse, recorded in the
          // JSON: the download through the app took 4.4-9.1 s in runs of 2026-12-07 while its
          // baselines held steady. A quiet start did not remove that spread (docs/performance.md),
          // but it rules out the import's and the baselines' after-effects.
          const quiet = await waitForQuiet(sql);
          console.log(
            `  export: ${fmt(exportSet.rows)} rows as CSV (${exportSet.codes.length} reporters), after VACUUM, CHECKPOINT and ${quiet.waitedSeconds} s in all: CPUs ${quiet.idlePercent} % idle`,
          );
          exported = await measureExport(
            started.base,
            started.server.pid ?? 0,
            url,
            exportQuery,
            bareWhere,
            exportSet.rows,
            quiet,
          );
          console.log(
            `    API ${fmt(exported.apiRowsPerSecond)} rows/s (${exported.apiSeconds} s, ${exported.megabytes} MB), COPY TO ${fmt(exported.copyRowsPerSecond)} rows/s (${exported.copySeconds} s): ${exported.ratio}×; bare COPY TO ${fmt(exported.bareCopyRowsPerSecond)} rows/s (${exported.bareCopySeconds} s): ${exported.bareRatio}×; EXPLAIN ANALYZE of the statement ${exported.statementPlan.executionMs} ms, bare ${exported.barePlan.executionMs} ms; server RSS ${exported.serverRssBeforeMb} → peak ${exported.serverRssPeakMb} MB`,
          );
          const split = (c: CpuSplit) =>
            `server ${c.serverSeconds}, PostgreSQL ${c.postgresSeconds}, the client ${c.clientSeconds}, the rest ${c.otherSeconds}`;
          console.log(
            `    CPU seconds during the API download: ${split(exported.cpu.api)}; the route's COPY: ${split(exported.cpu.copy)}; the bare COPY: ${split(exported.cpu.bare)}`,
          );
        }
        const pages: PageFigures[] = [];
        if (started && only.has('pages')) {
          console.log('  pages with the query and page caches: 16 and 64 connections');
          for (const [j, page] of PAGES.entries()) {
            const walls: number[] = [];
            for (let k = 0; k < 6; k += 1) {
              const t0 = process.hrtime.bigint();
              await fetch(started.base + page.path).then((r) => r.arrayBuffer());
              if (k > 0) walls.push(seconds(t0) * 1000);
            }
            walls.sort((a, b) => a - b);
            const c16 = await load(started.base + page.path, 16, perConnection);
            const c64 = await load(started.base + page.path, 64, perConnection);
            const u = uncached[j];
            if (!u) continue;
            pages.push({
              name: page.name,
              path: page.path,
              sqlMs: u.sqlMs,
              statements: u.statements,
              topStatements: u.topStatements,
              uncachedRenderMs: u.serialRenderMs,
              cachedRenderMs: round(percentile(walls, 50)),
              uncached16: u.load,
              cached16: c16,
              cached64: c64,
              ratioP50ToSql: round(c16.p50 / Math.max(u.sqlMs, 0.1), 1),
            });
            console.log(
              `    ${page.name.padEnd(12)} one request ${round(percentile(walls, 50))} ms; 16 conn p50/p95/p99 ${c16.p50}/${c16.p95}/${c16.p99} ms (${c16.requestsPerSecond}/s); 64 conn ${c64.p50}/${c64.p95}/${c64.p99} ms; errors ${c16.errors + c64.errors} ${JSON.stringify({ ...c16.statuses, ...c64.statuses })}`,
            );
          }
        }

        const hwm = started ? Math.round(mebibytes(treeHighWaterMark(started.server.pid ?? 0))) : 0;
        if (server) await stopNextServer(server);
        server = undefined;
        results.push({
          observations: count?.n ?? 0,
          tableMb: count?.mb ?? 0,
          indexMb: count?.indexMb ?? 0,
          syntheticRows: loaded,
          import: imported,
          ...(exported ? { export: exported } : {}),
          pages,
          worstUrls,
          serverHighWaterMarkMb: hwm,
        });

        if (i === 0 && only.has('frontend')) {
          // Once, after the first step: the front end does not change with the rows loaded, and the
          // pages answer from the query cache by then.
          console.log('\nFirst-load JavaScript per route (gzipped)');
          js = firstLoadJs();
          for (const r of js)
            console.log(`  ${r.route.padEnd(24)} ${r.gzipKb} KB (${r.uncompressedKb} KB uncompressed)`);
          if (!args['skip-lighthouse']) {
            console.log('\nLighthouse (mobile, simulated throttling)');
            const lh = await startServer(readerUrl, {});
            server = lh.server;
            for (const page of LIGHTHOUSE_PAGES) await fetch(lh.base + page.path).then((r) => r.arrayBuffer());
            quiet = await waitForQuiet(sql);
            console.log(
              `  after VACUUM, CHECKPOINT and ${quiet.waitedSeconds} s in all: CPUs ${quiet.idlePercent} % idle (waits for ${QUIET_IDLE_PERCENT} %)`,
            );
            scores = await lighthouse(lh.base, dir);
            await stopNextServer(server);
            server = undefined;
            console.log('\nLighthouse floor: one static page of a bare Next.js app, same machine and run');
            floor = await withFloorApp((base) => lighthouse(base, dir, [{ name: 'floor', path: '/' }]));
          }
        }
        write(false);
      }

      const report = write(true);
      printTable(report, results);
      console.log(`\nWritten to ${path.relative(ROOT, outFile)} (${round(seconds(runStarted) / 60)} min).`);
    } finally {
      await sql.end();
      const app = await import('../lib/sql').catch(() => null);
      await app?.sql.end().catch(() => {});
    }
  } finally {
    if (server) await stopNextServer(server);
    await cluster.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
});

interface Check {
  target: string;
  measured: string;
  pass: boolean;
}

function summarise(steps: StepFigures[], js: RouteJs[], scores: LighthouseFigures[]): Check[] {
  const last = steps.at(-1);
  if (!last) return [];
  const at = `at ${fmt(last.syntheticRows)} rows`;
  const lastExport = last.export;
  const importChecks: Check[] = [
    {
      target: `import ≥ ${TARGETS.importRatio}× COPY FROM (${at})`,
      measured: `${last.import.ratio}× (${fmt(last.import.importerRowsPerSecond)} vs ${fmt(last.import.copyRowsPerSecond)} rows/s)`,
      pass: last.import.ratio >= TARGETS.importRatio,
    },
    {
      target: `import ≥ ${fmt(TARGETS.importRowsPerSecond)} rows/s and ≥ ${TARGETS.importBareRatio}× bare COPY FROM (${at})`,
      measured:
        `${fmt(last.import.importerRowsPerSecond)} rows/s, ${last.import.bareRatio}× (bare COPY ${fmt(last.import.bareCopyRowsPerSecond)} rows/s); ` +
        `COPY into the same indexes without foreign keys: ${fmt(last.import.indexedCopyRowsPerSecond)} rows/s, ${last.import.indexedBareRatio}×` +
        (last.import.cpu
          ? `; CPU: importer ${last.import.cpu.importerSeconds} s, PostgreSQL ${last.import.cpu.postgresSeconds} s`
          : ''),
      pass:
        last.import.importerRowsPerSecond >= TARGETS.importRowsPerSecond &&
        last.import.bareRatio >= TARGETS.importBareRatio,
    },
  ];
  const checks: Check[] = [
    ...(last.import.baselines ? importChecks : []),
    ...(lastExport
      ? [
          {
            target: `export ≥ ${TARGETS.exportRatio}× COPY TO (${fmt(lastExport.rows)} rows)`,
            measured: `${lastExport.ratio}× (${fmt(lastExport.apiRowsPerSecond)} vs ${fmt(lastExport.copyRowsPerSecond)} rows/s)`,
            pass: lastExport.ratio >= TARGETS.exportRatio,
          },
          {
            target: `export ≥ ${TARGETS.exportBareRatio}× bare COPY TO (${fmt(lastExport.rows)} rows)`,
            measured: `${lastExport.bareRatio}× (${fmt(lastExport.apiRowsPerSecond)} vs ${fmt(lastExport.bareCopyRowsPerSecond)} rows/s)`,
            pass: lastExport.bareRatio >= TARGETS.exportBareRatio,
          },
          {
            target: `export server memory < ${TARGETS.exportRssMb} MB`,
            measured: `peak ${lastExport.serverRssPeakMb} MB`,
            pass: lastExport.serverRssPeakMb < TARGETS.exportRssMb,
          },
        ]
      : []),
    ...last.pages.flatMap((p) => [
      {
        target: `${p.name} p95 < ${TARGETS.pageP95Ms} ms, 16 conn (${at})`,
        measured: `${p.cached16.p95} ms (uncached ${p.uncached16.p95} ms; SQL ${p.sqlMs} ms)`,
        pass: p.cached16.p95 < TARGETS.pageP95Ms && p.cached16.errors === 0,
      },
      {
        target: `${p.name} p95 ≤ ${TARGETS.pageP95Ms64} ms, 64 conn (${at})`,
        measured: `${p.cached64.p95} ms`,
        pass: p.cached64.p95 <= TARGETS.pageP95Ms64 && p.cached64.errors === 0,
      },
      p.name === 'overview'
        ? {
            target: `overview's uncached SQL < ${TARGETS.overviewSqlMs} ms (${at})`,
            measured: `${p.sqlMs} ms in ${p.statements} statements${costliest(p.topStatements)}`,
            pass: p.sqlMs < TARGETS.overviewSqlMs,
          }
        : {
            target: `${p.name} first render ≤ ${TARGETS.firstRenderSqlMs} ms of SQL (${at})`,
            measured: `${p.sqlMs} ms in ${p.statements} statements${costliest(p.topStatements)}`,
            pass: p.sqlMs <= TARGETS.firstRenderSqlMs,
          },
    ]),
    ...last.worstUrls.map((w) => ({
      target: `worst URL of ${w.screen} ≤ ${fmt(TARGETS.worstUrlMs)} ms uncached (${at})`,
      measured: `HTTP ${w.status} in ${w.wallMs} ms (SQL ${w.sqlMs} ms)`,
      pass: w.wallMs <= TARGETS.worstUrlMs && w.status < 500,
    })),
    ...js.map((r) => ({
      target: `first-load JS ${r.route} ≤ ${TARGETS.firstLoadJsKb} KB gz`,
      measured: `${r.gzipKb} KB`,
      pass: r.gzipKb <= TARGETS.firstLoadJsKb,
    })),
    ...scores.map((s) => ({
      target: `Lighthouse ${s.name} ≥ ${TARGETS.lighthousePerformance}/${TARGETS.lighthouseAccessibility}/${TARGETS.lighthouseBestPractices}`,
      measured: `${s.performance}/${s.accessibility}/${s.bestPractices}`,
      pass:
        s.performance >= TARGETS.lighthousePerformance &&
        s.accessibility >= TARGETS.lighthouseAccessibility &&
        s.bestPractices >= TARGETS.lighthouseBestPractices,
    })),
    ...scores.map((s) => ({
      target: `Lighthouse ${s.name} LCP ≤ ${fmt(TARGETS.lighthouseLcpMs)} ms, TBT ≤ ${TARGETS.lighthouseTbtMs} ms, CLS ≤ ${TARGETS.lighthouseCls}`,
      measured: `${fmt(s.lcpMs)} ms, ${fmt(s.tbtMs)} ms, ${s.cls}${s.costs.length > 0 ? `; costs: ${s.costs.join('; ')}` : ''}`,
      pass: s.lcpMs <= TARGETS.lighthouseLcpMs && s.tbtMs <= TARGETS.lighthouseTbtMs && s.cls <= TARGETS.lighthouseCls,
    })),
  ];
  return checks;
}

function printTable(checks: Check[], steps: StepFigures[]): void {
  console.log('\nGrowth');
  console.table(
    steps.map((s) => ({
      'synthetic rows': fmt(s.syntheticRows),
      'table MB': s.tableMb,
      'import rows/s': fmt(s.import.importerRowsPerSecond),
      'COPY FROM rows/s': s.import.baselines ? fmt(s.import.copyRowsPerSecond) : '–',
      'COPY FROM, no FKs': s.import.baselines ? fmt(s.import.indexedCopyRowsPerSecond) : '–',
      'bare COPY FROM rows/s': s.import.baselines ? fmt(s.import.bareCopyRowsPerSecond) : '–',
      ...(s.export
        ? {
            'export rows/s': fmt(s.export.apiRowsPerSecond),
            'COPY TO rows/s': fmt(s.export.copyRowsPerSecond),
            'bare COPY TO rows/s': fmt(s.export.bareCopyRowsPerSecond),
            'export peak MB': s.export.serverRssPeakMb,
          }
        : {}),
      ...Object.fromEntries(s.pages.map((p) => [`${p.name} p95`, p.cached16.p95])),
      ...Object.fromEntries(s.pages.map((p) => [`${p.name} SQL`, p.sqlMs])),
    })),
  );
  console.log('\nTargets');
  const width = Math.max(...checks.map((c) => c.target.length));
  for (const c of checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${c.target.padEnd(width)}  ${c.measured}`);
  const failed = checks.filter((c) => !c.pass).length;
  console.log(`  ${checks.length - failed} passed, ${failed} failed`);
}
