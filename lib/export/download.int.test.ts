// Downloads end their statement and give their connection back whatever the client does, and
// never take more than MAX_CONCURRENT_EXPORTS connections. Driven through the API's route handler,
// as Next.js calls it, with the request's abort signal standing for the client.
import v8 from 'node:v8';
import vm from 'node:vm';
import { NextRequest } from 'next/server';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/api/observations/route';
import { sql as appSql } from '@/lib/sql';
import { connectTestDatabase, connectTestObserver, testDatabaseUrl } from '@/lib/testing/database';
import { testDownload } from '@/lib/testing/download';
import { MAX_CONCURRENT_EXPORTS } from './export-limits';
import { exportsRunning } from './export-slots';
import { copyObservationsCsv } from './observations-csv';

const sql = connectTestDatabase();
/** Watches the app's connections (pg_stat_activity shows a role only its own statements). */
const observer = connectTestObserver();
const tag = `${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;
const SOURCE = `test_download_${tag}`;
const ROWS = 30_000;

beforeAll(async () => {
  await sql`
    INSERT INTO source (id, kind, title, publisher, attribution)
    VALUES (${SOURCE}, 'RESEARCH_DATASET', 'Download test source', 'Tests', 'Tests')`;
  await sql`
    INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_start, period_end,
                             period_key, series_key, value, unit, scale, note)
    SELECT ${SOURCE}, 'KAZ', 'DEU', 'export', 1990 + n % 30, 'FY', 'YEAR', make_date(1990 + n % 30, 1, 1), make_date(1990 + n % 30, 12, 31),
           (1990 + n % 30) || '|FY', 'dl-' || n, n, 'USD', 3, 'row ' || n || ' ' || repeat('x', 200)
    FROM generate_series(1, ${ROWS}::int) AS n`;
}, 120_000);

afterAll(async () => {
  await sql`DELETE FROM observation WHERE source_id = ${SOURCE}`;
  await sql`DELETE FROM source WHERE id = ${SOURCE}`;
  await sql.end();
  await observer.end();
  await appSql.end();
});

/** A full garbage collection (the flag is set at run time, so the suite needs no --expose-gc). */
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const collectGarbage = async () => {
  for (let i = 0; i < 2; i += 1) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
};

const request = (query: string, signal?: AbortSignal) =>
  new NextRequest(`http://localhost/api/observations?source=${SOURCE}&${query}`, { signal });

/** Backends of downloads that are running or waiting in a statement. */
const busyExportBackends = async () =>
  (
    await observer<{ wait: string | null }[]>`
      SELECT wait_event_type AS wait FROM pg_stat_activity
      WHERE application_name = 'kaz-trade-dashboard-export' AND state <> 'idle' AND pid <> pg_backend_pid()`
  ).length;

describe('cancelling a COPY that has begun', () => {
  it('ends it in PostgreSQL (57014) instead of letting it run to the end', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const download = await testDownload();
      const body = await copyObservationsCsv(download, { source: [SOURCE], format: 'csv' });
      // The client reads nothing: PostgreSQL fills the socket and waits to write the rest.
      await vi.waitFor(
        async () => {
          const [row] = await observer<{ wait: string | null }[]>`
          SELECT wait_event AS wait FROM pg_stat_activity WHERE query LIKE 'COPY (%' AND pid <> pg_backend_pid()`;
          expect(row?.wait).toBe('ClientWrite');
        },
        { timeout: 10_000 },
      );
      await download.abort();
      // Read to the end, the body breaks where PostgreSQL stopped: it did not write the rest.
      await expect(new Response(body).arrayBuffer()).rejects.toThrow(/cancel/i);
      await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
    } finally {
      error.mockRestore();
    }
  });
});

describe('a client that goes away', () => {
  // Every format, aborted before the first row: the statement waits on a lock another session
  // holds, as a sort over millions of rows keeps the first row back.
  it.each(['csv', 'json', 'xlsx'])(
    'ends the %s statement at once and frees its connection, while it still waits',
    async (format) => {
      const locker = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
      let release = () => {};
      const unlocked = new Promise<void>((resolve) => (release = resolve));
      let holding: Promise<unknown> = Promise.resolve();
      const locked = new Promise<void>((resolve) => {
        holding = locker.begin(async (tx) => {
          await tx`LOCK TABLE indicator IN ACCESS EXCLUSIVE MODE`;
          resolve();
          await unlocked;
        });
      });
      try {
        await locked;
        const client = new AbortController();
        const answer = GET(request(`format=${format}`, client.signal));
        await vi.waitFor(async () => expect(await busyExportBackends()).toBe(1), { timeout: 10_000 });
        client.abort();
        await answer;
        await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
        // Still locked: the statement was cancelled, not finished.
        expect(await busyExportBackends()).toBe(0);
      } finally {
        release();
        await holding;
        await locker.end();
      }
    },
    60_000,
  );

  it.each(['csv', 'json', 'xlsx'])(
    'ends the %s download mid-file, more times than there are connections',
    async (format) => {
      for (let i = 0; i < MAX_CONCURRENT_EXPORTS + 2; i += 1) {
        const client = new AbortController();
        const response = await GET(request(`format=${format}`, client.signal));
        expect(response.status).toBe(200);
        const reader = response.body!.getReader();
        expect((await reader.read()).done).toBe(false);
        // Nothing holds the request now, as when Next.js streams a body after the handler returned:
        // a collection here once broke the link from the client's signal to the request's.
        await collectGarbage();
        client.abort();
        // Well under the 60 s stall timer, which would also end it: released by the abort.
        await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
      }
      expect(await busyExportBackends()).toBe(0);
      const full = await GET(request(`format=${format}&size=10&page=1`));
      expect(full.status).toBe(200);
      expect((await full.arrayBuffer()).byteLength).toBeGreaterThan(0);
    },
    240_000,
  );
});

describe('a database connection lost mid-file', () => {
  // As when PostgreSQL stops or restarts under a download (the reliability test's fault phase):
  // the backend is ended (FATAL 57P01) while the client holds a part of the file.
  const exportBackends = async () =>
    (
      await observer`SELECT pid FROM pg_stat_activity
                     WHERE application_name = 'kaz-trade-dashboard-export' AND pid <> pg_backend_pid()`
    ).length;
  const endExportBackends = async () => {
    await observer`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                   WHERE application_name = 'kaz-trade-dashboard-export' AND pid <> pg_backend_pid()`;
    await vi.waitFor(async () => expect(await exportBackends()).toBe(0), { timeout: 10_000 });
  };

  it.each(['csv', 'json', 'xlsx'])(
    'breaks the %s transfer rather than end a short file that looks whole, and gives the slot and the connection back',
    async (format) => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const response = await GET(request(`format=${format}`));
        expect(response.status).toBe(200);
        const reader = response.body!.getReader();
        expect((await reader.read()).done).toBe(false);
        await endExportBackends();
        const rest = async () => {
          for (;;) if ((await reader.read()).done) return 'ended as if whole';
        };
        await expect(rest()).rejects.toThrow();
        await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 30_000 });
      } finally {
        error.mockRestore();
      }
      // As many downloads at once as there are slots, each on a new connection.
      const again = await Promise.all(Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => GET(request('format=csv'))));
      expect(again.map((r) => r.status)).toEqual(Array(MAX_CONCURRENT_EXPORTS).fill(200));
      const lines = (await again[0]!.text()).trimEnd().split('\n');
      // The header and every row (the notes hold no line breaks).
      expect(lines).toHaveLength(ROWS + 1);
      await Promise.all(again.slice(1).map((r) => r.arrayBuffer()));
      await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
    },
    120_000,
  );
});

// A COPY that fails before its first flush (here a sort key out of float8's range; in the
// reliability test, a client whose cancel landed during the sort) comes back in one packet with
// the COPY's start. The download once waited for its first row for good, holding its slot, and
// the request was never answered.
describe('a CSV download whose statement fails in its first packet', () => {
  const OVERFLOW = `${SOURCE}_overflow`;
  beforeAll(async () => {
    await sql`
      INSERT INTO source (id, kind, title, publisher, attribution)
      VALUES (${OVERFLOW}, 'RESEARCH_DATASET', 'Overflow test source', 'Tests', 'Tests')`;
    // 1e300 × 10^300 is beyond float8, in which the value sort compares (lib/queries/observations.ts).
    await sql`
      INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind,
                               period_start, period_end, period_key, series_key, value, unit, scale)
      VALUES (${OVERFLOW}, 'KAZ', 'DEU', 'export', 2000, 'FY', 'YEAR', '2000-01-01', '2000-12-31', '2000|FY', 'overflow',
              1e300, 'USD', 300)`;
  });
  afterAll(async () => {
    await sql`DELETE FROM observation WHERE source_id = ${OVERFLOW}`;
    await sql`DELETE FROM source WHERE id = ${OVERFLOW}`;
  });

  it('answers 503 at once and gives its slot back', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await GET(
        new NextRequest(`http://localhost/api/observations?source=${OVERFLOW}&format=csv&sort=value:desc`),
      );
      expect(response.status).toBe(503);
      await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
      expect(error).toHaveBeenCalledWith('[export] copyObservationsCsv failed', expect.anything());
    } finally {
      error.mockRestore();
    }
  });
});

describe('the download limit', () => {
  it('refuses one download more than MAX_CONCURRENT_EXPORTS with a 429 and a message, and takes the next once one ends', async () => {
    const open = [];
    for (let i = 0; i < MAX_CONCURRENT_EXPORTS; i += 1) {
      const response = await GET(request('format=json'));
      expect(response.status).toBe(200);
      open.push(response);
    }
    const refused = await GET(request('format=csv'));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBeTruthy();
    expect(await refused.json()).toMatchObject({
      error: 'too_many_downloads',
      message: expect.stringContaining(`${MAX_CONCURRENT_EXPORTS} downloads are running`),
    });
    // The pages' pool is untouched by the downloads, and one page of the API needs no slot.
    expect(await appSql<{ one: number }[]>`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    const page = await GET(request('format=json&size=10&page=2'));
    expect(page.status).toBe(200);
    expect(await page.json()).toHaveLength(10);

    await open[0]!.body!.cancel();
    await vi.waitFor(() => expect(exportsRunning()).toBe(MAX_CONCURRENT_EXPORTS - 1), { timeout: 10_000 });
    const next = await GET(request('format=csv'));
    expect(next.status).toBe(200);
    await next.arrayBuffer();
    for (const response of open.slice(1)) await response.body!.cancel();
    await vi.waitFor(() => expect(exportsRunning()).toBe(0), { timeout: 10_000 });
  }, 60_000);
});
