// Whether PostgreSQL answers, checked at most once a second and shared by all requests, so that
// while it is away every request gets a quick 503 instead of waiting on a dead connection, and
// traffic resumes by itself within a second of its return.
import pg from 'pg';

export type DatabaseStatus = { up: true; checkedAt: number } | { up: false; checkedAt: number; reason: string };

const CHECK_EVERY_MS = 1_000;
const CHECK_TIMEOUT_MS = 1_500;

let current: DatabaseStatus | null = null;
let inFlight: Promise<DatabaseStatus> | null = null;
/**
 * Only a definite answer means PostgreSQL is gone: a refused connection, or the server saying it
 * shuts down or starts up. A check that times out may only mean this process is busy: under 64
 * concurrent page renders its own event loop serves the check late, and timeouts counted as
 * "down" turned most of a 60 s load test into false 503s (measured with the long reliability
 * form). A server that hangs is left to the pool's connect and statement timeouts, and
 * /api/health still reports it.
 */
const DOWN_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|57P0[1-4]|3D000|28P01|28000)$/;

async function check(): Promise<DatabaseStatus> {
  const url = process.env.DATABASE_URL;
  if (!url) return { up: false, checkedAt: Date.now(), reason: 'DATABASE_URL is not set' };
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CHECK_TIMEOUT_MS,
    query_timeout: CHECK_TIMEOUT_MS,
  });
  // A dropped connection emits 'error' outside any await; without a listener it would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { up: true, checkedAt: Date.now() };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!DOWN_CODES.test(code)) return { ...(current ?? { up: true }), checkedAt: Date.now() } as DatabaseStatus;
    const reason =
      code === 'ECONNREFUSED'
        ? 'connection refused'
        : code.startsWith('57P')
          ? 'shutting down or starting up'
          : 'cannot connect';
    return { up: false, checkedAt: Date.now(), reason };
  } finally {
    client.end().catch(() => {});
  }
}

function refresh(): Promise<DatabaseStatus> {
  inFlight ??= check().then((status) => {
    current = status;
    inFlight = null;
    return status;
  });
  return inFlight;
}

/**
 * The last known status; refreshed in the background once it is older than a second. Only the
 * very first request waits for a check.
 */
export async function getDatabaseStatus(): Promise<DatabaseStatus> {
  if (!current) return refresh();
  if (Date.now() - current.checkedAt > CHECK_EVERY_MS) void refresh();
  return current;
}
