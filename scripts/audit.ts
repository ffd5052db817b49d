// npm run audit: `npm audit --omit=dev`, failing on any high or critical advisory in what the app
// ships. When the registry's audit endpoint does not answer (some mirrors answer 405), it says so
// loudly and falls back to a much weaker check: the installed versions of the framework packages
// against a committed table of the oldest releases carrying every security fix we know of. The
// fallback is not an audit: it knows nothing of advisories published after the table was written.
import { execFile } from 'node:child_process';
import path from 'node:path';
import {
  blockingAdvisories,
  checkMinimumVersions,
  MINIMUM_PATCHED,
  shippedPackages,
  type AuditReport,
} from './lib/audit-check';
import { runMain } from './lib/user-error';

const ROOT = path.resolve(import.meta.dirname, '..');

function npmAudit(): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['audit', '--omit=dev', '--json'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
      (_error, stdout, stderr) => resolve({ stdout, stderr }),
    );
  });
}

runMain(async () => {
  const { stdout, stderr } = await npmAudit();
  let report: AuditReport | null = null;
  try {
    report = JSON.parse(stdout) as AuditReport;
  } catch {
    report = null;
  }
  const blocking = blockingAdvisories(report);
  const counts = report?.metadata?.vulnerabilities;
  if (blocking && counts) {
    console.log(
      `npm audit --omit=dev: ${Object.entries(counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}`,
    );
    for (const v of blocking) console.error(`  ✖ ${v.severity}: ${v.name} ${v.range ?? ''}`);
    if (blocking.length > 0) {
      console.error(
        `✖ ${blocking.length} package(s) with high or critical advisories; run \`npm audit --omit=dev\` for details and fixes.`,
      );
      process.exit(1);
    }
    console.log('✔ no high or critical advisories');
    return;
  }

  // No report: the endpoint refused or was out of reach. Say so, then run the fallback.
  const why =
    report?.message ??
    report?.error?.summary ??
    (stderr.split('\n').find((l) => /error|warn/.test(l)) || 'no JSON report');
  console.warn(
    [
      '⚠ WARNING: npm audit could not reach the advisory database, so NO AUDIT RAN.',
      `  npm said: ${why.trim()}`,
      '  Falling back to checking framework versions against a committed table (scripts/audit.ts,',
      '  MINIMUM_PATCHED). This catches only advisories known when the table was written.',
    ].join('\n'),
  );
  const failures = checkMinimumVersions();
  for (const f of failures) console.error(`  ✖ ${f}`);
  // What the registry told npm at install time is in the lock file: its deprecation notices.
  const shipped = shippedPackages();
  for (const p of shipped.filter((p) => p.deprecated))
    console.warn(`  ⚠ ${p.name}@${p.version} is deprecated by its publisher: ${p.deprecated}`);
  const unchecked = shipped.filter((p) => !(p.name in MINIMUM_PATCHED));
  console.warn(
    [
      `⚠ NOT CHECKED against any advisory: ${unchecked.length} of the ${shipped.length} packages the app ships`,
      '  (every one but next, react and react-dom), because the advisory endpoint refused:',
      `  ${unchecked.map((p) => `${p.name}@${p.version}`).join(', ')}`,
    ].join('\n'),
  );
  if (failures.length > 0) process.exit(1);
  console.warn('⚠ fallback passed; run `npm audit --omit=dev` where the registry answers for a real audit.');
});
