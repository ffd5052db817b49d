// The two roles the dashboard connects as: the writer owns the schema objects (migrations, seed,
// `npm run import`) and the reader may only read them (the Next.js app). Neither is a superuser,
// so a write by the app, or by a request that found a way to run SQL, fails in PostgreSQL itself.
import pg from 'pg';
import { UserError } from './user-error';

export interface Role {
  name: string;
  password: string;
}

/**
 * The embedded cluster's roles. Their passwords are fixed, like the superuser's: the cluster only
 * listens on the loopback address, and the roles are there to stop the app from writing, not to
 * keep other users of this machine out.
 */
export const WRITER: Role = { name: 'kaz_writer', password: 'kaz_writer' };
export const READER: Role = { name: 'kaz_reader', password: 'kaz_reader' };

/** The URL of the same server and database (or `database`) as another role. */
export function urlAs(url: string, role: Role, database?: string): string {
  const next = new URL(url);
  next.username = encodeURIComponent(role.name);
  next.password = encodeURIComponent(role.password);
  if (database) next.pathname = `/${database}`;
  return next.toString();
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const DUPLICATE_OBJECT = '42710';

/**
 * Creates both roles, or resets their attributes and passwords when they exist; as a superuser
 * or a role with CREATEROLE. Idempotent, and safe when two test runs do it at once.
 */
export async function ensureRoles(adminUrl: string, roles: Role[] = [WRITER, READER]): Promise<void> {
  await withClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ rolsuper: boolean; rolcreaterole: boolean }>(
      'SELECT rolsuper, rolcreaterole FROM pg_roles WHERE rolname = current_user',
    );
    if (!rows[0]?.rolsuper && !rows[0]?.rolcreaterole) {
      throw new UserError(
        `The role of ${new URL(adminUrl).hostname}'s URL may not create roles; the tests need one that may ` +
          `(ALTER ROLE … CREATEROLE) to make ${roles.map((r) => r.name).join(' and ')}.`,
      );
    }
    for (const role of roles) {
      const name = client.escapeIdentifier(role.name);
      const password = client.escapeLiteral(role.password);
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${password}`;
      try {
        await client.query(`CREATE ROLE ${name} ${attributes}`);
      } catch (error) {
        if ((error as { code?: string }).code !== DUPLICATE_OBJECT) throw error;
        await client.query(`ALTER ROLE ${name} ${attributes}`);
      }
    }
  });
}

/**
 * In `database`, as its superuser: the writer owns every object of the public schema (a cluster
 * made before the roles has them owned by the superuser) and may create more; the reader may
 * connect and read every table and view, today's and those the writer creates later, and nothing
 * else (no temporary tables either: TEMPORARY is the writer's alone, the importer stages rows in
 * one). Idempotent.
 */
export async function setUpDatabaseRoles(adminUrl: string, database: string): Promise<void> {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await withClient(url.toString(), async (client) => {
    const db = client.escapeIdentifier(database);
    const writer = client.escapeIdentifier(WRITER.name);
    const reader = client.escapeIdentifier(READER.name);
    await client.query('BEGIN');
    await client.query(`REVOKE ALL ON DATABASE ${db} FROM PUBLIC`);
    // CREATE: Prisma's first migration begins with CREATE SCHEMA IF NOT EXISTS, which asks for it.
    await client.query(`GRANT CONNECT, TEMPORARY, CREATE ON DATABASE ${db} TO ${writer}`);
    await client.query(`GRANT CONNECT ON DATABASE ${db} TO ${reader}`);
    await client.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${writer}`);
    // The importer checks foreign keys as sets and skips the per-row triggers for its merge
    // (lib/import/write-observations.ts), which takes SET on this parameter. The writer owns the
    // tables and could drop the constraints anyway; this gives it nothing more.
    await client.query(`GRANT SET ON PARAMETER session_replication_role TO ${writer}`);
    // Tables first: a table takes its indexes and the sequences of its columns with it.
    const owned = await client.query<{ kind: string; name: string }>(
      `SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' WHEN c.relkind = 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END AS kind,
              format('%I.%I', n.nspname, c.relname) AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
          AND c.relowner <> $1::regrole
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
        ORDER BY c.relkind = 'S', c.relname`,
      [WRITER.name],
    );
    for (const { kind, name } of owned.rows) await client.query(`ALTER ${kind} ${name} OWNER TO ${writer}`);
    const types = await client.query<{ name: string }>(
      `SELECT format('%I.%I', n.nspname, t.typname) AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd') AND t.typowner <> $1::regrole`,
      [WRITER.name],
    );
    for (const { name } of types.rows) await client.query(`ALTER TYPE ${name} OWNER TO ${writer}`);
    const routines = await client.query<{ name: string }>(
      `SELECT p.oid::regprocedure::text AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND p.proowner <> $1::regrole`,
      [WRITER.name],
    );
    for (const { name } of routines.rows) await client.query(`ALTER ROUTINE ${name} OWNER TO ${writer}`);
    // Whatever the reader was given before, it keeps SELECT only.
    await client.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${reader}`);
    await client.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${reader}`);
    await client.query('COMMIT');
  });
  await grantReader(urlAs(adminUrl, WRITER, database), READER.name);
}

/**
 * As the writer: the reader may read every table and view the writer owns, including those later
 * migrations create. Needs no CREATEROLE, so it also runs against a server whose roles someone
 * else made (DATABASE_URL with DATABASE_READER_URL). Idempotent.
 */
export async function grantReader(writerUrl: string, readerName: string): Promise<void> {
  await withClient(writerUrl, async (client) => {
    const reader = client.escapeIdentifier(readerName);
    // USAGE on the schema needs its owner (or a grant option); the check that follows says when it is missing.
    const { rows } = await client.query<{ may: boolean }>(
      "SELECT has_schema_privilege('public', 'USAGE WITH GRANT OPTION') OR pg_has_role((SELECT nspowner FROM pg_namespace WHERE nspname = 'public'), 'USAGE') AS may",
    );
    if (rows[0]?.may) await client.query(`GRANT USAGE ON SCHEMA public TO ${reader}`);
    // Tables the writer does not own are skipped with a warning from PostgreSQL, not an error.
    await client.query(`GRANT SELECT ON ALL TABLES IN SCHEMA public TO ${reader}`);
    await client.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO ${reader}`);
  });
}

export interface RoleReport {
  role: string;
  superuser: boolean;
  /** Attributes beyond logging in: SUPERUSER, CREATEDB, CREATEROLE, REPLICATION, BYPASSRLS. */
  attributes: string[];
  /** Tables and views of the public schema it cannot SELECT from. */
  unreadable: string[];
  /** What it may change: `INSERT on observation`, `CREATE on schema public`, ... */
  writes: string[];
}

/** What the role of `url` may do in its database, from PostgreSQL's own privilege functions. */
export async function describeRole(url: string): Promise<RoleReport> {
  return withClient(url, async (client) => {
    const { rows: roles } = await client.query<{
      role: string;
      rolsuper: boolean;
      rolcreatedb: boolean;
      rolcreaterole: boolean;
      rolreplication: boolean;
      rolbypassrls: boolean;
    }>(
      'SELECT current_user AS role, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user',
    );
    const r = roles[0];
    if (!r) throw new Error('current_user is missing from pg_roles');
    const { rows: unreadable } = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND NOT (has_schema_privilege('public', 'USAGE') AND has_table_privilege(c.oid, 'SELECT'))
        ORDER BY 1`,
    );
    const { rows: writes } = await client.query<{ what: string }>(
      `SELECT p.privilege || ' on ' || c.relname AS what
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        CROSS JOIN unnest(ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND has_table_privilege(c.oid, p.privilege)
       UNION ALL
       SELECT 'owner of ' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND pg_has_role(c.relowner, 'USAGE')
       UNION ALL
       SELECT 'CREATE on schema public' WHERE has_schema_privilege('public', 'CREATE')
       UNION ALL
       SELECT p.privilege || ' on database ' || current_database()
         FROM unnest(ARRAY['CREATE', 'TEMPORARY']) AS p(privilege)
        WHERE has_database_privilege(current_database(), p.privilege)
       ORDER BY 1`,
    );
    const attributes = [
      r.rolsuper && 'SUPERUSER',
      r.rolcreatedb && 'CREATEDB',
      r.rolcreaterole && 'CREATEROLE',
      r.rolreplication && 'REPLICATION',
      r.rolbypassrls && 'BYPASSRLS',
    ].filter((a): a is string => Boolean(a));
    return {
      role: r.role,
      superuser: r.rolsuper,
      attributes,
      unreadable: unreadable.map((u) => u.name),
      writes: writes.map((w) => w.what),
    };
  });
}
