// The postgres.js clients, for what Prisma has no answer to: the data screen's dynamic SQL, the
// dataset version, and the exports' cursors and COPY streams. Pages use a pool; each download has
// a connection of its own, so that downloads (which hold a connection for as long as the client
// takes to read) can never take the connections that pages need.
import 'server-only';
import postgres from 'postgres';
import { appDatabaseUrl } from '@/lib/database-url';
import { PAGE_QUERY_BUDGET_MS } from '@/lib/validations/observation-parameters';

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
    // A connection attempt that hangs (seen around a database restart) holds its queued queries
    // until this ends: at 5 s it used the whole of the 5 s the app has to recover (reliability
    // fault phase). A connection on a working network takes milliseconds.
    connect_timeout: 2,
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
const globalForSql = globalThis as typeof globalThis & {
  sql?: postgres.Sql;
  budgetedSql?: postgres.Sql;
  openExportConnection?: () => postgres.Sql;
};

/** Pages, API lookups and the dataset version: short statements only. */
export const sql: postgres.Sql = (globalForSql.sql ??= createSql(appDatabaseUrl() ?? ''));

/**
 * Reads that must answer within a page's time budget (the data screen's page and count, the API's
 * page): every statement on these connections stops after PAGE_QUERY_BUDGET_MS. A pool of its own
 * rather than `SET LOCAL` in a transaction: `sql.begin` waited for a connection for the whole
 * connect timeout after a database restart (5 s, reliability fault phase), where a plain query
 * fails over at once. Made with `sql`, as fragments must be (see openExportConnection).
 */
export const budgetedSql: postgres.Sql = (globalForSql.budgetedSql ??= createSql(appDatabaseUrl() ?? '', {
  max: 3,
  applicationName: 'kaz-trade-dashboard-page',
  statementTimeoutMs: PAGE_QUERY_BUDGET_MS,
}));

/**
 * A download's own connection, opened for it and ended after it (lib/export/download.ts). Not a
 * pool: a pooled connection that died in the middle of a download (PostgreSQL restarted) was
 * handed out again dead, and a reservation waiting for it never settled (porsager/postgres#1199,
 * #1195), so after one restart downloads failed with 503 until the server restarted. Opening a
 * connection costs a few milliseconds against a download's seconds. A 1,000,000-row export takes
 * minutes, hence the long statement timeout.
 */
export const openExportConnection = (globalForSql.openExportConnection ??= () =>
  // Made where `sql` was: a bundle has its own copy of postgres.js, and a query fragment built by
  // one copy's `sql` is not recognised as a fragment by another copy's connection (it became a
  // bound value: "SELECT $1 $2", seen in the production build).
  createSql(appDatabaseUrl() ?? '', {
    max: 1,
    applicationName: 'kaz-trade-dashboard-export',
    statementTimeoutMs: 600_000,
  }));
