import { rmSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@/scripts/lib/embedded-postgres';
import { freePort } from '@/scripts/lib/test-database';
import { createSql } from './sql';

// Its own PostgreSQL, because this test stops it.
const dir = path.resolve(import.meta.dirname, '..', '.data', `sql-fault-${process.pid}`);
let port = 0;
let server: EmbeddedDatabase | null = null;
const start = async () => {
  server = await startEmbeddedPostgres({ dataDir: dir, port, database: 'sql_fault' });
  return server.url;
};

beforeAll(async () => {
  port = await freePort();
  await start();
}, 60_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Fires `n` queries at once and returns how long the last one took to settle, and the errors. */
async function burst(client: postgres.Sql, n: number, limitMs: number) {
  const started = Date.now();
  const outcomes = Array.from({ length: n }, () =>
    client`SELECT 1`.then(
      () => ({ ok: true as const, ms: Date.now() - started }),
      (error: { code?: string }) => ({ ok: false as const, code: error.code ?? '', ms: Date.now() - started }),
    ),
  );
  const deadline = new Promise<null>((resolve) => setTimeout(() => resolve(null), limitMs));
  const settled = await Promise.all(outcomes.map((o) => Promise.race([o, deadline])));
  return { settled: settled.filter((s) => s !== null), pending: settled.filter((s) => s === null).length };
}

describe('the postgres.js client while PostgreSQL is away', () => {
  it('rejects every queued query within a second, then works again once PostgreSQL is back', async () => {
    const url = server!.url;
    const client = createSql(url);
    // The stock client is the control: its growing back-off is what made requests hang.
    const stock = postgres(url, { max: 5, connect_timeout: 5, onnotice: () => {} });
    try {
      await Promise.all(Array.from({ length: 5 }, () => Promise.all([client`SELECT 1`, stock`SELECT 1`])));
      await server!.stop();

      const ours = await burst(client, 60, 3_000);
      expect(ours.pending).toBe(0);
      expect(ours.settled.every((s) => !s.ok && /ECONNREFUSED|CONNECTION_CLOSED|57P0/.test(s.code))).toBe(true);
      expect(Math.max(...ours.settled.map((s) => s.ms))).toBeLessThan(1_000);

      const control = await burst(stock, 60, 3_000);
      expect(control.pending).toBeGreaterThan(0);

      await start();
      await expect(client`SELECT 2 AS n`).resolves.toEqual([{ n: 2 }]);
    } finally {
      await client.end({ timeout: 1 });
      await stock.end({ timeout: 0 });
    }
  }, 60_000);
});

// postgres.js 3.4 counted the rows of a query that failed part-way through into the next query on
// the same connection, whose result then began with that many holes (porsager/postgres#1119,
// #1181). Downloads cancel statements mid-stream and give the connection back, and a page query
// can fail after its first rows, so the next reader of that connection got holes for rows. The
// fix is a patch of postgres.js (scripts/patches/, docs/database.md).
describe('the postgres.js client after a query failed part-way through its rows', () => {
  const failsAfterFourRows = (client: postgres.Sql) =>
    client`SELECT g, 1 / (5 - g) AS x FROM generate_series(1, 10) AS g`.then(
      () => 'resolved',
      (error: { code?: string }) => error.code,
    );

  it('answers the next query on that connection with its own rows only', async () => {
    const client = createSql(server!.url, { max: 1 });
    try {
      expect(await failsAfterFourRows(client)).toBe('22012');
      const next = await client`SELECT n FROM generate_series(1, 3) AS n`;
      expect(next.count).toBe(3);
      expect(next.length).toBe(3);
      expect([...next]).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    } finally {
      await client.end({ timeout: 1 });
    }
  });

  it('starts the next cursor on that connection with its own rows', async () => {
    const client = createSql(server!.url, { max: 1 });
    try {
      const reserved = await client.reserve();
      expect(await failsAfterFourRows(reserved)).toBe('22012');
      const batches: unknown[][] = [];
      for await (const batch of reserved`SELECT n FROM generate_series(1, 5) AS n`.cursor(2)) batches.push([...batch]);
      expect(batches).toEqual([[{ n: 1 }, { n: 2 }], [{ n: 3 }, { n: 4 }], [{ n: 5 }]]);
      reserved.release();
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});

// A COPY that fails at once sends CopyOutResponse, the error and ReadyForQuery in one packet.
// Unpatched, postgres.js destroyed the stream before it had reached the caller: the error was
// emitted to nobody (an uncaught exception in the server) and the caller got a dead stream that
// never ended; a download then waited for its first row, and held its slot, for good.
describe('the postgres.js client when a COPY fails in its first packet', () => {
  it('hands the stream over alive and reports the error to a listener attached after the await', async () => {
    const client = createSql(server!.url, { max: 1 });
    try {
      const stream =
        await client`COPY (SELECT 1 / (g - 1) FROM generate_series(1, 3) AS g) TO STDOUT WITH (FORMAT csv, HEADER true)`.readable();
      const error = await new Promise<{ code?: string }>((resolve) => {
        stream.once('error', resolve);
        stream.resume();
      });
      expect(error.code).toBe('22012');
      // The connection is usable again.
      expect([...(await client`SELECT 1 AS one`)]).toEqual([{ one: 1 }]);
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});

// A COPY sends one message per row. Unpatched, postgres.js made a Buffer of each and pushed it
// into the stream on its own: a million-row download cost the server more CPU than PostgreSQL's
// COPY. Patched, it pushes what one socket read brought, which must be the same bytes.
describe('the postgres.js client reading a COPY', () => {
  it('hands over every row byte for byte, in chunks of many rows', async () => {
    const client = createSql(server!.url, { max: 1 });
    const rows = 40_000;
    try {
      // Rows of 1 to 400 bytes, so that messages straddle the socket's reads at every offset.
      const stream =
        await client`COPY (SELECT g, repeat(chr(97 + g % 26), g % 397) FROM generate_series(1, 40000) AS g) TO STDOUT`.readable();
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
      let expected = '';
      for (let g = 1; g <= rows; g++) expected += `${g}\t${String.fromCharCode(97 + (g % 26)).repeat(g % 397)}\n`;
      expect(Buffer.concat(chunks).toString('utf8')).toBe(expected);
      expect(chunks.length).toBeLessThan(rows / 20);
      // The connection goes on with the next statement.
      expect([...(await client`SELECT 1 AS one`)]).toEqual([{ one: 1 }]);
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});
