// @ts-check
import { realpathSync } from 'node:fs';
import path from 'node:path';
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
 * Turbopack only resolves packages inside its root. A git worktree may link node_modules from
 * another checkout (`node_modules -> ../main/node_modules`); the root is then the nearest folder
 * holding both, so the build resolves `next` through the link. A plain checkout keeps its own folder.
 */
function workspaceRoot() {
  const here = process.cwd();
  let modules;
  try {
    modules = path.dirname(realpathSync(path.join(here, 'node_modules')));
  } catch {
    return here;
  }
  let root = here;
  while (path.relative(root, modules).startsWith('..') && path.dirname(root) !== root) root = path.dirname(root);
  return root;
}

const root = workspaceRoot();

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  turbopack: { root },
  outputFileTracingRoot: root,
  // node-postgres and its Prisma adapter load native-style modules at runtime; keep them out of the bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg'],
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
