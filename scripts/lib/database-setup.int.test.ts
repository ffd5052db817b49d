import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { connectTestDatabase, testAdminDatabaseUrl, testDatabaseUrl } from '@/lib/testing/database';
import { applyMigrations, describeDatabaseSchema, describeSchemaFile, SCHEMA_PATH, SNAPSHOT_PATH } from './migrations';
import { seedDatabase } from './seed';

const sql = connectTestDatabase();
afterAll(async () => {
  await sql.end();
});

const DATA = path.resolve(import.meta.dirname, '..', '..', 'prisma', 'data', 'observations');

describe('database setup', () => {
  it('has applied every migration, and applying again does nothing', async () => {
    const names = readdirSync(path.resolve(import.meta.dirname, '..', '..', 'prisma', 'migrations'), {
      withFileTypes: true,
    })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const applied = await sql<
      { migration_name: string }[]
    >`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL`;
    expect(applied.map((r) => r.migration_name).sort()).toEqual(names.sort());
    expect(await applyMigrations(testDatabaseUrl())).toEqual([]);
  });

  it('has migrations that produce exactly what schema.prisma describes', async () => {
    const fromMigrations = await describeDatabaseSchema(testDatabaseUrl());
    expect(fromMigrations.length).toBeGreaterThan(50);
    // A scratch database: the writer may not create databases.
    expect(await describeSchemaFile(testAdminDatabaseUrl())).toEqual(fromMigrations);
  });

  it('has a migrations snapshot equal to schema.prisma (no change left without a migration)', () => {
    expect(readFileSync(SNAPSHOT_PATH, 'utf8')).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });

  it('holds one observation per row of the bundled files', async () => {
    const files = readdirSync(DATA).filter((f) => f.endsWith('.csv'));
    const rows = files.flatMap(
      (f) => parse(readFileSync(path.join(DATA, f)), { columns: true }) as { source_id: string }[],
    );
    // Only the bundled sources and reporters: other integration tests import rows of their own.
    const sources = [...new Set(rows.map((r) => r.source_id))];
    const reporters = [...new Set(rows.map((r) => (r as { reporter_code?: string }).reporter_code || 'XXX'))];
    const [row] = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM observation
      WHERE source_id = ANY(${sources}) AND reporter_code = ANY(${reporters}) AND reporter_code <> 'ATA'`;
    expect(row?.n).toBe(rows.length);
  });

  it('seeds idempotently: a second run changes nothing', async () => {
    const before = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM observation`;
    const summaries = await seedDatabase(testDatabaseUrl(), () => {});
    expect(summaries.every((s) => s.inserted === 0 && s.updated === 0)).toBe(true);
    const after = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM observation`;
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('credits the IMF for the Kazakhstan-reported series', async () => {
    const [source] = await sql<{ attribution: string; n: number }[]>`
      SELECT s.attribution, count(o.id)::int AS n FROM source s JOIN observation o ON o.source_id = s.id
      WHERE s.id = 'imf_dots_2022_via_SamLeBlanc' AND o.reporter_code = 'KAZ' AND o.partner_code <> 'ATA' GROUP BY s.attribution`;
    expect(source?.attribution).toMatch(/International Monetary Fund/);
    expect(source?.n).toBe(11144);
  });
});
