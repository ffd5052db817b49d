// @ts-check
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEnv } from './lib/env.js';

// Fail at startup (dev, build and start) with a readable message instead of at the first query.
const env = readEnv();
const isDev = env.NODE_ENV === 'development';

// No nonces: the app loads nothing from other hosts, and Next's inline bootstrap scripts and
// Recharts' inline styles need 'unsafe-inline'. React needs 'unsafe-eval' in development only.
// No upgrade-insecure-requests: the dashboard is served over plain http on local machines.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
  { key: 'X-Frame-Options', value: 'DENY' },
];

/**
 * Git worktrees share one node_modules through a symlink; Turbopack only resolves packages inside
 * its root, so the root widens to the common parent of the project and the real node_modules.
 * A normal checkout (node_modules inside the project) keeps the default.
 */
function workspaceRoot() {
  const projectDir = path.dirname(fileURLToPath(import.meta.url));
  const modulesLink = path.join(projectDir, 'node_modules');
  if (!existsSync(modulesLink)) return undefined;
  const modulesDir = realpathSync(modulesLink);
  if (modulesDir.startsWith(`${projectDir}${path.sep}`)) return undefined;
  let root = projectDir;
  while (!modulesDir.startsWith(`${root}${path.sep}`) && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}

const root = workspaceRoot();

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // node-postgres and its Prisma adapter load native-style modules at runtime; keep them out of the bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg'],
  ...(root ? { turbopack: { root }, outputFileTracingRoot: root } : {}),
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
