import path from 'node:path';
import { readEnv } from '../../lib/env.js';
import { describeRole, ensureRoles, grantReader, READER, setUpDatabaseRoles, urlAs, WRITER } from './database-roles';
import { startEmbeddedPostgres } from './embedded-postgres';
import { UserError } from './user-error';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const DATABASE_NAME = 'kaz_trade';

export interface OpenDatabase {
  /** The writer's URL: migrations, the seed and imports. */
  url: string;
  /** The reader's URL for the app; null when DATABASE_URL is set without DATABASE_READER_URL. */
  readerUrl: string | null;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * As the embedded cluster's superuser: creates (or refreshes) the writer and reader roles and
 * hands the database to the writer. Returns both roles' URLs.
 */
export async function prepareEmbeddedRoles(
  superuserUrl: string,
  database: string,
): Promise<{ writerUrl: string; readerUrl: string }> {
  await ensureRoles(superuserUrl);
  await setUpDatabaseRoles(superuserUrl, database);
  return { writerUrl: urlAs(superuserUrl, WRITER, database), readerUrl: urlAs(superuserUrl, READER, database) };
}

/** DATABASE_URL (and DATABASE_READER_URL) when set; otherwise the embedded PostgreSQL under DATA_DIR, started here. */
export async function openDatabase(): Promise<OpenDatabase> {
  const env = readEnv();
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, readerUrl: env.DATABASE_READER_URL ?? null, stop: async () => {}, embedded: false };
  }
  const db = await startEmbeddedPostgres({
    dataDir: path.resolve(ROOT, env.DATA_DIR),
    port: env.DB_PORT,
    database: DATABASE_NAME,
  });
  try {
    const { writerUrl, readerUrl } = await prepareEmbeddedRoles(db.url, DATABASE_NAME);
    return { url: writerUrl, readerUrl, stop: db.stop, embedded: true };
  } catch (error) {
    await db.stop();
    throw error;
  }
}

/**
 * After migrations and the seed: the URL the app gets, and what to warn about. The embedded
 * cluster's reader is ready; with DATABASE_URL and DATABASE_READER_URL, the writer grants the
 * reader SELECT on what it owns (new tables included) and the reader is checked: it must read
 * every table and view, and should change nothing. Without DATABASE_READER_URL the app uses
 * DATABASE_URL, with one warning: creating a login role on someone else's server, with a
 * password kept where, is the operator's decision (docs/database.md).
 */
export async function appDatabase(db: OpenDatabase): Promise<{ url: string; warnings: string[] }> {
  if (db.embedded && db.readerUrl) return { url: db.readerUrl, warnings: [] };
  const warnings: string[] = [];
  const writer = await describeRole(db.url);
  if (writer.superuser) {
    warnings.push(
      `DATABASE_URL connects as "${writer.role}", a superuser: the migrations, the seed and imports need only a role that owns the tables (docs/database.md, "Roles").`,
    );
  }
  if (!db.readerUrl) {
    warnings.push(
      `DATABASE_READER_URL is not set: the dashboard connects as "${writer.role}" from DATABASE_URL, which may write. ` +
        'Give it a role that may only read (docs/database.md, "Roles").',
    );
    return { url: db.url, warnings };
  }
  const readerName = (await describeRole(db.readerUrl)).role;
  if (readerName !== writer.role) await grantReader(db.url, readerName);
  const reader = await describeRole(db.readerUrl);
  if (reader.unreadable.length > 0) {
    throw new UserError(
      `DATABASE_READER_URL's role "${reader.role}" cannot read ${reader.unreadable.join(', ')}, and DATABASE_URL's ` +
        `role "${writer.role}" could not grant it (it does not own them, or the schema public). Grant it USAGE on ` +
        'schema public and SELECT on those tables (docs/database.md, "Roles").',
    );
  }
  const powers = [...reader.attributes, ...reader.writes];
  if (powers.length > 0) {
    warnings.push(
      `DATABASE_READER_URL's role "${reader.role}" may do more than read: ${powers.slice(0, 5).join(', ')}` +
        `${powers.length > 5 ? ` and ${powers.length - 5} more` : ''} (docs/database.md, "Roles").`,
    );
  }
  return { url: db.readerUrl, warnings };
}
