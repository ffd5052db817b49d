// npm run test:reliability [-- --long]: load, database fault, hostile-input, download, hanging
// database, junk-parameter and import-limit tests against a production server and its own
// embedded PostgreSQL. The short form runs inside `npm test`; the long form (60 s of load per
// route, 10,000 fuzz cases, a 35 s freeze) is run by hand.
import type { ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import fc from 'fast-check';
import postgres from 'postgres';
import { prepareEmbeddedRoles, ROOT } from './lib/database';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { buildIsStale, nextBuild } from './lib/next-build';
import { seedDatabase } from './lib/seed';
import { startNextServer } from './lib/next-server';
import { freePort } from './lib/test-database';
import { removeFuzzData, runImportFuzz } from './lib/import-fuzz';
import { downloadsPhase, hangPhase, importsPhase, junkPhase } from './lib/reliability-phases';
import { runMain } from './lib/user-error';

const { values: args } = parseArgs({
  options: {
    long: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const LONG = args.long;
const PHASES = ['load', 'fault', 'fuzz', 'downloads', 'hang', 'junk', 'imports'];
/** `--only fault` or `--only load,downloads`: some phases, in their usual order, for working on them. */
const ONLY = args.only?.split(',');
const unknownPhase = ONLY?.find((phase) => !PHASES.includes(phase));
if (unknownPhase !== undefined) {
  console.error(`reliability: --only takes phases among ${PHASES.join(', ')}, not "${unknownPhase}"`);
  process.exit(2);
}
const runs = (phase: string) => ONLY === undefined || ONLY.includes(phase);
/** The phase running now, which an uncaught error in the server's log fails (watchServerLog). */
let current = '';
async function during<T>(phase: string, run: () => Promise<T>): Promise<T | null> {
  if (!runs(phase)) return null;
  current = phase;
  return run();
}
const LOAD_SECONDS = LONG ? 60 : 5;
/** How long PostgreSQL is frozen in the hang phase (the issue's probe froze it for 35 s). */
const HANG_SECONDS = LONG ? 35 : 8;
const FUZZ_CASES = LONG ? 10_000 : 500;
/** Mutated import files per format, long form only (the short form's 100 run in the integration tests). */
const IMPORT_FUZZ_RUNS = 1_000;
const CONNECTIONS = 64;
/** Everything must answer 200 again within this long of PostgreSQL's return. */
const RECOVERY_LIMIT_MS = 5_000;

const LOAD_ROUTES = [
  '/',
  '/partners',
  '/partners/DEU',
  '/compare?partners=DEU,FRA,CHN,RUS&flow=turnover&from=2000&to=2020',
  '/data?partner=DEU&sort=year:desc',
  '/api/observations?partner=DEU,FRA&flow=turnover&from=2000&to=2020&format=csv',
];

interface Failure {
  phase: string;
  message: string;
}
const failures: Failure[] = [];
const fail = (phase: string, message: string) => failures.push({ phase, message });

/**
 * Passes the server's stderr on, and fails the running phase on an error nobody caught: the
 * server goes on after one, so no answer shows it, but it means a request or a download that
 * lost track of its work (2026-12-06: a COPY's error emitted before anyone listened left its
 * download holding a slot for good).
 */
function watchServerLog(server: ChildProcess): void {
  if (!server.stderr) return;
  readline.createInterface({ input: server.stderr }).on('line', (line) => {
    process.stderr.write(`${line}\n`);
    if (!/uncaughtException|unhandledRejection/.test(line) || !current) return;
    if (failures.some((f) => f.phase === current && f.message.startsWith('the server logged'))) return;
    fail(current, `the server logged an uncaught error: ${line.trim().slice(0, 300)}`);
  });
}

async function waitFor(url: string, status: number, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === status) return Date.now() - started;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
}

/** Routes that do not exist yet answer 404: load them only when they exist. */
async function existingRoutes(base: string): Promise<string[]> {
  const routes: string[] = [];
  for (const route of LOAD_ROUTES) {
    const response = await fetch(base + route);
    await response.arrayBuffer();
    if (response.status !== 404) routes.push(route);
    else console.log(`  (skipping ${route}: not built yet, 404)`);
  }
  return routes;
}

/**
 * Seconds autocannon waits for one answer before it counts a timeout (an error). A page that keeps
 * 64 visitors waiting longer than this is not holding, whatever it answers in the end.
 */
const LOAD_TIMEOUT_S = 10;

/**
 * Waits until the server is idle again. When autocannon stops it drops its in-flight requests,
 * but the server still renders them: without this pause each route would be measured behind the
 * previous route's backlog (measured: zero answers in 5 s for the routes after `/`).
 */
async function settle(base: string): Promise<number> {
  const started = Date.now();
  let quick = 0;
  while (Date.now() - started < 60_000) {
    const t = Date.now();
    try {
      const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
    } catch {
      // still busy
    }
    quick = Date.now() - t < 200 ? quick + 1 : 0;
    if (quick >= 3) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  fail('load', 'the server was still busy 60 s after the load stopped');
  return Date.now() - started;
}

async function loadPhase(base: string) {
  console.log(`\nLoad: ${CONNECTIONS} connections, ${LOAD_SECONDS} s per route`);
  const rows: { route: string; requests: number; errors: number; non2xx: number; p50: number; p99: number }[] = [];
  for (const route of await existingRoutes(base)) {
    await settle(base);
    const result = await autocannon({
      url: base + route,
      connections: CONNECTIONS,
      duration: LOAD_SECONDS,
      timeout: LOAD_TIMEOUT_S,
    });
    // A download beyond the MAX_CONCURRENT_EXPORTS running is refused with 429 by design.
    const refused = route.includes('format=') ? (result.statusCodeStats?.['429']?.count ?? 0) : 0;
    const row = {
      route,
      requests: result.requests.total,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx - refused,
      refused429: refused,
      p50: result.latency.p50,
      p99: result.latency.p99,
    };
    rows.push(row);
    // Without answers there is nothing to judge: zero requests must fail, not pass.
    if (row.requests - refused === 0) fail('load', `${route}: no 2xx answer within ${LOAD_SECONDS} s`);
    if (row.errors > 0 || row.non2xx > 0) fail('load', `${route}: ${row.errors} errors, ${row.non2xx} non-2xx answers`);
  }
  console.table(rows);
  await settle(base);
  return rows;
}

interface Sample {
  at: number;
  url: string;
  status: number;
  ms: number;
  /** The start of the body of an answer other than 200: which 503 it was. */
  note: string;
}

/** Stops PostgreSQL under load, restarts it, and checks answers during and after the outage. */
async function faultPhase(base: string, restartDb: () => Promise<void>, stopDb: () => Promise<void>) {
  console.log('\nDatabase fault: stop PostgreSQL under load, then start it again');
  const urls: ((n: number) => string)[] = [
    () => `${base}/`,
    // One page of the API (no download slot: 16 clients here would otherwise meet the 429 by design).
    () => `${base}/api/observations?partner=DEU&flow=turnover&from=2015&to=2020&page=1&size=100`,
    () => `${base}/api/sources`,
    // A search of its own each time, so that neither cache answers in PostgreSQL's place.
    (n) => `${base}/data?q=fault${n}`,
  ];
  const samples: Sample[] = [];
  let running = true;
  let next = 0;
  const t0 = Date.now();
  const worker = async () => {
    while (running) {
      // One count for all workers: every request of the data screen searches for a new word.
      const n = next++;
      const url = urls[n % urls.length]?.(n) ?? base;
      const started = Date.now();
      let status = 0;
      let note = '';
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        const body = await response.text();
        status = response.status;
        // A page's title says which 503 it is (database away, server busy, render failed).
        if (status !== 200) note = (/<title>([^<]*)<\/title>/.exec(body)?.[1] ?? body).slice(0, 60);
      } catch {
        status = -1; // no answer at all: connection error or hang
      }
      samples.push({ at: started - t0, url, status, ms: Date.now() - started, note });
    }
  };
  const workers = Array.from({ length: 16 }, () => worker());

  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const stopAt = Date.now() - t0;
  await stopDb();
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
  const healthBody = (await health.json()) as { reason?: string };
  if (health.status !== 503 || !healthBody.reason)
    fail('fault', `/api/health during the outage: ${health.status} ${JSON.stringify(healthBody)}`);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  await restartDb();
  const upAt = Date.now() - t0;
  const recoveryMs = await waitFor(`${base}/api/sources`, 200, 30_000);
  // The requirement: within 5 s of PostgreSQL's return everything answers 200 again. The load
  // goes on until 3 s past that mark, so that the answers after it are seen.
  await new Promise((resolve) =>
    setTimeout(resolve, Math.max(0, upAt + RECOVERY_LIMIT_MS + 3_000 - (Date.now() - t0))),
  );
  running = false;
  await Promise.all(workers);

  // Requests answered before the stop must all have succeeded; one still in flight at the stop
  // (an uncached /data page takes longer than a cached page) may have been cut: that is the fault window.
  const before = samples.filter((s) => s.at + s.ms < stopAt);
  // From the stop until 5 s after the return: each answer comes within 5 s, as a 200 or a clear 503.
  const during = samples.filter((s) => s.at >= stopAt && s.at < upAt + RECOVERY_LIMIT_MS);
  const after = samples.filter((s) => s.at >= upAt + RECOVERY_LIMIT_MS);
  const bad = (list: Sample[], ok: (s: Sample) => boolean) => list.filter((s) => !ok(s));
  const slowDuring = bad(during, (s) => s.ms <= 5_000 && s.status !== -1);
  const notOkBefore = bad(before, (s) => s.status === 200);
  const notOkAfter = bad(after, (s) => s.status === 200);
  const unclear = bad(during, (s) => s.status === 200 || s.status === 503 || s.status === -1 || s.ms > 5_000);
  // When answers became 200 for good: just after the last request that started after the return and was not answered 200.
  const lastNotOk = Math.max(upAt, ...samples.filter((s) => s.at >= upAt && s.status !== 200).map((s) => s.at));
  const settledMs = lastNotOk - upAt;
  const flaps = samples.filter((s) => s.at > upAt + recoveryMs && s.status !== 200);
  if (flaps.length > 0) {
    // Allowed within the 5 s, but worth seeing: which answers came after the first 200.
    console.log(
      `  after the first 200, ${flaps.length} answers were not 200 within ${settledMs} ms of the return: ${flaps
        .slice(0, 5)
        .map((x) => `${x.status} ${new URL(x.url).pathname} (${x.note})`)
        .join('; ')}`,
    );
  }
  if (slowDuring.length) {
    const detail = slowDuring.map(
      (s) => `${s.status} ${new URL(s.url).pathname} at +${s.at - stopAt} ms took ${s.ms} ms`,
    );
    fail(
      'fault',
      `${slowDuring.length} requests during the outage took over 5 s or got no answer: ${detail.slice(0, 20).join('; ')}`,
    );
  }
  if (notOkBefore.length)
    fail(
      'fault',
      `${notOkBefore.length} requests failed before the outage: ${[
        ...new Set(notOkBefore.map((x) => `${x.status} ${new URL(x.url).pathname} (${x.note})`)),
      ]
        .slice(0, 5)
        .join('; ')}`,
    );
  const statusesOf = (list: Sample[]) =>
    [...new Set(list.map((x) => `${x.status} ${new URL(x.url).pathname}`))].join(', ');
  if (notOkAfter.length) {
    const detail = notOkAfter
      .slice(0, 10)
      .map(
        (x) => `${x.status} ${new URL(x.url).pathname} at +${x.at - upAt} ms after the return, ${x.ms} ms: ${x.note}`,
      );
    fail(
      'fault',
      `${notOkAfter.length} requests failed more than 5 s after PostgreSQL was back (${statusesOf(notOkAfter)}): ${detail.join('; ')}`,
    );
  }
  if (unclear.length)
    fail(
      'fault',
      `${unclear.length} requests during the outage answered neither 200 nor 503 (${[...new Set(unclear.map((s) => s.status))].join(', ')})`,
    );
  if (recoveryMs > RECOVERY_LIMIT_MS) fail('fault', `recovery took ${recoveryMs} ms`);
  const summary = {
    requests: samples.length,
    duringOutage: during.length,
    answered503: during.filter((s) => s.status === 503).length,
    maxMsDuringOutage: Math.max(0, ...during.map((s) => s.ms)),
    recoveryMs,
    settledMs,
    healthDuringOutage: `${health.status} ${healthBody.reason ?? ''}`,
  };
  console.table([summary]);
  return summary;
}

const HOSTILE_VALUES = [
  "' OR 1=1--",
  '"; DROP TABLE observation; --',
  '%27%3B--',
  '\\',
  '$1',
  '${7*7}',
  '<script>alert(1)</script>',
  '%00',
  '%C3%28',
  '%FF%FE',
  '%E0%A4%A',
  '..%2F..%2Fetc%2Fpasswd',
  'x'.repeat(20_000),
  '9'.repeat(400),
  '-1',
  '1e309',
  'NaN',
  'DEU,'.repeat(500),
  'AGG_',
  'KAZ,KAZ',
  '',
  ' ',
  'null',
  'undefined',
  '[]',
  '{}',
];
const PARAM_NAMES = [
  'partner',
  'partners',
  'reporter',
  'flow',
  'from',
  'to',
  'source',
  'format',
  'sort',
  'dir',
  'year',
  'mode',
  'scale',
  'page',
  'size',
  'q',
  'group',
  'x',
];
const PATHS = ['/', '/api/observations', '/api/sources', '/partners', '/compare', '/data', '/sources', '/consistency'];
const LEAK = /at [\w$.<>]+ \(|node_modules|\.tsx?:\d+|SELECT |FROM observation|syntax error|prisma|postgres(ql)?:\/\//i;

/** Fast-check over query strings and path segments: never a 500, never a stack trace or SQL. */
async function fuzzPhase(base: string) {
  console.log(`\nFuzz: ${FUZZ_CASES} generated requests`);
  const value = fc.oneof(
    fc.constantFrom(...HOSTILE_VALUES),
    fc.string({ maxLength: 40 }).map(encodeURIComponent),
    fc.integer().map(String),
    fc.constantFrom('DEU', 'FRA,CHN', 'AGG_EU', 'turnover', 'csv', 'json', 'xlsx', '2000', '2020', 'year:desc'),
  );
  const query = fc
    .array(fc.tuple(fc.constantFrom(...PARAM_NAMES), value), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
  const segment = fc.oneof(
    fc.constantFrom(...HOSTILE_VALUES.filter((v) => v.length < 500)),
    fc.string({ maxLength: 20 }).map(encodeURIComponent),
  );
  const target = fc.oneof(
    fc.tuple(fc.constantFrom(...PATHS), query).map(([p, q]) => `${p}?${q}`),
    fc.tuple(segment, query).map(([s, q]) => `/partners/${s}?${q}`),
    segment.map((s) => `/${s}`),
  );
  let cases = 0;
  const statuses = new Map<number, number>();
  await fc
    .assert(
      fc.asyncProperty(target, async (url) => {
        cases += 1;
        const response = await fetch(base + url, { signal: AbortSignal.timeout(15_000), redirect: 'manual' });
        const body = await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) throw new Error(`${response.status} for ${url.slice(0, 200)}`);
        if (response.status >= 400 && LEAK.test(body))
          throw new Error(`leaky error body for ${url.slice(0, 200)}: ${body.slice(0, 200)}`);
      }),
      { numRuns: FUZZ_CASES, endOnFailure: true },
    )
    .catch((error: unknown) => fail('fuzz', String(error instanceof Error ? error.message : error).slice(0, 1_000)));
  console.log(
    `  ${cases} cases; statuses: ${[...statuses]
      .sort((a, b) => a[0] - b[0])
      .map(([s, n]) => `${s}×${n}`)
      .join(', ')}`,
  );
  return { cases, statuses: Object.fromEntries(statuses) };
}

/** Mutated files of every format through the importer, against the same database (long form). */
async function importFuzzPhase(url: string) {
  console.log(`\nImport fuzz: ${IMPORT_FUZZ_RUNS} mutated files per format`);
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reliability-import-fuzz-'));
  const started = Date.now();
  try {
    const stats = await runImportFuzz(sql, { dir, runsPerFormat: IMPORT_FUZZ_RUNS });
    console.log(`  ${JSON.stringify(stats)} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return stats;
  } catch (error) {
    fail('import-fuzz', String(error instanceof Error ? error.message : error).slice(0, 1_500));
    return null;
  } finally {
    await removeFuzzData(sql).catch(() => {});
    // An import the fuzz caught hanging still holds its connection: close it rather than wait.
    await sql.end({ timeout: 5 });
    rmSync(dir, { recursive: true, force: true });
  }
}

runMain(async () => {
  const dir = path.join(ROOT, '.data', `reliability-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const dbPort = await freePort();
  const appPort = await freePort();
  let db: EmbeddedDatabase | null = null;
  let server: ChildProcess | null = null;
  const open = async () => {
    db = await startEmbeddedPostgres({ dataDir: dir, port: dbPort, database: 'kaz_trade' });
    return db;
  };
  try {
    if (buildIsStale()) await nextBuild();
    const first = await open();
    // As in `npm start`: the writer migrates, seeds and imports; the app reads as the reader, so
    // that any write it attempted would fail here.
    const { writerUrl, readerUrl } = await prepareEmbeddedRoles(first.url, 'kaz_trade');
    await applyMigrations(writerUrl);
    await seedDatabase(writerUrl, () => {});
    server = startNextServer({ port: appPort, databaseUrl: readerUrl, stderr: 'pipe' });
    watchServerLog(server);
    const base = `http://127.0.0.1:${appPort}`;
    await waitFor(`${base}/api/health`, 200, 60_000);

    const load = await during('load', () => loadPhase(base));
    const fault = await during('fault', () =>
      faultPhase(
        base,
        async () => void (await open()),
        async () => {
          await db?.stop();
          db = null;
        },
      ),
    );
    const fuzz = await during('fuzz', () => fuzzPhase(base));
    const downloads = await during('downloads', () => downloadsPhase(base, fail));
    const junk = await during('junk', () => junkPhase(base, LOAD_SECONDS, fail));
    const hang = await during('hang', () => hangPhase(base, path.join(dir, 'pg'), HANG_SECONDS, fail));
    const importDir = mkdtempSync(path.join(os.tmpdir(), 'reliability-imports-'));
    const imports = await during('imports', () =>
      importsPhase(
        writerUrl,
        importDir,
        async () => {
          await db?.stop();
          db = null;
        },
        async () => void (await open()),
        fail,
      ),
    ).finally(() => rmSync(importDir, { recursive: true, force: true }));
    const importFuzz = LONG && !ONLY && db ? await during('import-fuzz', () => importFuzzPhase(writerUrl)) : null;
    console.log(
      '\nReliability',
      LONG ? '(long form)' : '(short form)',
      JSON.stringify({ load, fault, fuzz, downloads, junk, hang, imports, importFuzz }),
    );
  } finally {
    server?.kill('SIGTERM');
    await (db as EmbeddedDatabase | null)?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const f of failures) console.error(`✖ ${f.phase}: ${f.message}`);
  const phases = [...PHASES.filter(runs), ...(LONG && !ONLY ? ['import-fuzz'] : [])];
  const failed = phases.filter((p) => failures.some((f) => f.phase === p)).length;
  console.log(`reliability: ${phases.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});
