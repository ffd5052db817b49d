// The postgres.js clients, for what Prisma has no answer to: the data screen's dynamic SQL, the
// dataset version, and the exports' cursors and COPY streams. Pages and exports use separate
// pools, so that downloads (which hold a connection for as long as the client takes to read) can
// never take the connections that pages need.
import 'server-only';
import postgres from 'postgres';
import { appDatabaseUrl } from '@/lib/database-url';
import { MAX_CONCURRENT_EXPORTS } from '@/lib/export/export-limits';

/**
 * Seconds between reconnect attempts. postgres.js queues queries while all its connections are
 * connecting, and by default waits between attempts with a back-off that grows with every
 * failure up to 20 s. When PostgreSQL went away, queued queries waited that long: the
 * reliability test's database-fault phase saw requests hang until the server came back. Each
 * failed attempt rejects one queued query, so a short constant pause drains the queue with clear
 * errors within a second (lib/sql.int.test.ts measures both).
 */
export const RECONNECT_PAUSE_S = 0.05;

interface SqlOptions {
  max?: number;
  applicationName?: string;
  /** Server-side limit for one statement. */
  statementTimeoutMs?: number;
}

export function createSql(url: string, options: SqlOptions = {}): postgres.Sql {
  return postgres(url, {
    max: options.max ?? 5,
    connect_timeout: 5,
    idle_timeout: 30,
    backoff: () => RECONNECT_PAUSE_S,
    onnotice: () => {},
    connection: {
      application_name: options.applicationName ?? 'kaz-trade-dashboard-sql',
      statement_timeout: options.statementTimeoutMs ?? 10_000,
    },
  });
}

// Kept on globalThis in every environment: route handlers, pages and the proxy are bundled
// separately, and each bundle holding its own pool would multiply the connections.
const globalForSql = globalThis as typeof globalThis & { sql?: postgres.Sql; exportSql?: postgres.Sql };

/** Pages, API lookups and the dataset version: short statements only. */
export const sql: postgres.Sql = (globalForSql.sql ??= createSql(appDatabaseUrl() ?? ''));

/**
 * Downloads only, one reserved connection each (lib/export/export-connection.ts): as many
 * connections as downloads may run at once, so a download never waits for a connection and
 * never shares one (postgres.js pipelines queries onto busy connections, and a query sent to a
 * connection in the middle of a COPY fails with COPY_IN_PROGRESS). A 1,000,000-row export takes
 * minutes, hence the long statement timeout.
 */
export const exportSql: postgres.Sql = (globalForSql.exportSql ??= createSql(appDatabaseUrl() ?? '', {
  max: MAX_CONCURRENT_EXPORTS,
  applicationName: 'kaz-trade-dashboard-export',
  statementTimeoutMs: 600_000,
}));
