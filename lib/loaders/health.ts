import 'server-only';
import { appDatabaseUrl } from '@/lib/database-url';
import { db } from '@/lib/db';
import { getDatabaseStatus } from '@/lib/database-status';
import { MAX_CONCURRENT_EXPORTS } from '@/lib/export/export-limits';
import { exportsRunning } from '@/lib/export/export-slots';
import { sql } from '@/lib/sql';

/** A health check must answer quickly even when the database hangs or a pool is exhausted. */
export const HEALTH_TIMEOUT_MS = 2_000;

export interface DownloadsHealth {
  running: number;
  limit: number;
}

export type DatabaseHealth =
  | { ok: true; downloads: DownloadsHealth }
  | { ok: false; database: 'unreachable' | 'hung' | 'ok'; reason: string; downloads: DownloadsHealth };

class HealthTimeoutError extends Error {}

async function probe(query: () => Promise<unknown>): Promise<'ok' | 'timeout' | 'failed'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeoutError()), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([query(), timeout]);
    return 'ok';
  } catch (error) {
    if (error instanceof HealthTimeoutError) return 'timeout';
    console.error('[health] database query failed', error);
    return 'failed';
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether the pages can be served: PostgreSQL answers (lib/database-status.ts, on a connection of
 * its own), and each pool the pages use hands out a connection that answers `SELECT 1` within
 * HEALTH_TIMEOUT_MS. A pool that does not while PostgreSQL answers is exhausted: every connection
 * is taken (the reason says which pool). Never throws; `reason` is a fixed phrase, the underlying
 * error (which may name hosts or users) is only logged on the server. Downloads have connections
 * of their own and are reported, not judged: their limit answers 429 by design.
 */
export async function getDatabaseHealth(): Promise<DatabaseHealth> {
  const downloads = { running: exportsRunning(), limit: MAX_CONCURRENT_EXPORTS };
  if (!appDatabaseUrl()) return { ok: false, database: 'unreachable', reason: 'DATABASE_URL is not set', downloads };
  const status = await getDatabaseStatus();
  if (!status.up)
    return { ok: false, database: status.hung ? 'hung' : 'unreachable', reason: status.reason, downloads };

  const [prisma, postgresJs] = await Promise.all([probe(() => db.$queryRaw`SELECT 1`), probe(() => sql`SELECT 1`)]);
  // Pools that gave no answer may mean PostgreSQL began to hang meanwhile: the status says so by now.
  const after = prisma === 'ok' && postgresJs === 'ok' ? status : await getDatabaseStatus();
  if (!after.up) return { ok: false, database: after.hung ? 'hung' : 'unreachable', reason: after.reason, downloads };
  const problems: string[] = [];
  for (const [pool, outcome] of [
    ['the pages’ pool (Prisma)', prisma],
    ['the SQL pool (postgres.js)', postgresJs],
  ] as const) {
    if (outcome === 'timeout') {
      console.error(`[health] ${pool} gave no answer within ${HEALTH_TIMEOUT_MS} ms`);
      problems.push(
        `${pool} gave no connection within ${HEALTH_TIMEOUT_MS} ms while PostgreSQL answers: every connection is taken`,
      );
    } else if (outcome === 'failed') {
      problems.push(`${pool}: query failed`);
    }
  }
  if (problems.length > 0) return { ok: false, database: 'ok', reason: problems.join('; '), downloads };
  return { ok: true, downloads };
}
