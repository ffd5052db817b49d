// @ts-check
// The Content-Security-Policy, in one place for next.config.js (every response, no nonce) and
// proxy.ts (pages and API answers, with a fresh nonce per request). Plain JS so that
// next.config.js can import it.

/**
 * The embed routes (/embed/..., and /ru/embed/..., /kk/embed/... in the other languages: see
 * lib/i18n/locales.ts): the only pages another site may show in a frame. Everything else refuses
 * to be framed (frame-ancestors 'none' and X-Frame-Options: DENY), against clickjacking.
 */
const EMBED_PATH = /^(\/(ru|kk))?\/embed(\/|$)/;

/**
 * Whether a path is an embed route.
 * @param {string} pathname
 * @returns {boolean}
 */
export function isEmbedPath(pathname) {
  return EMBED_PATH.test(pathname);
}

/**
 * With a nonce, only scripts carrying it run ('strict-dynamic' lets them load the app's chunks);
 * an injected inline script or a same-origin file an attacker managed to upload does not. Next.js
 * reads the nonce from the request's copy of this header and puts it on its own scripts.
 * Without a nonce (static files, prerendered pages) inline scripts need 'unsafe-inline'.
 * Styles keep 'unsafe-inline': the charts set style attributes, which nonces cannot cover.
 * React needs 'unsafe-eval' in development only. No upgrade-insecure-requests: the dashboard is
 * served over plain http on local machines. `framable` is for the embed routes only: any site may
 * frame them (they only read, and hold no session to hijack).
 * @param {{ nonce?: string; isDev?: boolean; framable?: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, isDev = false, framable = false } = {}) {
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${isDev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    framable ? 'frame-ancestors *' : "frame-ancestors 'none'",
  ].join('; ');
}
