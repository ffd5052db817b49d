// The one postgres.js client, for what Prisma has no answer to: cursor streams for exports.
import 'server-only';
import postgres from 'postgres';

const globalForSql = globalThis as typeof globalThis & { sql?: postgres.Sql };

function createSql(): postgres.Sql {
  return postgres(process.env.DATABASE_URL ?? '', {
    max: 5,
    connect_timeout: 5,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: 'kaz-trade-dashboard-export', statement_timeout: 600_000 },
  });
}

export const sql: postgres.Sql = globalForSql.sql ?? createSql();
if (process.env.NODE_ENV !== 'production') globalForSql.sql = sql;
