// The one Prisma client for the app. Prisma 7 talks to PostgreSQL through a driver adapter
// (node-postgres here); the pool connects lazily, so importing this module opens no connection
// and `next build` works without a database.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { appDatabaseUrl } from '@/lib/database-url';
import { PrismaClient } from '@/lib/generated/prisma/client';

/** Server-side limit for one statement; dashboard queries take milliseconds, so 10 s means trouble. */
const STATEMENT_TIMEOUT_MS = 10_000;
/** Client-side limit, a little above the server's, for when the server never answers at all. */
const QUERY_TIMEOUT_MS = 12_000;

function createPrismaClient(): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: appDatabaseUrl(),
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    application_name: 'kaz-trade-dashboard',
  });
  return new PrismaClient({
    adapter,
    log: process.env.NODE_ENV === 'development' ? ['warn', 'error'] : ['error'],
  });
}

// Dev-server hot reloads re-evaluate modules; keeping the client on globalThis stops each reload
// from opening another pool of connections.
const globalForDb = globalThis as typeof globalThis & { prisma?: PrismaClient };

export const db: PrismaClient = globalForDb.prisma ?? createPrismaClient();

if (process.env.NODE_ENV !== 'production') globalForDb.prisma = db;
