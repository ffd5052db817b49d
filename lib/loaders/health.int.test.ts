// /api/health reports what pages need: PostgreSQL answering, and a free connection in each pool
// the pages use. Downloads have connections of their own and are only counted.
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { sql } from '@/lib/sql';
import { testDownload } from '@/lib/testing/download';
import { getDatabaseHealth } from './health';

afterAll(async () => {
  await sql.end({ timeout: 5 });
  await db.$disconnect();
});

describe('getDatabaseHealth', () => {
  it('is ok, and counts the downloads running', async () => {
    expect(await getDatabaseHealth()).toEqual({ ok: true, downloads: { running: 0, limit: 4 } });
    const download = await testDownload();
    try {
      expect(await getDatabaseHealth()).toMatchObject({ ok: true, downloads: { running: 1 } });
    } finally {
      download.release();
    }
  });

  it('says which pool is exhausted while PostgreSQL itself answers', async () => {
    // Every connection of the SQL pool busy, as slow downloads on it once made them.
    const held = Array.from({ length: 5 }, () => sql`SELECT pg_sleep(4)`.execute());
    try {
      const health = await getDatabaseHealth();
      expect(health).toMatchObject({ ok: false, database: 'ok' });
      expect(health.ok ? '' : health.reason).toMatch(/the SQL pool \(postgres\.js\) gave no connection within 2000 ms/);
    } finally {
      await Promise.all(held);
    }
    expect(await getDatabaseHealth()).toMatchObject({ ok: true });
  }, 30_000);
});
