// npm run bench and bench:export load the export's statement builder with Node's react-server
// condition (as Next.js does, so that 'server-only' lets them in), outside Next.js. next-intl's
// entry for that condition needs Next.js's runtime; its React-free core (use-intl/core) does not.
// The full benchmark failed at its export step when lib/i18n took createTranslator from next-intl.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const MODULES = ['./lib/export/observations-csv.ts', './lib/validations/observations.ts'];

describe('the benchmark’s server modules', () => {
  it('load with the react-server condition outside Next.js', () => {
    const code = `${MODULES.map((m) => `await import(${JSON.stringify(m)});`).join(' ')} console.log('loaded');`;
    const run = spawnSync(
      process.execPath,
      ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', code],
      { cwd: root, encoding: 'utf8' },
    );
    // The error's own line (SyntaxError: …), not the minified source Node prints above it.
    const problem = run.stderr.match(/^\w*Error: .*$/m)?.[0] ?? run.stderr.slice(-500);
    expect({ status: run.status, stdout: run.stdout.trim() }, problem).toEqual({ status: 0, stdout: 'loaded' });
  });
});
