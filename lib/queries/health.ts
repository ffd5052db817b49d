import 'server-only';
import { db } from '@/lib/db';

/** A health check must answer quickly even when the database hangs. */
export const HEALTH_TIMEOUT_MS = 2_000;

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

class HealthTimeoutError extends Error {}

/**
 * Runs `SELECT 1`, giving up after HEALTH_TIMEOUT_MS. Never throws: the health route reports the
 * outcome. `reason` is a short fixed phrase; the underlying error (which may name hosts or users)
 * is only logged on the server.
 */
export async function getDatabaseHealth(): Promise<DatabaseHealth> {
  if (!process.env.DATABASE_URL) return { ok: false, reason: 'DATABASE_URL is not set' };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HealthTimeoutError()), HEALTH_TIMEOUT_MS);
  });
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return { ok: true };
  } catch (error) {
    if (error instanceof HealthTimeoutError) {
      console.error(`[health] database did not answer within ${HEALTH_TIMEOUT_MS} ms`);
      return { ok: false, reason: `no answer within ${HEALTH_TIMEOUT_MS} ms` };
    }
    console.error('[health] database query failed', error);
    return { ok: false, reason: 'query failed' };
  } finally {
    clearTimeout(timer);
  }
}
