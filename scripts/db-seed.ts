// Seeds DATABASE_URL, or the embedded database, from prisma/data (migrating first).
import { openDatabase } from './lib/database';
import { applyMigrations } from './lib/migrations';
import { seedDatabase } from './lib/seed';
import { runMain } from './lib/user-error';

runMain(async () => {
  const db = await openDatabase();
  try {
    await applyMigrations(db.url);
    console.log('Seeding from prisma/data ...');
    await seedDatabase(db.url);
  } finally {
    await db.stop();
  }
});
