// Renders for the page cache that failed on the server, as Next.js reports them to the
// onRequestError hook (instrumentation.ts), by the render's id. A server component that throws
// after the page began streaming cannot change the 200 status any more; this is how the page
// cache learns of it without reading React's markers in the HTML.

/** Carries a page-cache render's id to the render; the proxy drops it from any other request. */
export const RENDER_ID_HEADER = 'x-page-cache-render-id';

/** Failures not taken within this many are dropped: the render they belonged to has long ended. */
const MAX_KEPT = 1_000;

// On globalThis: instrumentation.ts and the proxy are bundled separately, and each bundle would
// otherwise hold a registry of its own.
const store = globalThis as typeof globalThis & { kazTradeRenderFailures?: Set<string> };
const failures = (store.kazTradeRenderFailures ??= new Set<string>());

export function recordRenderFailure(id: string): void {
  if (failures.size >= MAX_KEPT) {
    const oldest = failures.values().next();
    if (!oldest.done) failures.delete(oldest.value);
  }
  failures.add(id);
}

/** Whether the render with this id failed; forgets it either way. */
export function takeRenderFailure(id: string): boolean {
  return failures.delete(id);
}
