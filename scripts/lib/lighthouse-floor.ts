// The Lighthouse floor of the framework on this machine: a Next.js app of one static page (a
// heading and a sentence, no data, no client component) built and served with the same Next.js,
// React and Chromium as the dashboard, measured in the same run. Lighthouse's simulated throttling
// multiplies the machine's own main-thread time by four, so on a slow or busy machine even this
// page can miss the targets; a page's figures mean most next to the floor's.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './database';
import { stopNextServer, waitForHealth } from './next-server';
import { freePort } from './test-database';
import { UserError } from './user-error';

/** Under .data/ (git-ignored): inside the project, so that `next` and React resolve from its node_modules. */
const FLOOR_DIR = path.join(ROOT, '.data', 'bench-floor');

const FILES: Record<string, string> = {
  'package.json': '{ "name": "bench-floor", "private": true }\n',
  // Turbopack resolves packages only inside its root: the project's, where node_modules is.
  'next.config.js': `module.exports = { turbopack: { root: ${JSON.stringify(ROOT)} }, outputFileTracingRoot: ${JSON.stringify(ROOT)} };\n`,
  'app/layout.jsx': `export const metadata = { title: 'Floor', description: 'One static page' };
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
`,
  'app/page.jsx': `export default function Page() {
  return (
    <main>
      <h1>Floor</h1>
      <p>One static page of the App Router, for the benchmark's Lighthouse floor.</p>
    </main>
  );
}
`,
};

const next = (args: string[]) =>
  spawn(process.execPath, [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), ...args], {
    cwd: FLOOR_DIR,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });

async function exited(child: ChildProcess, what: string): Promise<void> {
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0) throw new UserError(`${what} exited with code ${code}`);
}

/**
 * Builds the one-page app, serves it, hands its address to `measure`, and removes it all again
 * (the folder too, so that lint and format checks never see it).
 */
export async function withFloorApp<T>(measure: (base: string) => Promise<T>): Promise<T> {
  rmSync(FLOOR_DIR, { recursive: true, force: true });
  for (const [file, text] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(FLOOR_DIR, file)), { recursive: true });
    writeFileSync(path.join(FLOOR_DIR, file), text);
  }
  let server: ChildProcess | undefined;
  try {
    await exited(next(['build']), 'next build of the floor app');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = next(['start', '--port', String(port)]);
    await waitForHealth(base, server, 60_000, '/');
    return await measure(base);
  } finally {
    if (server) await stopNextServer(server);
    rmSync(FLOOR_DIR, { recursive: true, force: true });
  }
}
