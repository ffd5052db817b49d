// @ts-check
// Where scripts/serve.mjs finds the page cache's answer for a stored page, so that a hit skips
// Next.js's request handling and compression. proxy.ts, which owns the cache inside Next.js's
// bundle, puts the function here when it creates the cache; both run in one process, and the
// bundle's modules are not the ones serve.mjs imports, so the meeting point is the global object.

/** A stored page as the server writes it: status, every header, the body (gzipped if asked). */
/** @typedef {{ status: number; headers: [string, string][]; body: Uint8Array }} PageCacheHit */

/**
 * Answers a GET from the page cache, or null when the request is not a stored page's (Next.js
 * then answers it as before). Never throws for a bad address.
 * @typedef {(url: string, headers: Headers) => Promise<PageCacheHit | null>} AnswerPageCacheHit
 */

export const PAGE_CACHE_HIT = Symbol.for('kaz-trade.page-cache-hit');

/** @param {AnswerPageCacheHit} answer */
export function offerPageCacheHits(answer) {
  /** @type {Record<symbol, unknown>} */ (globalThis)[PAGE_CACHE_HIT] = answer;
}

/** @returns {AnswerPageCacheHit | undefined} */
export function pageCacheHits() {
  const answer = /** @type {Record<symbol, unknown>} */ (globalThis)[PAGE_CACHE_HIT];
  return typeof answer === 'function' ? /** @type {AnswerPageCacheHit} */ (answer) : undefined;
}
