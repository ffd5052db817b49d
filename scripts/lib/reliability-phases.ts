// The reliability test's phases for issue 19's findings (scripts/reliability.ts runs them):
// aborted and slow downloads, a hanging database, junk-parameter load and the import limits.
// Each returns its figures and reports failures through `fail`.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import postgres from 'postgres';
import { MAX_CONCURRENT_EXPORTS } from '../../lib/export/export-limits';
import { TIDY_COLUMNS } from '../../lib/import/tidy-row';
import { ROOT } from './database';
import { childPids, mebibytes, treeHighWaterMark } from './process-memory';

export type Fail = (phase: string, message: string) => void;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HealthBody {
  status: string;
  reason?: string;
  downloads?: { running: number; limit: number };
}

async function health(base: string): Promise<{ status: number; body: HealthBody }> {
  const response = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(10_000) });
  return { status: response.status, body: (await response.json()) as HealthBody };
}

/** Polls until `check` holds, up to `limitMs`; returns the time it took, or null. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await pause(100);
  }
  return null;
}

/**
 * A download that reads its first bytes and then stops reading (`abort`: the client goes away;
 * otherwise it stays connected, reading nothing: a stalled or very slow client).
 */
function stalledDownload(url: string): Promise<{ status: number; close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      const close = () => request.destroy();
      response.once('data', () => {
        response.pause();
        resolve({ status: response.statusCode ?? 0, close });
      });
      response.once('end', () => resolve({ status: response.statusCode ?? 0, close }));
    });
    request.on('error', (error) => {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(error);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Downloads

/** A download the client leaves after `ms`, or after its first bytes when `ms` is null. */
function abandonedDownload(url: string, ms: number | null): Promise<void> {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      const leave = () => {
        request.destroy();
        resolve();
      };
      if (ms === null) response.once('data', leave);
      else response.resume();
      response.once('end', leave);
    });
    request.on('error', () => resolve());
    if (ms !== null)
      setTimeout(() => {
        request.destroy();
        resolve();
      }, ms);
  });
}

/**
 * Clients that leave at any moment of a download's start: before the statement, during a sort,
 * in the first packet of a COPY (a cancel landing there once left the download waiting for good,
 * found by a run like this step on 2026-12-06), after the first bytes, or never. A fixed seed,
 * so each run asks the same; only the timing varies.
 */
const ABANDONED_URLS = [
  '/api/observations?format=csv',
  '/api/observations?format=csv&sort=value:desc',
  '/api/observations?format=json',
  '/api/observations?format=xlsx',
  '/api/observations?partner=DEU,FRA&flow=turnover&from=2000&to=2020&format=csv',
  '/api/observations?partner=DEU&format=json&sort=year:desc',
];
const ABANDONED_ROUNDS = fc.sample(
  fc.array(
    fc.record({
      url: fc.constantFrom(...ABANDONED_URLS),
      // 0 to 400 ms, half of them within the first 100 ms, where the statement starts.
      ms: fc.option(
        fc.integer({ min: 0, max: 20 }).map((n) => n * n),
        { freq: 4 },
      ),
    }),
    { minLength: 1, maxLength: MAX_CONCURRENT_EXPORTS + 2 },
  ),
  { seed: 20261206, numRuns: 40 },
);

export async function downloadsPhase(base: string, fail: Fail) {
  console.log('\nDownloads: aborted mid-file, then slow clients holding every download slot');
  const released: number[] = [];
  for (const format of ['csv', 'json', 'xlsx']) {
    for (let i = 0; i < MAX_CONCURRENT_EXPORTS + 2; i += 1) {
      const download = await stalledDownload(`${base}/api/observations?format=${format}`);
      if (download.status !== 200) fail('downloads', `${format} download ${i + 1}: ${download.status}`);
      download.close();
      const ms = await within(10_000, async () => (await health(base)).body.downloads?.running === 0);
      if (ms === null) fail('downloads', `an aborted ${format} download still held its slot after 10 s`);
      else released.push(ms);
    }
  }

  let abandoned = 0;
  let slowestAbandonedMs = 0;
  for (const round of ABANDONED_ROUNDS) {
    await Promise.all(round.map(({ url, ms }) => abandonedDownload(base + url, ms)));
    abandoned += round.length;
    const ms = await within(10_000, async () => (await health(base)).body.downloads?.running === 0);
    if (ms === null) {
      const asked = round.map(({ url, ms }) => `${url} left ${ms === null ? 'after its first bytes' : `at ${ms} ms`}`);
      fail('downloads', `downloads left at once still held a slot after 10 s: ${asked.join('; ')}`);
      break;
    }
    slowestAbandonedMs = Math.max(slowestAbandonedMs, ms);
  }

  const slow = [];
  for (let i = 0; i < MAX_CONCURRENT_EXPORTS; i += 1)
    slow.push(await stalledDownload(`${base}/api/observations?format=${['csv', 'json', 'xlsx'][i % 3]}`));
  const pages: { url: string; status: number; ms: number }[] = [];
  let refused: { status: number; body: string } = { status: 0, body: '' };
  try {
    const extra = await fetch(`${base}/api/observations?format=csv`, { signal: AbortSignal.timeout(10_000) });
    refused = { status: extra.status, body: await extra.text() };
    if (extra.status !== 429 || !/downloads are running/.test(refused.body))
      fail('downloads', `a download beyond the limit: ${extra.status} ${refused.body.slice(0, 120)}`);
    for (const url of ['/', '/partners', '/data?partner=DEU', '/api/sources', '/api/observations?partner=DEU&page=1']) {
      const started = Date.now();
      const response = await fetch(base + url, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      pages.push({ url, status: response.status, ms: Date.now() - started });
      if (response.status !== 200) fail('downloads', `${url} answered ${response.status} while downloads stalled`);
    }
    const during = await health(base);
    // A small file may have left the server whole (into socket buffers): at least one still runs.
    if (during.status !== 200 || !during.body.downloads?.running)
      fail('downloads', `health while downloads stalled: ${during.status} ${JSON.stringify(during.body)}`);
  } finally {
    for (const download of slow) download.close();
  }
  if ((await within(10_000, async () => (await health(base)).body.downloads?.running === 0)) === null)
    fail('downloads', 'the stalled downloads still held their slots 10 s after their clients went away');
  const summary = {
    abortedDownloads: released.length,
    slowestReleaseMs: Math.max(0, ...released),
    abandonedDownloads: abandoned,
    slowestAbandonedReleaseMs: slowestAbandonedMs,
    beyondLimit: refused.status,
    slowestPageMs: Math.max(0, ...pages.map((p) => p.ms)),
  };
  console.table([summary]);
  return summary;
}

// ---------------------------------------------------------------------------------------------
// A hanging database

/** Every request answers within this long of the freeze (in flight: the 12 s query deadline). */
export const HANG_BOUND_MS = 15_000;
/** Requests made this long after the freeze (hang detected) answer within QUICK_MS. */
const DETECTED_AFTER_MS = 4_000;
const QUICK_MS = 2_000;

function signalTree(pid: number, signal: NodeJS.Signals): void {
  for (const child of childPids(pid)) signalTree(child, signal);
  try {
    process.kill(pid, signal);
  } catch {
    // Ended meanwhile.
  }
}

export async function hangPhase(base: string, pgDir: string, seconds: number, fail: Fail) {
  console.log(`\nHanging database: PostgreSQL frozen (SIGSTOP) for ${seconds} s under load`);
  const postmaster = Number(readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const cached = ['/', '/partners'];
  for (const url of cached) for (let i = 0; i < 2; i += 1) await (await fetch(base + url)).arrayBuffer();
  let n = 0;
  const urls = () => [
    ...cached,
    '/api/sources',
    `/api/observations?partner=DEU&flow=export&from=2015&to=2020&page=${(n % 5) + 1}&size=10`,
    `/data?q=hang${(n += 1)}`,
  ];
  const samples: { at: number; url: string; status: number; ms: number }[] = [];
  let running = true;
  const t0 = Date.now();
  // Half the clients ask only for cached pages, so that some are free to ask while the others wait
  // on requests the freeze caught in flight.
  const worker = async (i: number) => {
    let k = i;
    while (running) {
      const list = i % 2 === 0 ? cached : urls();
      const url = list[k++ % list.length] ?? '/';
      const started = Date.now();
      let status = -1;
      try {
        const response = await fetch(base + url, { signal: AbortSignal.timeout(30_000) });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        // No answer at all.
      }
      samples.push({ at: started - t0, url, status, ms: Date.now() - started });
    }
  };
  const workers = Array.from({ length: 16 }, (_, i) => worker(i));
  await pause(2_000);
  const frozenAt = Date.now() - t0;
  signalTree(postmaster, 'SIGSTOP');
  let healthDuring: { status: number; body: HealthBody } | null = null;
  try {
    await pause(DETECTED_AFTER_MS);
    healthDuring = await health(base);
    if (healthDuring.status !== 503 || !/hangs/.test(healthDuring.body.reason ?? ''))
      fail('hang', `/api/health while PostgreSQL hung: ${healthDuring.status} ${JSON.stringify(healthDuring.body)}`);
    await pause(Math.max(0, frozenAt + seconds * 1000 - (Date.now() - t0)));
  } finally {
    signalTree(postmaster, 'SIGCONT');
  }
  const thawedAt = Date.now() - t0;
  const recoveryMs = await within(30_000, async () => (await fetch(`${base}/api/sources`)).status === 200);
  await pause(Math.max(0, thawedAt + 8_000 - (Date.now() - t0)));
  running = false;
  await Promise.all(workers);

  const during = samples.filter((s) => s.at >= frozenAt && s.at < thawedAt);
  const detected = during.filter((s) => s.at >= frozenAt + DETECTED_AFTER_MS && s.at + s.ms < thawedAt);
  const after = samples.filter((s) => s.at >= thawedAt + 5_000);
  const slow = during.filter((s) => s.status === -1 || s.ms > HANG_BOUND_MS);
  const notQuick = detected.filter((s) => s.ms > QUICK_MS);
  const unclear = during.filter((s) => s.status !== 200 && s.status !== 503 && s.status !== -1);
  const cachedNot200 = detected.filter((s) => cached.includes(s.url) && s.status !== 200);
  const notOkAfter = after.filter((s) => s.status !== 200);
  const show = (list: typeof samples) =>
    list
      .slice(0, 5)
      .map((s) => `${s.status} ${s.url} at +${s.at - frozenAt} ms took ${s.ms} ms`)
      .join('; ');
  if (slow.length)
    fail('hang', `${slow.length} requests took over ${HANG_BOUND_MS} ms or got no answer: ${show(slow)}`);
  if (notQuick.length)
    fail('hang', `${notQuick.length} requests after the hang was detected took over ${QUICK_MS} ms: ${show(notQuick)}`);
  if (unclear.length) fail('hang', `${unclear.length} answers were neither 200 nor 503: ${show(unclear)}`);
  if (cachedNot200.length)
    fail('hang', `${cachedNot200.length} cached pages were not served from the cache: ${show(cachedNot200)}`);
  if (notOkAfter.length)
    fail('hang', `${notOkAfter.length} requests failed 5 s after PostgreSQL thawed: ${show(notOkAfter)}`);
  if (recoveryMs === null) fail('hang', 'no 200 within 30 s of PostgreSQL thawing');
  const summary = {
    requests: samples.length,
    whileFrozen: during.length,
    cached200: detected.filter((s) => s.status === 200).length,
    answered503: during.filter((s) => s.status === 503).length,
    slowestMs: Math.max(0, ...during.map((s) => s.ms)),
    slowestAfterDetectionMs: Math.max(0, ...detected.map((s) => s.ms)),
    slowest: show([...during].sort((a, b) => b.ms - a.ms)),
    recoveryMs,
    health: `${healthDuring?.status} ${healthDuring?.body.reason ?? ''}`,
  };
  console.table([summary]);
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Junk parameters

export async function junkPhase(base: string, seconds: number, fail: Fail) {
  console.log(`\nJunk parameters: 64 connections, a unique ?cb= (then a unique search) per request, ${seconds} s each`);
  await (await fetch(`${base}/`)).arrayBuffer();
  const run = async (pathFor: (i: number) => string) => {
    let i = 0;
    const result = await autocannon({
      url: base,
      connections: 64,
      duration: seconds,
      timeout: 10,
      requests: [{ setupRequest: (request) => ({ ...request, path: pathFor((i += 1)) }) }],
    });
    const statuses = Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0]),
    );
    return {
      requests: result.requests.total,
      errors: result.errors + result.timeouts,
      p99: result.latency.p99,
      statuses,
    };
  };
  const junk = await run((i) => `/?cb=${Date.now()}-${i}`);
  const notRedirected = Object.entries(junk.statuses).filter(([code]) => code !== '308');
  if (junk.errors > 0 || notRedirected.length > 0)
    fail('junk', `unique ?cb=: ${junk.errors} errors, statuses ${JSON.stringify(junk.statuses)}`);
  const home = await fetch(`${base}/`);
  await home.arrayBuffer();
  if (home.headers.get('x-page-cache') !== 'hit')
    fail('junk', `/ after the junk load: ${home.headers.get('x-page-cache')}`);

  const searches = await run((i) => `/data?q=junk${Date.now()}x${i}`);
  const other = Object.keys(searches.statuses).filter((code) => code !== '200' && code !== '503');
  if (searches.errors > 0 || other.length > 0)
    fail('junk', `unique searches: ${searches.errors} errors, statuses ${JSON.stringify(searches.statuses)}`);
  const after = await health(base);
  if (after.status !== 200) fail('junk', `/api/health after the load: ${after.status} ${JSON.stringify(after.body)}`);
  const summary = { junk, searches, homeAfter: home.headers.get('x-page-cache') };
  console.log(JSON.stringify(summary));
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Import limits

/** The importer's peak memory above which a refused file counts as unbounded. */
const IMPORT_MEMORY_LIMIT_MB = 600;

async function runImport(databaseUrl: string, args: string[], whileRunning?: () => Promise<void>) {
  const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/import.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let peak = 0;
  const timer = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeHighWaterMark(child.pid));
  }, 50);
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  await whileRunning?.();
  const code = await exited;
  clearInterval(timer);
  return { code, stderr, stdout, peakMb: Math.round(mebibytes(peak)) };
}

/** A tidy file of one valid row (of a bundled source), with some cells replaced. */
const tidyFile = (cells: Partial<Record<(typeof TIDY_COLUMNS)[number], string>>) => {
  const row: Record<(typeof TIDY_COLUMNS)[number], string> = {
    source_id: 'imf_dots_2022_via_SamLeBlanc',
    reporter: 'Kazakhstan',
    reporter_code: 'KAZ',
    partner: 'Germany',
    partner_code: 'DEU',
    year: '2019',
    period: 'FY',
    flow: 'export',
    value: '1.5',
    unit: 'USD',
    scale: '1e6',
    flag: '',
    note: 'reliability',
    ...cells,
  };
  return `${TIDY_COLUMNS.join(',')}\n${TIDY_COLUMNS.map((c) => row[c]).join(',')}\n`;
};

export async function importsPhase(
  databaseUrl: string,
  dir: string,
  stopDb: () => Promise<void>,
  startDb: () => Promise<void>,
  fail: Fail,
) {
  console.log('\nImport limits: refused files, bounded memory, a database that goes away mid-import');
  const bomb = path.join(dir, 'bomb.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Exports, FOB');
  for (let i = 0; i < 600; i += 1) sheet.getCell(1 + i, 2).value = `${i} ${'x'.repeat(30_000)}`;
  await workbook.xlsx.writeFile(bomb);
  const cases: { name: string; file: string; args: string[]; expect: RegExp }[] = [
    { name: '1e400', file: 'huge-value.csv', args: [], expect: /column value: found "1e400/ },
    {
      name: 'period in another year',
      file: 'period.csv',
      args: [],
      expect: /column period: found "2019-05 with year 2024"/,
    },
    {
      name: '40,000-character note',
      file: 'long-note.csv',
      args: [],
      expect: /column note: found "40,000 characters"/,
    },
    { name: '20 MB note', file: 'huge-note.csv', args: [], expect: /a field of more than 1,000,000 characters/ },
    {
      name: 'workbook of 18 MB unpacked',
      file: bomb,
      args: ['--source-id', 'reliability_bomb'],
      expect: /unpacks to more than 16/,
    },
  ];
  writeFileSync(path.join(dir, 'huge-value.csv'), tidyFile({ value: '1e400' }));
  writeFileSync(path.join(dir, 'period.csv'), tidyFile({ year: '2024', period: '2019-05' }));
  writeFileSync(path.join(dir, 'long-note.csv'), tidyFile({ note: 'n'.repeat(40_000) }));
  writeFileSync(path.join(dir, 'huge-note.csv'), tidyFile({ note: 'n'.repeat(20_000_000) }));
  const results = [];
  for (const c of cases) {
    const file = path.isAbsolute(c.file) ? c.file : path.join(dir, c.file);
    const result = await runImport(databaseUrl, [file, ...c.args]);
    results.push({ case: c.name, exit: result.code, peakMb: result.peakMb });
    if (result.code !== 1 || !c.expect.test(result.stderr))
      fail('imports', `${c.name}: exit ${result.code}, ${result.stderr.slice(0, 300)}`);
    if (/\n\s+at /.test(result.stderr)) fail('imports', `${c.name}: a stack trace: ${result.stderr.slice(0, 300)}`);
    if (result.peakMb > IMPORT_MEMORY_LIMIT_MB)
      fail('imports', `${c.name}: the importer peaked at ${result.peakMb} MB`);
  }

  // The database goes away in the middle of an import of 300,000 rows.
  const big = path.join(dir, 'big.csv');
  const lines = [[...TIDY_COLUMNS, 'series_key'].join(',')];
  for (let i = 0; i < 300_000; i += 1) {
    const year = String(1990 + (i % 30));
    lines.push(
      [
        'imf_dots_2022_via_SamLeBlanc',
        'Kazakhstan',
        'KAZ',
        'Germany',
        'DEU',
        year,
        'FY',
        'export',
        String(i + 1),
        'USD',
        '1',
        '',
        '',
        `reliability-${i}`,
      ].join(','),
    );
  }
  writeFileSync(big, `${lines.join('\n')}\n`);
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const gone = await runImport(databaseUrl, [big], async () => {
    const running = await within(60_000, async () => {
      // The import's transaction is not visible from here; its statements on the stage table are.
      const [row] = await sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_stat_activity WHERE query ILIKE '%stage%' AND pid <> pg_backend_pid()`;
      return (row?.n ?? 0) > 0;
    });
    if (running === null) fail('imports', 'the large import never started');
    await sql.end({ timeout: 1 });
    await stopDb();
  });
  await startDb();
  results.push({ case: 'database stopped mid-import', exit: gone.code, peakMb: gone.peakMb });
  if (gone.code !== 1 || !/connection was lost/.test(gone.stderr))
    fail('imports', `database stopped mid-import: exit ${gone.code}, ${gone.stderr.slice(0, 300)}`);
  if (/\n\s+at /.test(gone.stderr))
    fail('imports', `database stopped mid-import: a stack trace: ${gone.stderr.slice(0, 400)}`);
  console.table(results);
  return results;
}
