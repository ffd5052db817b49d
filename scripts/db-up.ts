// Starts the embedded PostgreSQL, migrates and seeds it, and keeps it running until Ctrl-C:
// for `next dev`, tests and tools that need a database without the app.
import { openDatabase } from './lib/database';
import { applyMigrations } from './lib/migrations';
import { seedDatabase } from './lib/seed';
import { runMain, UserError } from './lib/user-error';

runMain(async () => {
  const db = await openDatabase();
  if (!db.embedded) throw new UserError('DATABASE_URL is set: there is no embedded database to start.');
  await applyMigrations(db.url);
  await seedDatabase(db.url);
  console.log(
    `PostgreSQL is up. The writer (migrations, seed, imports): DATABASE_URL=${db.url}\n` +
      `The reader (the app): DATABASE_READER_URL=${db.readerUrl}\nCtrl-C stops it.`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await db.stop();
});
