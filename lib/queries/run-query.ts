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
    return await Promise.race([query(), deadline]);
  } catch (error) {
    console.error(`[queries] ${name} failed`, { input, error });
    throw new Error(`Could not load data (${name}).`);
  } finally {
    clearTimeout(timer);
  }
}
