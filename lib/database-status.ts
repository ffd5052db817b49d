// Whether PostgreSQL answers, checked at most once a second and shared by all requests, so that
// while it is away every request gets a quick 503 instead of waiting on a dead connection, and
// traffic resumes by itself within a second of its return.
import pg from 'pg';

export type DatabaseStatus = { up: true; checkedAt: number } | { up: false; checkedAt: number; reason: string };

const CHECK_EVERY_MS = 1_000;
const CHECK_TIMEOUT_MS = 1_500;

let current: DatabaseStatus | null = null;
let inFlight: Promise<DatabaseStatus> | null = null;
let lastAnswerAt = Date.now();
/**
 * A refused connection means PostgreSQL is gone, at once. A check that times out may only mean
 * this process is busy: under 64 concurrent page renders the event loop answers the check's own
 * timer late, and three slow checks in a row used to report a false outage (503s under load,
 * measured with the reliability test). Only this long without any answer means it is gone.
 */
const SILENCE_BEFORE_DOWN_MS = 8_000;

async function check(): Promise<DatabaseStatus> {
  const url = process.env.DATABASE_URL;
  if (!url) return { up: false, checkedAt: Date.now(), reason: 'DATABASE_URL is not set' };
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CHECK_TIMEOUT_MS, query_timeout: CHECK_TIMEOUT_MS });
  // A dropped connection emits 'error' outside any await; without a listener it would crash the process.
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    lastAnswerAt = Date.now();
    return { up: true, checkedAt: Date.now() };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (/timeout/i.test(String(error)) && !code) {
      if (Date.now() - lastAnswerAt < SILENCE_BEFORE_DOWN_MS) return { ...(current ?? { up: true }), checkedAt: Date.now() } as DatabaseStatus;
      return { up: false, checkedAt: Date.now(), reason: 'no answer in time' };
    }
    const reason = code === 'ECONNREFUSED' ? 'connection refused' : code?.startsWith('57P') ? 'shutting down or starting up' : 'query failed';
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
