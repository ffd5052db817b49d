// Export benchmark (not part of `npm test`: it takes a few minutes). Builds a throwaway database
// with the bundled data plus N synthetic observations (default 1,000,000), serves the production
// build against it, downloads /api/observations as CSV, JSON and XLSX, and samples the server's
// resident memory while it streams. It fails when the server grows by more than the limit.
//
//   npm run bench:export                 # 1,000,000 rows, CSV, JSON and XLSX, server heap 128 MB, 150 MB limit
//   npm run bench:export -- --rows=200000 --formats=csv --limit-mb=150
//   npm run bench:export -- --heap-mb=0     # the server's default heap (garbage then shows as RSS)
//   npm run bench:export -- --formats=csv --pause-ms=0   # CSV throughput against COPY TO, no slow-client pause
//
// CSV is also timed against PostgreSQL alone: the export's own `COPY (SELECT …) TO STDOUT`
// (observationsCsvCopyStatement), run by a client of its own. Run with `tsx --conditions=react-server`
// (npm run bench:export does) so that the app's query module loads.
import type { ChildProcess } from 'node:child_process';
import postgres from 'postgres';
import { buildIsStale, nextBuild } from './lib/next-build';
import { startNextServer, waitForHealth } from './lib/next-server';
import { mebibytes, sampleMemory } from './lib/process-memory';
import { freePort, startTestCluster } from './lib/test-database';
import { runMain, UserError } from './lib/user-error';

const SOURCE = 'bench_synthetic';
const QUERY = `source=${SOURCE}&sort=year:desc,value:asc`;

function option(name: string, fallback: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? fallback;
}

const mb = (bytes: number) => mebibytes(bytes).toFixed(0);

async function generate(url: string, rows: number): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql`INSERT INTO source (id, kind, title, publisher, attribution) VALUES (${SOURCE}, 'STATISTICAL_DATASET', 'Synthetic benchmark rows', 'Benchmark', 'Synthetic rows for the export benchmark; not data.')`;
    // Real partner codes and years, so the joins and the sort do the work they do in production;
    // the series key makes each row's natural key unique.
    await sql`
      WITH partners AS (SELECT array_agg(code ORDER BY code) AS codes FROM partner WHERE kind = 'COUNTRY')
      INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_start, period_end,
                               period_key, series_key, value, unit, scale, flag, note)
      SELECT ${SOURCE}, 'KAZ', p.codes[1 + n % array_length(p.codes, 1)], (ARRAY['export', 'import', 'turnover'])[1 + n % 3],
             1992 + n % 34, 'FY', 'YEAR', make_date(1992 + n % 34, 1, 1), make_date(1992 + n % 34, 12, 31),
             (1992 + n % 34) || '|FY', 'bench-' || n, round((random() * 1e6)::numeric, 3), 'USD', 3,
             CASE WHEN n % 97 = 0 THEN 'e' ELSE '' END,
             CASE WHEN n % 50 = 0 THEN '=formula-looking note ' || n ELSE 'synthetic row ' || n END
      FROM generate_series(1, ${rows}::int) AS n, partners p`;
    await sql`ANALYZE observation`;
  } finally {
    await sql.end();
  }
}

interface Result {
  format: string;
  rows: number;
  bytes: number;
  seconds: number;
  baseline: number;
  peak: number;
}

async function measure(base: string, pid: number, format: string, pauseMs: number): Promise<Result> {
  // Let the previous download's garbage go before taking the baseline.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  // One sample every 5 s in the log: memory should plateau, not climb with the rows sent.
  const sampler = sampleMemory(pid);
  let memory = { baseline: sampler.baseline, peak: sampler.baseline, timeline: [] as number[] };
  const started = Date.now();
  let bytes = 0;
  let newlines = 0;
  try {
    const response = await fetch(`${base}/api/observations?${QUERY}&format=${format}`);
    if (!response.ok || !response.body) throw new UserError(`${format}: HTTP ${response.status}`);
    const reader = response.body.getReader();
    let paused = pauseMs === 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      for (const byte of value) if (byte === 10) newlines += 1;
      // A slow client: stop reading for a while half-way; the server must wait, not buffer.
      if (!paused && bytes > 20 * 1024 * 1024) {
        paused = true;
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
      }
    }
  } finally {
    memory = sampler.stop();
    console.log(`  ${format} server RSS every 5 s (MB): ${memory.timeline.map(mb).join(' ')}`);
  }
  // CSV: one line per row plus the header; JSON: one line per row plus "[" and "]". XLSX is zipped.
  const rows = format === 'csv' ? newlines - 1 : format === 'json' ? newlines - 2 : Number.NaN;
  return { format, rows, bytes, seconds: (Date.now() - started) / 1000, baseline: memory.baseline, peak: memory.peak };
}

/** The export's own COPY statement, run directly by a client of its own: PostgreSQL's time alone. */
async function copyBaseline(url: string): Promise<{ lines: number; bytes: number; seconds: number }> {
  // lib/sql.ts reads the URL when the query module loads.
  process.env.DATABASE_URL = url;
  const { parseObservationQuery } = await import('../lib/validations/observations');
  const { observationsCsvCopyStatement } = await import('../lib/export/observations-csv');
  const { sql: appSql } = await import('../lib/sql');
  const parsed = parseObservationQuery(new URLSearchParams(`${QUERY}&format=csv`));
  if (!parsed.ok) throw new UserError(`export query: ${JSON.stringify(parsed.problems)}`);
  const statement = await observationsCsvCopyStatement(parsed.query);
  await appSql.end();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const started = Date.now();
    let lines = 0;
    let bytes = 0;
    for await (const chunk of (await sql.unsafe(statement).readable()) as AsyncIterable<Buffer>) {
      bytes += chunk.byteLength;
      for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
    }
    return { lines, bytes, seconds: (Date.now() - started) / 1000 };
  } finally {
    await sql.end();
  }
}

runMain(async () => {
  const rows = Number(option('rows', '1000000'));
  const formats = option('formats', 'csv,json,xlsx').split(',');
  const limitMb = Number(option('limit-mb', '150'));
  const pauseMs = Number(option('pause-ms', '10000'));
  // A capped V8 heap keeps garbage from passing for growth, and makes any real buffering crash the server.
  const heapMb = option('heap-mb', '128');
  if (!Number.isInteger(rows) || rows < 1) throw new UserError('--rows must be a positive whole number');

  if (buildIsStale()) {
    console.log('Building the app (next build) …');
    await nextBuild();
  }
  const cluster = await startTestCluster();
  let server: ChildProcess | undefined;
  try {
    console.log('Creating a seeded throwaway database …');
    const url = await cluster.createDatabase('bench');
    console.log(`Generating ${rows.toLocaleString('en-US')} synthetic observations …`);
    let t = Date.now();
    await generate(url, rows);
    console.log(`  done in ${((Date.now() - t) / 1000).toFixed(0)} s`);

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = startNextServer({
      port,
      databaseUrl: cluster.readerUrl(url),
      env: Number(heapMb) > 0 ? { NODE_OPTIONS: `--max-old-space-size=${Number(heapMb)}` } : {},
    });
    await waitForHealth(base, server);
    const pid = server.pid ?? 0;
    // Warm the route once (code loading, connection pool), so the baseline is the steady state.
    await fetch(`${base}/api/observations?source=${SOURCE}&size=10&page=1&format=json`).then((r) => r.text());

    const results: Result[] = [];
    for (const format of formats) {
      t = Date.now();
      const result = await measure(base, pid, format, format === 'csv' ? pauseMs : 0);
      results.push(result);
      console.log(
        `${format.padEnd(5)} ${Number.isNaN(result.rows) ? '(zipped)' : result.rows.toLocaleString('en-US')} rows, ${mb(result.bytes)} MB in ${result.seconds.toFixed(1)} s; ` +
          `server RSS ${mb(result.baseline)} MB before, peak ${mb(result.peak)} MB (+${mb(result.peak - result.baseline)} MB)`,
      );
    }
    const csv = results.find((r) => r.format === 'csv');
    if (csv && csv.rows !== rows) throw new UserError(`CSV had ${csv.rows} rows, expected ${rows}`);
    if (csv) {
      const copy = await copyBaseline(url);
      if (copy.lines - 1 !== rows) throw new UserError(`COPY TO gave ${copy.lines - 1} rows, expected ${rows}`);
      const apiRate = rows / (csv.seconds - (pauseMs > 0 ? pauseMs / 1000 : 0));
      console.log(
        `csv   API ${Math.round(apiRate).toLocaleString('en-US')} rows/s${pauseMs > 0 ? ` (without the ${pauseMs / 1000} s pause)` : ''}, ` +
          `COPY TO ${Math.round(rows / copy.seconds).toLocaleString('en-US')} rows/s (${copy.seconds.toFixed(1)} s): ${(apiRate / (rows / copy.seconds)).toFixed(2)}×` +
          `${copy.bytes === csv.bytes ? '; same bytes count' : `; bytes differ (API ${csv.bytes}, COPY ${copy.bytes})`}`,
      );
    }
    const worst = Math.max(...results.map((r) => r.peak - r.baseline));
    if (worst > limitMb * 1024 * 1024)
      throw new UserError(`server memory grew by ${mb(worst)} MB, more than the ${limitMb} MB limit`);
    console.log(
      `\nOK: the server grew by at most ${mb(worst)} MB while streaming ${rows.toLocaleString('en-US')} rows (limit ${limitMb} MB).`,
    );
  } finally {
    server?.kill('SIGTERM');
    await cluster.dispose();
  }
});
