// Throwaway databases for tests: on the server of DATABASE_URL (which must be local), or on an
// embedded PostgreSQL cluster created for the run and deleted afterwards.
import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { readEnv } from '../../lib/env.js';
import { ROOT } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migrations';
import { seedDatabase } from './seed';
import { UserError } from './user-error';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestCluster {
  /** Creates a migrated (and by default seeded) database and returns its URL. */
  createDatabase: (name: string, options?: { seed?: boolean }) => Promise<string>;
  dispose: () => Promise<void>;
}

/** `settings` apply to an embedded cluster only (a DATABASE_URL server keeps its own). */
export async function startTestCluster(options: { settings?: string[] } = {}): Promise<TestCluster> {
  const env = readEnv();
  let adminUrl: string;
  let stopServer = async () => {};
  if (env.DATABASE_URL) {
    const url = new URL(env.DATABASE_URL);
    if (!LOCAL_HOSTS.has(url.hostname)) {
      throw new UserError(
        `Tests refuse to create databases on ${url.hostname}: DATABASE_URL must point at a local server.`,
      );
    }
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    const dir = path.join(ROOT, '.data', `test-${process.pid}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    const port = await freePort();
    const server = await startEmbeddedPostgres({
      dataDir: dir,
      port,
      database: 'postgres',
      ephemeral: true,
      settings: options.settings,
    });
    adminUrl = server.url;
    stopServer = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const created: string[] = [];
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  return {
    async createDatabase(name, options = {}) {
      const database = `kaz_test_${name}_${process.pid}`;
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin(`CREATE DATABASE "${database}"`);
      created.push(database);
      const url = new URL(adminUrl);
      url.pathname = `/${database}`;
      await applyMigrations(url.toString());
      if (options.seed !== false) await seedDatabase(url.toString(), () => {});
      return url.toString();
    },
    async dispose() {
      if (env.DATABASE_URL) {
        for (const database of created)
          await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
      }
      await stopServer();
    },
  };
}
