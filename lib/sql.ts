// The one postgres.js client, for what Prisma has no answer to: cursor streams for exports.
import 'server-only';
import postgres from 'postgres';

/**
 * Seconds between reconnect attempts. postgres.js queues queries while all its connections are
 * connecting, and by default waits between attempts with a back-off that grows with every
 * failure up to 20 s. When PostgreSQL went away, queued queries waited that long: the
 * reliability test's database-fault phase saw requests hang until the server came back. Each
 * failed attempt rejects one queued query, so a short constant pause drains the queue with clear
 * errors within a second (lib/sql.int.test.ts measures both).
 */
export const RECONNECT_PAUSE_S = 0.05;

export function createSql(url: string): postgres.Sql {
  return postgres(url, {
    max: 5,
    connect_timeout: 5,
    idle_timeout: 30,
    backoff: () => RECONNECT_PAUSE_S,
    onnotice: () => {},
    connection: { application_name: 'kaz-trade-dashboard-export', statement_timeout: 600_000 },
  });
}

const globalForSql = globalThis as typeof globalThis & { sql?: postgres.Sql; copySql?: postgres.Sql };

export const sql: postgres.Sql = globalForSql.sql ?? createSql(process.env.DATABASE_URL ?? '');
if (process.env.NODE_ENV !== 'production') globalForSql.sql = sql;

/**
 * A second pool for `COPY … TO STDOUT` downloads, which hold a connection for as long as the
 * client takes to read: five slow downloads must not take every connection the pages and the
 * dataset version need.
 */
export const copySql: postgres.Sql = globalForSql.copySql ?? createSql(process.env.DATABASE_URL ?? '');
if (process.env.NODE_ENV !== 'production') globalForSql.copySql = copySql;
