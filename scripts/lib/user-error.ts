/** An expected failure whose message is meant for the person at the terminal, without a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * Codes of a database connection that could not be made or was lost: refused, reset, timed out
 * (postgres.js, node-postgres and Node), or PostgreSQL shutting down or restarting (57P01-57P03).
 */
const CONNECTION_LOST =
  /^(CONNECTION_CLOSED|CONNECTION_DESTROYED|CONNECTION_ENDED|CONNECT_TIMEOUT|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|ERR_STREAM_DESTROYED|ERR_STREAM_WRITE_AFTER_END|57P0[1-3])$/;

/** The message for a database that is not there or went away, or null for any other error. */
export function connectionLostMessage(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !CONNECTION_LOST.test(code)) return null;
  return (
    `The database connection was lost or could not be made (${code}). Whatever was running was ` +
    'rolled back: an import is one transaction, so nothing of the file in progress was written. ' +
    'Run the command again once the database is back.'
  );
}

/**
 * Runs a script's main function: expected failures print their message, and so does a database
 * that went away (a stack trace says nothing more to the person at the terminal); others print
 * their stack.
 */
export function runMain(main: () => Promise<void>): void {
  const fail = (error: unknown) => {
    const lost = connectionLostMessage(error);
    if (error instanceof UserError || lost) {
      console.error(`\n✖ ${lost ?? (error as Error).message}\n`);
    } else {
      console.error(error);
    }
    process.exit(1);
  };
  // A socket the server closed can fail outside any await (postgres.js writes in a setImmediate).
  process.on('uncaughtException', fail);
  main().catch(fail);
}
