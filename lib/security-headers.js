// @ts-check
// The headers every response carries, in one place for next.config.js (what Next.js answers) and
// scripts/serve.ts (what the server answers before Next.js: methods it cannot take). Plain JS so
// that next.config.js can import it.
import { contentSecurityPolicy } from './content-security-policy.js';

/**
 * `framable` for the embed routes (/embed/...) only: any site may frame them, so no X-Frame-Options.
 * @param {{ isDev?: boolean; framable?: boolean }} options
 * @returns {{ key: string; value: string }[]}
 */
export function securityHeaders({ isDev = false, framable = false } = {}) {
  return [
    // The baseline policy; proxy.ts replaces it with a nonce-based one on the pages and API answers it handles.
    { key: 'Content-Security-Policy', value: contentSecurityPolicy({ isDev, framable }) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
    ...(framable ? [] : [{ key: 'X-Frame-Options', value: 'DENY' }]),
    // No other origin gets a handle on this window, or reads its responses. (A frame is a
    // navigation, which Cross-Origin-Resource-Policy does not block without COEP on the framing page.)
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
  ];
}
