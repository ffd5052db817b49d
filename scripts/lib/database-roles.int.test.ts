// The app reads as a role that can only read, and the importer writes as one that owns the tables;
// neither is a superuser (scripts/lib/database-roles.ts).
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { getDatabaseHealth } from '@/lib/loaders/health';
import { mayCheckReferencesBySet } from '@/lib/import/write-observations';
import { getAvailableYears } from '@/lib/queries/overview';
import { sql as appSql } from '@/lib/sql';
import { testAdminDatabaseUrl, testDatabaseUrl } from '@/lib/testing/database';
import { appDatabase } from './database';
import { describeRole, READER, setUpDatabaseRoles, urlAs, WRITER } from './database-roles';
import { withScratchDatabase } from './migrations';

const writerUrl = () => testDatabaseUrl();
const readerUrl = () => urlAs(testDatabaseUrl(), READER);

let reader: postgres.Sql;
let writer: postgres.Sql;
/** Every table and view of the public schema, as the catalogs list them. */
let relations: { name: string; kind: string }[] = [];

beforeAll(async () => {
  reader = postgres(readerUrl(), { max: 1, onnotice: () => {} });
  writer = postgres(writerUrl(), { max: 1, onnotice: () => {} });
  relations = await writer<{ name: string; kind: string }[]>`
    SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm') ORDER BY 1`;
});

afterAll(async () => {
  await reader.end();
  await writer.end();
  await appSql.end({ timeout: 5 });
  await db.$disconnect();
});

/** The SQLSTATE a statement fails with as the reader (null: it succeeded). */
async function readerFails(statement: string): Promise<string | null> {
  try {
    await reader.begin(async (tx) => {
      await tx.unsafe(statement);
      // Never keep what a statement managed to do.
      throw Object.assign(new Error('rolled back'), { code: 'succeeded' });
    });
    return null;
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unknown';
    return code === 'succeeded' ? null : code;
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';

describe('database roles', () => {
  it('has tables and views to check', () => {
    expect(relations.map((r) => r.name)).toEqual(expect.arrayContaining(['observation', 'official_series_v']));
    expect(relations.some((r) => r.kind === 'v')).toBe(true);
  });

  it('lets the reader SELECT from every table and view', async () => {
    for (const { name } of relations) expect(await readerFails(`SELECT * FROM "${name}" LIMIT 1`), name).toBeNull();
    expect(await describeRole(readerUrl())).toEqual({
      role: READER.name,
      superuser: false,
      attributes: [],
      unreadable: [],
      writes: [],
    });
  });

  it('refuses the reader INSERT, UPDATE, DELETE, TRUNCATE and CREATE', async () => {
    const statements = [
      "INSERT INTO source (id, kind, title, publisher, attribution) VALUES ('x', 'STATISTICAL_DATASET', 'x', 'x', 'x')",
      "UPDATE partner SET name = name || '' WHERE code = 'KAZ'",
      'DELETE FROM observation WHERE false',
      'TRUNCATE import_batch',
      'CREATE TABLE reader_was_here (id int)',
      'CREATE TEMP TABLE reader_was_here (id int)',
      'CREATE VIEW reader_was_here AS SELECT 1',
      'ALTER TABLE observation ADD COLUMN reader_was_here int',
      'DROP VIEW official_series_v',
    ];
    for (const statement of statements) expect(await readerFails(statement), statement).toBe(INSUFFICIENT_PRIVILEGE);
    // Every table, not only those above: no INSERT, UPDATE, DELETE or TRUNCATE anywhere.
    for (const { name, kind } of relations.filter((r) => r.kind === 'r')) {
      expect(await readerFails(`DELETE FROM "${name}" WHERE false`), `${kind} ${name}`).toBe(INSUFFICIENT_PRIVILEGE);
      expect(await readerFails(`TRUNCATE "${name}" CASCADE`), name).toBe(INSUFFICIENT_PRIVILEGE);
    }
  });

  it('makes the writer own the tables without being a superuser', async () => {
    const role = await describeRole(writerUrl());
    expect(role).toMatchObject({ role: WRITER.name, superuser: false, attributes: [], unreadable: [] });
    expect(role.writes).toEqual(expect.arrayContaining(['owner of observation', 'INSERT on observation']));
    expect(await readerFails('SELECT 1')).toBeNull();
  });

  it('lets the importer check foreign keys as sets as the writer, and the reader not even that', async () => {
    const may = await writer.begin((tx) => mayCheckReferencesBySet(tx));
    expect(may).toBe(true);
    expect(await readerFails('SET session_replication_role = replica')).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it('serves the app as the reader: health and a page query', async () => {
    const [who] = await appSql<{ user: string }[]>`SELECT current_user AS user`;
    expect(who?.user).toBe(READER.name);
    expect(await getDatabaseHealth()).toMatchObject({ ok: true });
    expect(await getAvailableYears({ reporter: 'KAZ' })).toContain(2020);
  });

  it('hands a database made before the roles to the writer, and lets the reader read it', async () => {
    await withScratchDatabase(testAdminDatabaseUrl(), async (url) => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        // As a cluster made before the roles: everything owned by the superuser.
        await admin.query(`CREATE TYPE mood AS ENUM ('ok');
          CREATE TABLE old_table (id serial PRIMARY KEY, m mood);
          CREATE VIEW old_view AS SELECT id FROM old_table;
          INSERT INTO old_table (m) VALUES ('ok')`);
        const database = new URL(url).pathname.slice(1);
        await setUpDatabaseRoles(testAdminDatabaseUrl(), database);
        await setUpDatabaseRoles(testAdminDatabaseUrl(), database); // idempotent
        const { rows } = await admin.query<{ owner: string }>(
          `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class
            WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'v', 'S')`,
        );
        expect(rows.map((r) => r.owner)).toEqual([WRITER.name]);
      } finally {
        await admin.end();
      }
      expect(await describeRole(urlAs(url, READER))).toMatchObject({ unreadable: [], writes: [] });
      // A table the writer adds later is readable at once (default privileges).
      const later = new pg.Client({ connectionString: urlAs(url, WRITER) });
      await later.connect();
      await later.query('CREATE TABLE new_table (id int)').finally(() => later.end());
      expect(await describeRole(urlAs(url, READER))).toMatchObject({ unreadable: [], writes: [] });
    });
  });

  it('gives the app the reader, or DATABASE_URL with a warning when no reader is set', async () => {
    const external = { url: writerUrl(), embedded: false, stop: async () => {} };
    expect(await appDatabase({ ...external, readerUrl: readerUrl() })).toEqual({ url: readerUrl(), warnings: [] });
    const without = await appDatabase({ ...external, readerUrl: null });
    expect(without.url).toBe(writerUrl());
    expect(without.warnings).toEqual([
      expect.stringMatching(/DATABASE_READER_URL is not set.*"kaz_writer".*may write/),
    ]);
    const writerAsReader = await appDatabase({ ...external, readerUrl: writerUrl() });
    expect(writerAsReader.warnings).toEqual([
      expect.stringMatching(/"kaz_writer" may do more than read: CREATE on database .*DELETE on/),
    ]);
  });
});
