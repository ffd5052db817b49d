import path from 'node:path';
import { readEnv } from '../../lib/env.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DATABASE_NAME = 'kaz_trade';

/** DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR, started here. */
export async function openDatabase(): Promise<EmbeddedDatabase & { embedded: boolean }> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, stop: async () => {}, embedded: false };
  }
  const db = await startEmbeddedPostgres({
    dataDir: path.resolve(ROOT, env.DATA_DIR),
    port: env.DB_PORT,
    database: DATABASE_NAME,
  });
  return { ...db, embedded: true };
}
