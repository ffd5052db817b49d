// The production server (scripts/serve.mjs, Next.js behind the method gate) on a free port against a given database, for the benchmarks and the
// reliability tests (the build must exist: see next-build.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { ROOT } from './database';
import { UserError } from './user-error';

export interface NextServerOptions {
  port: number;
  databaseUrl: string;
  /** Extra environment (NODE_OPTIONS, QUERY_CACHE, ...). */
  env?: Record<string, string>;
  /** The server's stdout. */
  stdout?: 'ignore' | 'inherit';
  /** The server's stderr: ours, so that crashes show, unless the caller reads it (and passes it on). */
  stderr?: 'inherit' | 'pipe';
}

export function startNextServer(options: NextServerOptions): ChildProcess {
  return spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.mjs'), '--port', String(options.port)], {
    cwd: ROOT,
    stdio: ['ignore', options.stdout ?? 'ignore', options.stderr ?? 'inherit'],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      // The page cache renders a miss through this address (proxy.ts).
      PORT: String(options.port),
      ...options.env,
    },
  });
}

/** Resolves once /api/health answers 200; fails when the server exits or stays silent. */
export async function waitForHealth(
  base: string,
  server: ChildProcess,
  timeoutMs = 120_000,
  /** The address that answers 200 once the server is ready (the bench's bare app has only `/`). */
  readyPath = '/api/health',
): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server.exitCode !== null) throw new UserError('next start exited before it was ready');
    try {
      if ((await fetch(`${base}${readyPath}`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new UserError(`next start did not answer within ${Math.round(timeoutMs / 1000)} s`);
}

/** SIGTERM, then waits for the process to exit (SIGKILL after 10 s). */
export async function stopNextServer(server: ChildProcess): Promise<void> {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = once(server, 'exit');
  server.kill('SIGTERM');
  const timer = setTimeout(() => server.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
