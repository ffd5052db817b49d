// `npm test`: typecheck, lint, unit tests, then integration and end-to-end tests, each against
// its own freshly migrated and seeded database on a throwaway PostgreSQL.
import { spawn } from 'node:child_process';
import { freePort, startTestCluster, type TestCluster } from './lib/test-database';
import { buildIsStale } from './lib/next-build';
import { runMain } from './lib/user-error';

interface Step {
  name: string;
  command: string[];
  database?: string;
  when?: () => boolean;
}

const STEPS: Step[] = [
  { name: 'format', command: ['prettier', '--check', '.'] },
  { name: 'typecheck', command: ['tsc', '--noEmit'] },
  { name: 'lint', command: ['eslint', '.', '--max-warnings=0'] },
  { name: 'unit', command: ['vitest', 'run', '--project', 'unit'] },
  // Fails on a high or critical advisory; warns loudly and checks a version table when the
  // registry's audit endpoint does not answer (scripts/audit.ts).
  { name: 'audit', command: ['tsx', 'scripts/audit.ts'] },
  { name: 'integration', command: ['vitest', 'run', '--project', 'integration'], database: 'integration' },
  { name: 'build', command: ['next', 'build'], when: buildIsStale },
  { name: 'e2e', command: ['playwright', 'test'], database: 'e2e' },
  // Short form (5 s of load per route, a database outage, 500 fuzz cases); it runs its own
  // database and server on the build above. The long form is `npm run test:reliability -- --long`.
  { name: 'reliability', command: ['tsx', 'scripts/reliability.ts'] },
];

function run(command: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const [bin, ...args] = command;
  return new Promise((resolve) => {
    const child = spawn(bin ?? 'true', args, { stdio: 'inherit', env });
    child.on('exit', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

runMain(async () => {
  // Step names select steps; anything else (a spec file, `-t pattern`) is passed on to the test
  // runner of the selected steps, so one file can be run against a throwaway database.
  const args = process.argv.slice(2);
  const names = new Set(STEPS.map((s) => s.name));
  const only = args.filter((a) => names.has(a));
  const extra = args.filter((a) => !names.has(a));
  const steps = only.length > 0 ? STEPS.filter((s) => only.includes(s.name)) : STEPS;
  const results: { name: string; ok: boolean; seconds: number }[] = [];
  let cluster: TestCluster | null = null;
  try {
    for (const step of steps) {
      if (step.when && !step.when()) continue;
      console.log(`\n▶ ${step.name}: ${step.command.join(' ')}`);
      const started = Date.now();
      const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
      // A free port per run, so that two test runs on one machine do not collide.
      if (step.name === 'e2e' && !env.E2E_PORT) env.E2E_PORT = String(await freePort());
      if (step.database) {
        cluster ??= await startTestCluster();
        // The tests write their fixtures as the writer; the e2e web server reads as the reader
        // (playwright.config.ts), so a write by the app fails there as it would in production.
        env.DATABASE_URL = await cluster.createDatabase(step.database);
        env.DATABASE_READER_URL = cluster.readerUrl(env.DATABASE_URL);
        env.TEST_ADMIN_DATABASE_URL = cluster.adminUrl(env.DATABASE_URL);
        env.TEST_DATABASE = '1';
      }
      const passOn = extra.length > 0 && ['unit', 'integration', 'e2e'].includes(step.name);
      const code = await run(passOn ? [...step.command, ...extra] : step.command, env);
      results.push({ name: step.name, ok: code === 0, seconds: (Date.now() - started) / 1000 });
    }
  } finally {
    await cluster?.dispose();
  }
  console.log('\nSummary');
  for (const r of results) console.log(`  ${r.ok ? '✔' : '✖'} ${r.name} (${r.seconds.toFixed(0)} s)`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`steps: ${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
});
