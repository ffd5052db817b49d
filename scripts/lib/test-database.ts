// Throwaway databases for tests: on the server of DATABASE_URL (which must be local), or on an
// embedded PostgreSQL cluster. The embedded cluster in .data/test-cluster is kept between runs (a
// second run at the same time gets a cluster of its own), and each seeded test database is a copy
// of a template database built once per version of the migrations, the bundled data and the
// importer: after the first run, a test file starts in seconds instead of a minute of seeding.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { readEnv } from '../../lib/env.js';
import { ROOT } from './database';
import { ensureRoles, READER, setUpDatabaseRoles, urlAs, WRITER } from './database-roles';
import { runningServerPid, startEmbeddedPostgres } from './embedded-postgres';
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

/** Everything a seeded database is made of; a change to any of it builds a new template. */
const TEMPLATE_INPUTS = [
  'prisma/migrations',
  'prisma/data',
  'scripts/lib/seed.ts',
  'scripts/lib/database-roles.ts',
  'lib/import',
];

function filesUnder(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!statSync(full, { throwIfNoEntry: false })) return [];
  if (statSync(full).isFile()) return [entry];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)))
    .filter((file) => !/\.test\.ts$/.test(file));
}

export function templateName(): string {
  const hash = createHash('sha256');
  for (const file of TEMPLATE_INPUTS.flatMap(filesUnder)) hash.update(file).update(readFileSync(path.join(ROOT, file)));
  return `kaz_template_${hash.digest('hex').slice(0, 16)}`;
}

export interface TestCluster {
  /**
   * Creates a migrated (and by default seeded) database and returns its URL as the writer, the
   * role of migrations, the seed and the importer (scripts/lib/database-roles.ts).
   */
  createDatabase: (name: string, options?: { seed?: boolean }) => Promise<string>;
  /** The same database as the reader, the role the app connects as. */
  readerUrl: (databaseUrl: string) => string;
  /** The same database as the cluster's superuser: for benchmarks' extensions and server-side files. */
  adminUrl: (databaseUrl: string) => string;
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
    // The kept cluster, unless another run is using it or the caller needs settings of its own.
    const kept = path.join(ROOT, '.data', 'test-cluster');
    const reuse = !options.settings && runningServerPid(path.join(kept, 'pg')) === null;
    const dir = reuse ? kept : path.join(ROOT, '.data', `test-${process.pid}-${Date.now()}`);
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    const start = async (dataDir: string, ephemeral: boolean) =>
      startEmbeddedPostgres({
        dataDir,
        port: await freePort(),
        database: 'postgres',
        ephemeral,
        settings: options.settings,
      });
    let server;
    let ephemeralDir: string | null = reuse ? null : dir;
    try {
      server = await start(dir, !reuse);
    } catch (error) {
      // Another run started the kept cluster between the check and the start: use one of our own.
      if (!reuse) throw error;
      ephemeralDir = path.join(ROOT, '.data', `test-${process.pid}-${Date.now()}`);
      mkdirSync(ephemeralDir, { recursive: true });
      chmodSync(ephemeralDir, 0o755);
      server = await start(ephemeralDir, true);
    }
    adminUrl = server.url;
    const stop = server.stop;
    stopServer = async () => {
      await stop();
      if (ephemeralDir) rmSync(ephemeralDir, { recursive: true, force: true });
    };
  }
  await ensureRoles(adminUrl);
  const created: string[] = [];
  const admin = async <R extends pg.QueryResultRow = pg.QueryResultRow>(query: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return (await client.query<R>(query, values)).rows;
    } finally {
      await client.end();
    }
  };
  const urlOf = (database: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const writerUrlOf = (database: string) => urlAs(adminUrl, WRITER, database);
  /**
   * The migrated and seeded template of this version, built on first use. Test files run in
   * parallel workers of one process (and a second run may share the cluster), so the build holds
   * an advisory lock: one worker builds, the others wait and then find the template. (The rename
   * used to fail while the build's own pools were still closing their connections; the build was
   * then dropped and every worker met "template database … does not exist".)
   */
  const template = async (): Promise<string> => {
    const name = templateName();
    const lock = new pg.Client({ connectionString: adminUrl });
    await lock.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [name]);
      const exists = await admin('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (exists.length > 0) return name;
      const building = `${name}_build`;
      // Left by a run that was killed while building.
      await admin(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      await admin(`CREATE DATABASE "${building}"`);
      await setUpDatabaseRoles(adminUrl, building);
      await applyMigrations(writerUrlOf(building));
      await seedDatabase(writerUrlOf(building), () => {});
      // The migrations' and the seed's pools may still be closing their connections, and a
      // database in use cannot be renamed (that failed, and the old code then dropped the build).
      await admin(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [building],
      );
      await admin(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
      // Templates of older versions only take space.
      for (const { datname } of await admin<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'kaz\\_template\\_%' AND datname <> $1 AND datname NOT LIKE '%\\_build%'",
        [name],
      ))
        await admin(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
      return name;
    } finally {
      // Ending the session releases the lock.
      await lock.end();
    }
  };
  return {
    async createDatabase(name, options = {}) {
      const database = `kaz_test_${name}_${process.pid}`;
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      if (options.seed === false) {
        await admin(`CREATE DATABASE "${database}"`);
        await setUpDatabaseRoles(adminUrl, database);
        await applyMigrations(writerUrlOf(database));
      } else {
        await admin(`CREATE DATABASE "${database}" TEMPLATE "${await template()}"`);
        // A copy keeps the template's owners and grants, but not its database-level privileges.
        await setUpDatabaseRoles(adminUrl, database);
      }
      created.push(database);
      return writerUrlOf(database);
    },
    readerUrl: (databaseUrl) => urlAs(databaseUrl, READER),
    adminUrl: (databaseUrl) => urlOf(new URL(databaseUrl).pathname.slice(1)),
    async dispose() {
      for (const database of created) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => {});
      await stopServer();
    },
  };
}
