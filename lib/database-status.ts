// Whether PostgreSQL answers, checked at most once a second on one kept-open connection and
// shared by all requests, so that while it is away or hangs every request gets a quick answer
// (a 503, or a page from the page cache) instead of waiting on a dead connection, and traffic
// resumes by itself within a second of its return.
import pg from 'pg';
import { appDatabaseUrl } from '@/lib/database-url';

export type DatabaseStatus =
  | { up: true; checkedAt: number }
  | {
      up: false;
      checkedAt: number;
      reason: string;
      /** Frozen rather than gone: connections open, no answers. */ hung: boolean;
    };

const CHECK_EVERY_MS = 1_000;
/**
 * A check that has had no answer for this long means PostgreSQL hangs (a frozen server accepts
 * connections and queries and answers none). The check is one `SELECT 1` on a connection kept
 * open, so it needs one round trip and no authentication; a server that takes 3 s for that is
 * not serving pages either.
 */
export const HANG_AFTER_MS = 3_000;

/**
 * Only a definite answer means PostgreSQL is gone: a refused connection, or the server saying it
 * shuts down or starts up. Other failures (a timeout) leave the status as it was, and silence is
 * judged by HANG_AFTER_MS.
 */
const DOWN_CODES = /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|EPIPE|57P0[1-4]|3D000|28P01|28000)$/;

interface StatusState {
  /** Checks every CHECK_EVERY_MS while the process runs, so a hang is seen with no request in flight. */
  heartbeat: ReturnType<typeof setInterval> | null;
  current: DatabaseStatus | null;
  inFlight: Promise<DatabaseStatus> | null;
  checkStartedAt: number;
  client: pg.Client | null;
}

// On globalThis: the proxy and the route handlers are bundled separately and must share one
// status and one check connection.
const state = ((globalThis as typeof globalThis & { __databaseStatus?: StatusState }).__databaseStatus ??= {
  heartbeat: null,
  current: null,
  inFlight: null,
  checkStartedAt: 0,
  client: null,
});

function dropClient(client: pg.Client): void {
  if (state.client === client) state.client = null;
  client.end().catch(() => {});
}

async function connectedClient(url: string): Promise<pg.Client> {
  if (state.client) return state.client;
  const client = new pg.Client({ connectionString: url, application_name: 'kaz-trade-dashboard-status' });
  // A dropped connection emits 'error' outside any await; without a listener it would crash the process.
  client.on('error', () => dropClient(client));
  client.on('end', () => dropClient(client));
  state.client = client;
  try {
    await client.connect();
  } catch (error) {
    dropClient(client);
    throw error;
  }
  return client;
}

async function check(): Promise<DatabaseStatus> {
  const url = appDatabaseUrl();
  if (!url) return { up: false, checkedAt: Date.now(), reason: 'DATABASE_URL is not set', hung: false };
  let client: pg.Client | null = null;
  try {
    client = await connectedClient(url);
    await client.query('SELECT 1');
    return { up: true, checkedAt: Date.now() };
  } catch (error) {
    if (client) dropClient(client);
    const code = (error as { code?: string }).code ?? '';
    if (!DOWN_CODES.test(code)) return { ...(state.current ?? { up: true }), checkedAt: Date.now() } as DatabaseStatus;
    const reason =
      code === 'ECONNREFUSED'
        ? 'connection refused'
        : code.startsWith('57P')
          ? 'shutting down or starting up'
          : 'cannot connect';
    return { up: false, checkedAt: Date.now(), reason, hung: false };
  }
}

function refresh(): Promise<DatabaseStatus> {
  if (!state.inFlight) {
    state.checkStartedAt = Date.now();
    state.inFlight = check().then((status) => {
      state.current = status;
      state.inFlight = null;
      return status;
    });
  }
  return state.inFlight;
}

function hungStatus(): DatabaseStatus {
  const seconds = ((Date.now() - state.checkStartedAt) / 1000).toFixed(0);
  return {
    up: false,
    checkedAt: Date.now(),
    reason: `PostgreSQL accepts connections but has not answered a query for ${seconds} s (it hangs)`,
    hung: true,
  };
}

/**
 * The last known status, refreshed in the background once it is older than a second; a check
 * unanswered for HANG_AFTER_MS makes it "hung". Never waits longer than HANG_AFTER_MS (only the
 * very first request waits for a check at all).
 */
export async function getDatabaseStatus(): Promise<DatabaseStatus> {
  // Requests stuck on a frozen database make none of the calls that would start a check.
  state.heartbeat ??= setInterval(() => void refresh(), CHECK_EVERY_MS).unref();
  if (state.inFlight && Date.now() - state.checkStartedAt > HANG_AFTER_MS) return hungStatus();
  if (!state.current) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const silence = new Promise<DatabaseStatus>((resolve) => {
      timer = setTimeout(() => resolve(hungStatus()), HANG_AFTER_MS);
    });
    try {
      return await Promise.race([refresh(), silence]);
    } finally {
      clearTimeout(timer);
    }
  }
  if (Date.now() - state.current.checkedAt > CHECK_EVERY_MS) void refresh();
  return state.current;
}
