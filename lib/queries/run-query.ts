import 'server-only';

/**
 * Runs one query, logs any failure with its context on the server, and rethrows a generic
 * message: the cause (SQL, host names, credentials in a URL) must not reach the browser,
 * and a failure must never be turned into an empty result that reads as "no trade".
 */
export async function runQuery<T>(name: string, input: unknown, query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    console.error(`[queries] ${name} failed`, { input, error });
    throw new Error(`Could not load data (${name}).`);
  }
}
