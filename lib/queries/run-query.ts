import 'server-only';

/**
 * Client-side bound for one query, a little above PostgreSQL's 10 s statement timeout (lib/db.ts,
 * lib/sql.ts), for a server that never answers at all: a frozen PostgreSQL fires no timeout of
 * its own, and a page waited as long as it stayed frozen. The statement itself is left to finish
 * or fail on its connection.
 */
export const QUERY_DEADLINE_MS = 12_000;

class QueryDeadlineError extends Error {
  constructor() {
    super(`no answer from the database within ${QUERY_DEADLINE_MS} ms`);
    this.name = 'QueryDeadlineError';
  }
}

/** postgres.js could not open a connection within its connect timeout (lib/sql.ts): nothing was sent. */
const isConnectTimeout = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'CONNECT_TIMEOUT';

/**
 * The query, run once more when its connection could not be opened in time. No statement was sent
 * then, so a second run reads the same. Seen once on a working database (2026-12-06, the
 * reliability test in a clean clone): the first render of /consistency after PostgreSQL's restart
 * opened connections for its eleven checks while the server was busy, a connection's 2 s timer ran
 * out, and the page answered 503. A database that is away refuses at once instead, and the proxy
 * answers 503 before any query while it is away or hangs (lib/database-status.ts).
 */
async function withConnectRetry<T>(name: string, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (!isConnectTimeout(error)) throw error;
    console.warn(`[queries] ${name}: no connection within the connect timeout; running it once more`);
    return query();
  }
}

/**
 * Runs one query, logs any failure with its context on the server, and rethrows a generic
 * message: the cause (SQL, host names, credentials in a URL) must not reach the browser,
 * and a failure must never be turned into an empty result that reads as "no trade".
 */
export async function runQuery<T>(name: string, input: unknown, query: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new QueryDeadlineError()), QUERY_DEADLINE_MS);
  });
  try {
    return await Promise.race([withConnectRetry(name, query), deadline]);
  } catch (error) {
    console.error(`[queries] ${name} failed`, { input, error });
    throw new Error(`Could not load data (${name}).`);
  } finally {
    clearTimeout(timer);
  }
}
