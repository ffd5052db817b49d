import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './database';

// Everything the build reads: the route folders and the root files Next.js compiles into it
// (proxy.ts and instrumentation.ts were missing: a change to the proxy alone served the old one).
const SOURCES = [
  'app',
  'components',
  'lib',
  'public',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'tsconfig.json',
  'package-lock.json',
  'postcss.config.mjs',
];
const SKIP = new Set(['generated', 'node_modules']);

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (SKIP.has(entry) || entry.endsWith('.test.ts')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry)));
  }
  return newest;
}

/** True when there is no production build, or the sources changed after it was made. */
export function buildIsStale(): boolean {
  const buildId = path.join(ROOT, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(ROOT, s)) > built);
}

/**
 * `next <args>`; `start` runs scripts/serve.mjs instead, Next.js's handler behind the gate for
 * methods Next.js cannot refuse itself (docs/security.md).
 */
export function runNext(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const [command, ...rest] = args;
  const entry =
    command === 'start'
      ? [path.join(ROOT, 'scripts', 'serve.mjs'), ...rest]
      : [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args];
  return spawn(process.execPath, entry, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, NEXT_TELEMETRY_DISABLED: '1' },
  });
}

export function nextBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = runNext(['build']);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`))));
  });
}
