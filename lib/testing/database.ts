// Helpers for integration tests, which run against the throwaway database in DATABASE_URL.
import postgres from 'postgres';
import { IMPORT_CONNECTION } from '@/lib/import/write-observations';

export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url || process.env.TEST_DATABASE !== '1') {
    throw new Error('Integration tests run through `npm run test:integration`, which provides a throwaway database.');
  }
  return url;
}

export const connectTestDatabase = () =>
  postgres(testDatabaseUrl(), { max: 2, onnotice: () => {}, connection: { ...IMPORT_CONNECTION } });

/**
 * Row counts and a checksum of every observation and of the official series, to prove that a
 * refused import changed nothing (sources and partners are counted too: an import may create a source).
 */
export async function databaseFingerprint(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ fp: string }[]>`
    SELECT concat_ws(':',
      (SELECT count(*) FROM observation), (SELECT count(*) FROM observation_revision), (SELECT count(*) FROM import_batch),
      (SELECT count(*) FROM source), (SELECT count(*) FROM partner),
      (SELECT md5(coalesce(string_agg(concat_ws('|', id, value, flag, note, updated_at), ',' ORDER BY id), '')) FROM observation),
      (SELECT md5(coalesce(string_agg(concat_ws('|', reporter_code, partner_code, indicator_code, year, value_usd_mn, source_id),
                                      ',' ORDER BY reporter_code, partner_code, indicator_code, year), '')) FROM official_series)
    ) AS fp`;
  return row?.fp ?? '';
}

/** The test database as its server's superuser, for what the roles may not do (a scratch database). */
export function testAdminDatabaseUrl(): string {
  const url = process.env.TEST_ADMIN_DATABASE_URL;
  if (!url || process.env.TEST_DATABASE !== '1') {
    throw new Error('Integration tests run through `npm run test:integration`, which provides a throwaway database.');
  }
  return url;
}

/**
 * A connection that sees every backend's state and statement: pg_stat_activity hides them for
 * other roles' backends, and the app's pools connect as the reader, the tests as the writer.
 */
export const connectTestObserver = () => postgres(testAdminDatabaseUrl(), { max: 1, onnotice: () => {} });
