// `npm start`: the production dashboard with its database. Without DATABASE_URL it runs the
// embedded PostgreSQL under DATA_DIR; it migrates and seeds, builds when the build is missing or
// older than the sources, then serves on PORT. Ctrl-C or SIGTERM stops the app and the database.
import net from 'node:net';
import path from 'node:path';
import { readEnv } from '../lib/env.js';
import { ROOT, appDatabase, openDatabase } from './lib/database';
import { runningServerPid } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { buildIsStale, nextBuild, runNext } from './lib/next-build';
import { seedDatabase } from './lib/seed';
import { runMain, UserError } from './lib/user-error';

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port }, () => server.close(() => resolve(true)));
  });

runMain(async () => {
  const dev = process.argv.includes('--dev');
  const env = readEnv();
  if (!env.DATABASE_URL) {
    const pid = runningServerPid(path.resolve(ROOT, env.DATA_DIR, 'pg'));
    if (pid !== null) {
      throw new UserError(
        `The dashboard's embedded PostgreSQL is already running (pid ${pid}): another "npm start" is probably ` +
          'running. Stop it first (Ctrl-C in its terminal), or use it at its address.',
      );
    }
  }
  if (!(await portIsFree(env.PORT))) {
    throw new UserError(
      `Port ${env.PORT} is already in use. Stop what runs there, or choose another port: PORT=3001 npm start`,
    );
  }
  if (!dev && buildIsStale()) {
    console.log('Building the dashboard (next build) ...');
    await nextBuild();
  }

  const db = await openDatabase();
  let stopping = false;
  let appUrl: string;
  const stopDatabase = async () => {
    try {
      await db.stop();
    } catch (error) {
      console.error('Stopping the database failed:', error);
    }
  };
  try {
    console.log(
      db.embedded ? `Embedded PostgreSQL on port ${env.DB_PORT} (data in ${env.DATA_DIR}/pg)` : 'Using DATABASE_URL',
    );
    const applied = await applyMigrations(db.url);
    if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);
    console.log('Loading the bundled dataset ...');
    await seedDatabase(db.url);
    const app = await appDatabase(db);
    for (const warning of app.warnings) console.warn(`Warning: ${warning}`);
    appUrl = app.url;
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  const child = runNext([dev ? 'dev' : 'start', '--port', String(env.PORT)], {
    ...process.env,
    // The app never sees the writer's URL when it has a reader's.
    DATABASE_URL: appUrl,
    DATABASE_READER_URL: appUrl,
    PORT: String(env.PORT),
  });
  console.log(`Dashboard on http://localhost:${env.PORT}`);

  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the dashboard and the database ...`);
    child.kill(signal);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGHUP', () => shutdown('SIGHUP'));

  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 0)));
  await stopDatabase();
  process.exit(stopping ? 0 : code);
});
