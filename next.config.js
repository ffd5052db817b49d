// @ts-check
import { realpathSync } from 'node:fs';
import path from 'node:path';
import createNextIntlPlugin from 'next-intl/plugin';
import { readEnv } from './lib/env.js';
import { securityHeaders } from './lib/security-headers.js';

// Fail at startup (dev, build and start) with a readable message instead of at the first query.
const env = readEnv();
const isDev = env.NODE_ENV === 'development';

// Everything refuses to be framed except the embed routes (/embed/...), which any site may frame:
// two rules whose paths do not overlap, so no answer carries both policies (a browser would
// enforce both, and 'none' would win).
const headers = securityHeaders({ isDev });
const embedHeaders = securityHeaders({ isDev, framable: true });

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
  // scripts/serve.mjs compresses, with a faster level for downloads.
  compress: false,
  reactStrictMode: true,
  typedRoutes: false,
  turbopack: { root },
  outputFileTracingRoot: root,
  // node-postgres and its Prisma adapter load native-style modules at runtime; keep them out of the bundle.
  serverExternalPackages: ['pg', '@prisma/adapter-pg'],
  // proxy.ts must tell a client-side navigation (an RSC request) from a document request, or the
  // page cache would answer a navigation with HTML. By default Next.js removes the RSC headers and
  // the `_rsc` parameter from what the proxy sees; this documented flag keeps them ("skipProxyUrlNormalize",
  // Next.js 16 docs). The app has no configured rewrites, locales or trailing-slash setting that
  // the normalisation would otherwise adjust, and its one redirect (/favicon.ico) never reaches the
  // proxy; the proxy's own rewrite onto app/[locale] (docs/i18n.md) keeps the query and headers as they came.
  skipProxyUrlNormalize: true,
  // The app shows no images: without this, /_next/image fetched any URL of the app
  // (`?url=/api/observations&w=64` built a whole JSON export) and resized it in memory.
  // Unoptimized, Next answers 404 there.
  images: { unoptimized: true },
  // Browsers ask for /favicon.ico before (or instead of) reading the page's icon link; without
  // this they got the 404 page. The icon is public/favicon.svg.
  async redirects() {
    return [{ source: '/favicon.ico', destination: '/favicon.svg', permanent: true }];
  },
  async headers() {
    return [
      // With or without a language prefix (/ru/embed/...: lib/i18n/locales.ts names the languages).
      { source: '/:path((?!(?:ru/|kk/)?embed$|(?:ru/|kk/)?embed/).*)', headers },
      { source: '/:locale(ru|kk)?/embed', headers: embedHeaders },
      { source: '/:locale(ru|kk)?/embed/:path*', headers: embedHeaders },
    ];
  },
};

// next-intl: the request configuration (language and catalogue of each request) lives in lib/i18n.
// Bundled catalogues are precompiled (experimental.messages.precompile): next-intl's loader compiles
// each ICU message at build time and the bundle formats it with a formatter that only reads the
// compiled form, so intl-messageformat's parser (12 KB gzipped of every page's first-load
// JavaScript) is not shipped. Hence catalogue values are not strings in bundled code: read them
// through a translator. Unit tests and scripts read the plain JSON with the full formatter; both say
// the same (lib/i18n/precompiled-messages.test.ts). docs/i18n.md, "Precompiled messages".
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true },
  },
});

export default withNextIntl(nextConfig);
