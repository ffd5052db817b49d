// Applies pending migrations to DATABASE_URL, or to the embedded database.
import { applyMigrations } from './lib/migrations';
import { openDatabase } from './lib/database';
import { runMain } from './lib/user-error';

runMain(async () => {
  const db = await openDatabase();
  try {
    const applied = await applyMigrations(db.url);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
  } finally {
    await db.stop();
  }
});
