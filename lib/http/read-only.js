// @ts-check
// The dashboard is read-only over HTTP: there are no forms, server actions or write APIs (imports
// are a command until an authenticated admin area exists). One rule for scripts/serve.mjs, which
// answers before Next.js, and proxy.ts, which answers under `next dev`.

export const READ_METHODS = new Set(['GET', 'HEAD']);

/** @param {string} method */
export const methodNotAllowedMessage = (method) => `${method} is not allowed: the dashboard is read-only over HTTP.`;
