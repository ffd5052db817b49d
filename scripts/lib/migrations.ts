// Applies and creates Prisma migrations without the native schema engine, which cannot be
// downloaded here: Prisma's own engine compiled to WebAssembly does the work through the
// pg driver adapter. The files stay in Prisma's folder format, so `prisma migrate deploy`
// works on them unchanged wherever the native engine is available.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngineWasm as SchemaEngineWasmType } from '@prisma/migrate/dist/src/SchemaEngineWasm';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
const LOCKFILE = 'migration_lock.toml';

type Engine = SchemaEngineWasmType;

// @prisma/internals loads the engine from its own build/ folder, where npm does not put it.
async function ensureWasmInPlace(): Promise<void> {
  const internalsDir = path.dirname(
    require.resolve('@prisma/internals/package.json', {
      paths: [path.dirname(require.resolve('@prisma/migrate/package.json'))],
    }),
  );
  const target = path.join(internalsDir, 'build', 'schema_engine_bg.wasm');
  const exists = await stat(target).then(
    () => true,
    () => false,
  );
  if (exists) return;
  // The package exports no package.json; its main module sits beside the wasm file.
  const wasmDir = path.dirname(require.resolve('@prisma/schema-engine-wasm', { paths: [internalsDir] }));
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(path.join(wasmDir, 'schema_engine_bg.wasm'), target);
}

async function withEngine<T>(databaseUrl: string, fn: (engine: Engine) => Promise<T>): Promise<T> {
  await ensureWasmInPlace();
  const { SchemaEngineWasm } = require('@prisma/migrate/dist/SchemaEngineWasm.js') as {
    SchemaEngineWasm: typeof SchemaEngineWasmType;
  };
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const engine = await SchemaEngineWasm.setup({
    adapter: bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl })),
    schemaContext: {
      schemaFiles: [[SCHEMA_PATH, schema]],
    } as never,
  });
  try {
    return await fn(engine);
  } finally {
    await engine.stop();
  }
}

async function loadMigrationsList() {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockContent = await readFile(path.join(MIGRATIONS_DIR, LOCKFILE), 'utf8').catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** True when `_prisma_migrations` records every migration folder, with the same checksum. */
async function allRecorded(
  databaseUrl: string,
  list: Awaited<ReturnType<typeof loadMigrationsList>>,
): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    const recorded = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    return list.migrationDirectories.every(
      (d) => recorded.get(d.path) === createHash('sha256').update(d.migrationFile.content.value).digest('hex'),
    );
  } catch {
    return false; // no migrations table yet
  } finally {
    await client.end();
  }
}

/** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await loadMigrationsList();
  // Loading the wasm engine takes seconds; most starts have nothing to apply.
  if (await allRecorded(databaseUrl, migrationsList)) return [];
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

export const SNAPSHOT_PATH = path.join(ROOT, 'prisma', 'migrations-snapshot.prisma');

/**
 * SQL from one schema to another (null: an empty database). The wasm engine cannot introspect a
 * populated database through the pg adapter (it fails on PostgreSQL's "char" catalog columns),
 * so migrations are diffed between schema files: the schema as of the last migration is kept
 * in prisma/migrations-snapshot.prisma.
 */
export async function diffSchemas(databaseUrl: string, from: string | null, to: string): Promise<string> {
  return withEngine(databaseUrl, async (engine) => {
    const engineWithDiff = engine as unknown as {
      engine: { diff: (input: unknown) => Promise<{ exitCode: number; stdout?: string | null }> };
    };
    const target = (content: string) => ({ tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content }] });
    const result = await engineWithDiff.engine.diff({
      from: from === null ? { tag: 'empty' } : target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });
}

const isEmptyScript = (sql: string) => !/\S/.test(sql.replace(/^--.*$/gm, ''));

/** Writes a new migration folder for what changed in schema.prisma since the snapshot. */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  const snapshot = await readFile(SNAPSHOT_PATH, 'utf8').catch(() => null);
  const sql = await diffSchemas(databaseUrl, snapshot, schema);
  if (isEmptyScript(sql)) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`;
  await mkdir(path.join(MIGRATIONS_DIR, dir), { recursive: true });
  await writeFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), sql);
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  const hasLock = await stat(lockPath).then(
    () => true,
    () => false,
  );
  if (!hasLock) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  await writeFile(SNAPSHOT_PATH, schema);
  return dir;
}

/**
 * A normalised description of the public schema from PostgreSQL's catalogs: tables, columns,
 * enums, indexes and constraints. Two databases with equal descriptions have the same schema.
 */
export async function describeDatabaseSchema(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(`
      SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') AS line
        FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
          -- Views (official_series_v) exist in the migrations only: Prisma's schema cannot describe them.
          AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')
      UNION ALL
      SELECT 'enum ' || t.typname || ' ' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' GROUP BY t.typname
      UNION ALL
      SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'
      UNION ALL
      SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = 'public' AND c.conrelid::regclass::text <> '_prisma_migrations'
      ORDER BY 1`);
    return rows.map((r) => r.line);
  } finally {
    await client.end();
  }
}

/** Runs `fn` with the URL of a new empty database next to `databaseUrl`, dropped afterwards. */
export async function withScratchDatabase<T>(databaseUrl: string, fn: (url: string) => Promise<T>): Promise<T> {
  const scratch = `scratch_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${scratch}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${scratch}`;
    return await fn(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

/** Builds a database straight from schema.prisma (no migrations) and describes it. */
export async function describeSchemaFile(databaseUrl: string): Promise<string[]> {
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  return withScratchDatabase(databaseUrl, async (url) => {
    const script = await diffSchemas(url, null, schema);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(script);
    } finally {
      await client.end();
    }
    return describeDatabaseSchema(url);
  });
}
