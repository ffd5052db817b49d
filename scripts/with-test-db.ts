// Runs a command against a fresh, migrated and seeded throwaway database:
//   tsx scripts/with-test-db.ts vitest run --project integration
import { spawn } from 'node:child_process';
import { startTestCluster } from './lib/test-database';
import { runMain, UserError } from './lib/user-error';

runMain(async () => {
  const [command, ...args] = process.argv.slice(2);
  if (!command) throw new UserError('Usage: tsx scripts/with-test-db.ts <command> [args...]');
  const cluster = await startTestCluster();
  let code = 1;
  try {
    const url = await cluster.createDatabase(command.replace(/\W/g, ''));
    code = await new Promise<number>((resolve) => {
      const child = spawn(command, args, {
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL: url, TEST_DATABASE: '1' },
      });
      child.on('exit', (c) => resolve(c ?? 1));
      process.on('SIGINT', () => child.kill('SIGINT'));
      process.on('SIGTERM', () => child.kill('SIGTERM'));
    });
  } finally {
    await cluster.dispose();
  }
  process.exit(code);
});
