// Applies and creates Prisma migrations without the native schema engine, which cannot be
// downloaded here: Prisma's own engine compiled to WebAssembly does the work through the
// pg driver adapter. The files stay in Prisma's folder format, so `prisma migrate deploy`
// works on them unchanged wherever the native engine is available.
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngineWasm as SchemaEngineWasmType } from '@prisma/migrate/dist/SchemaEngineWasm.js';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
const LOCKFILE = 'migration_lock.toml';

type Engine = SchemaEngineWasmType;

// @prisma/internals loads the engine from its own build/ folder, where npm does not put it.
async function ensureWasmInPlace(): Promise<void> {
  const internalsDir = path.dirname(require.resolve('@prisma/internals/package.json', {
    paths: [path.dirname(require.resolve('@prisma/migrate/package.json'))],
  }));
  const target = path.join(internalsDir, 'build', 'schema_engine_bg.wasm');
  const exists = await stat(target).then(() => true, () => false);
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
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
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

/** Applies every migration not yet recorded in `_prisma_migrations`; returns their names. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await loadMigrationsList();
  return withEngine(databaseUrl, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/** SQL that takes a database built from the migrations to the state schema.prisma describes. */
export async function diffMigrationsToSchema(databaseUrl: string): Promise<string> {
  const migrationsList = await loadMigrationsList();
  const schema = await readFile(SCHEMA_PATH, 'utf8');
  return withEngine(databaseUrl, async (engine) => {
    const engineWithDiff = engine as unknown as {
      engine: { diff: (input: unknown) => Promise<{ exitCode: number; stdout?: string | null }> };
    };
    const result = await engineWithDiff.engine.diff({
      from: migrationsList.migrationDirectories.length > 0
        ? { tag: 'migrations', ...migrationsList }
        : { tag: 'empty' },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? '';
  });
}

/** Writes a new migration folder from the difference between the migrations and the schema. */
export async function createMigration(databaseUrl: string, name: string): Promise<string | null> {
  const sql = await diffMigrationsToSchema(databaseUrl);
  if (!/\S/.test(sql.replace(/^--.*$/gm, ''))) return null;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = `${stamp}_${name.replace(/[^a-z0-9_]+/gi, '_').toLowerCase()}`;
  await mkdir(path.join(MIGRATIONS_DIR, dir), { recursive: true });
  await writeFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), sql);
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  const hasLock = await stat(lockPath).then(() => true, () => false);
  if (!hasLock) {
    await writeFile(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return dir;
}
