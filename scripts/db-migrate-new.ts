// Creates a new migration from the difference between prisma/migrations and schema.prisma,
// using a scratch embedded PostgreSQL (the engine replays the migrations in a shadow database).
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMigration } from './lib/migrations';
import { startEmbeddedPostgres } from './lib/embedded-postgres';
import { runMain, UserError } from './lib/user-error';

runMain(async () => {
  const name = process.argv[2];
  if (!name) throw new UserError('Usage: npm run db:migrate:new -- <name>');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kaz-migrate-'));
  chmodSync(dir, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: dir, port: 54399, database: 'scratch', ephemeral: true });
  try {
    const created = await createMigration(db.url, name);
    console.log(
      created ? `Created prisma/migrations/${created}` : 'schema.prisma matches the migrations: nothing to create.',
    );
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
