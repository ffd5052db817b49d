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
