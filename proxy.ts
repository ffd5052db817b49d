import Negotiator from 'negotiator';
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, isEmbedPath } from '@/lib/content-security-policy';
import { offerPageCacheHits, type PageCacheHit } from '@/lib/http/page-cache-hit';
import { securityHeaders } from '@/lib/security-headers';
import { datasetVersion, knownDatasetVersion } from '@/lib/cache';
import { apiError, databaseUnavailable } from '@/lib/http/api-error';
import { methodNotAllowedMessage, READ_METHODS } from '@/lib/http/read-only';
import { DOWNLOAD_ID_PARAM, isDownloadId } from '@/lib/export/download-outcome';
import { reportDownload } from '@/lib/export/reported-download';
import { getDatabaseStatus } from '@/lib/database-status';
import { LOCALE_HEADER } from '@/lib/i18n/locales';
import { routeLocale } from '@/lib/i18n/paths';
import { DATA_LANDING } from '@/lib/search-params/landing';
import { legacySortRedirect } from '@/lib/search-params/legacy-sort';
import { unreadParameters } from '@/lib/search-params/page-params';
import { RENDER_ID_HEADER, takeRenderFailure } from '@/lib/render-failures';
import {
  createPlaceholder,
  gzipWithNonce,
  isCacheableDocument,
  isCacheableRequest,
  PAGE_CACHE_DISABLED,
  PageCache,
  pageCacheKey,
  RENDER_HEADER,
  RENDER_TIMEOUT_MS,
  toRenderedPage,
  withNonce,
  type RenderedPage,
} from '@/lib/page-cache';

/** A page document asked for by its address, not a client-side navigation or prefetch (RSC). */
function isDocumentRequest(request: NextRequest): boolean {
  const { pathname, searchParams } = request.nextUrl;
  return isCacheableRequest('GET', pathname, searchParams, request.headers);
}

/**
 * A page of the app rather than an API route or a file (/robots.txt, /favicon.svg): only pages
 * have a language. No page path has a dot in its last segment (partner codes, ids and screen names have none).
 */
function isPage(pathname: string): boolean {
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  return !/\.[^/]*$/.test(pathname);
}

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Gates before any page or API route runs:
 * - a method other than GET or HEAD gets 405 (there are no forms, server actions or write APIs;
 *   imports are a command until an authenticated admin area exists), which also keeps
 *   server-action payloads away from the RSC deserialiser;
 * - an address with a malformed %-escape gets 400;
 * - the language comes from the address: /ru/… and /kk/… for translated screens, English bare;
 *   every page is rewritten onto app/[locale] (docs/i18n.md);
 * - the old sort grammar (sort=share&dir=desc) is redirected to today's (sort=share:desc), and a bare
 *   /data to the data screen's landing view (the official series, latest year first);
 * - a page address with parameters the page does not read is redirected to the address without them;
 * - while the database is away, 503 at once (JSON for the API, a short page otherwise) rather than
 *   requests that hang or fail one by one; while it hangs, pages already in the page cache are
 *   still served; /api/health reports the cause itself;
 * - otherwise a fresh CSP nonce: Next.js reads it from the request's policy and puts it on its
 *   scripts, and the browser runs no other inline script. Pages come from the page cache; a
 *   render that failed is a 503 with a message, never a 200 skeleton.
 */
export async function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith('/api/');
  if (!READ_METHODS.has(request.method)) {
    const headers = { Allow: 'GET, HEAD', 'Cache-Control': 'no-store' };
    const message = methodNotAllowedMessage(request.method);
    return isApi
      ? apiError(405, 'method_not_allowed', message, { headers })
      : new NextResponse(message, {
          status: 405,
          headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
        });
  }

  if (!decodablePath(request.nextUrl.pathname)) {
    // Next.js answers a malformed %-escape in a dynamic segment (/partners/%E0%A4%A) with a bare
    // 500; it is the address that is wrong.
    const message = 'The address has a malformed %-escape (each % must start a UTF-8 byte such as %C3%A9).';
    return isApi
      ? apiError(400, 'bad_request', message)
      : new NextResponse(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }

  // The page's language from its address (/ru/compare, /kk/compare; English bare): /en/… and
  // screens not translated yet are redirected (lib/i18n/paths.ts). The rules below see the path
  // without its prefix, and their redirects keep it.
  const route = isPage(request.nextUrl.pathname) ? routeLocale(request.nextUrl.pathname) : null;
  if (route?.kind === 'redirect') {
    const target = request.nextUrl.clone();
    target.pathname = route.path;
    return NextResponse.redirect(target, { status: route.status, headers: { 'Cache-Control': 'no-store' } });
  }
  const path = route?.path ?? request.nextUrl.pathname;

  // The old sort grammar of `/` and `/compare` (sort=share&dir=desc): one permanent redirect to the
  // same view in today's (sort=share:desc), before the database or the page cache is asked.
  const bare = request.nextUrl.clone();
  bare.pathname = path;
  const legacy = legacySortRedirect(bare);
  if (legacy) {
    legacy.pathname = request.nextUrl.pathname;
    return NextResponse.redirect(legacy, 308);
  }

  // A bare /data opens on the official series, latest year first: a 307, as the landing view may change.
  if (path === '/data' && request.nextUrl.search === '') {
    const landing = request.nextUrl.clone();
    landing.search = DATA_LANDING;
    return NextResponse.redirect(landing, 307);
  }

  if (isDocumentRequest(request)) {
    // A parameter the page does not read changes nothing on it, but would make another page-cache
    // entry (`?cb=<unique>` made every request a miss): the page is sent to its address without it.
    const unread = unreadParameters(path, request.nextUrl.searchParams);
    if (unread && unread.length > 0) {
      const canonical = request.nextUrl.clone();
      for (const name of unread) canonical.searchParams.delete(name);
      return NextResponse.redirect(canonical, { status: 308, headers: { 'Cache-Control': 'no-store' } });
    }
  }

  const isDev = process.env.NODE_ENV === 'development';
  const pageCache = getPageCache();
  const isRenderForCache = pageCache !== null && request.headers.get(RENDER_HEADER) === RENDER_SECRET;
  const fromCache =
    !isRenderForCache &&
    pageCache !== null &&
    isCacheableRequest(request.method, request.nextUrl.pathname, request.nextUrl.searchParams, request.headers);

  // The health check must report the cause itself, so it is never answered for here.
  const status = request.nextUrl.pathname === '/api/health' ? null : await getDatabaseStatus();
  if (status && !status.up) {
    // While PostgreSQL hangs, a page already rendered is still right: the data has not changed.
    if (status.hung && fromCache && pageCache) {
      const stored = storedPage(pageCache, request);
      if (stored) return servePage(request, stored, freshNonce(), 'hit');
    }
    const message = status.hung
      ? 'The database does not answer right now. The dashboard recovers by itself when it does; try again in a few seconds.'
      : 'The database is unavailable; the dashboard recovers by itself when it returns. Try again in a few seconds.';
    const response = unavailable(isApi, message, 'The data is temporarily unavailable');
    // A download link waits for its outcome cookie (lib/export/download-outcome.ts): this refusal sets it too.
    const downloadId = isApi ? request.nextUrl.searchParams.get(DOWNLOAD_ID_PARAM) : null;
    return downloadId !== null && isDownloadId(downloadId) ? reportDownload(response, downloadId) : response;
  }

  const requestHeaders = new Headers(request.headers);
  // The header only counts with this process's secret; anyone else's copy is dropped.
  requestHeaders.delete(RENDER_HEADER);
  if (!isRenderForCache) requestHeaders.delete(RENDER_ID_HEADER);
  // The language comes from the address alone: a client's own copy of the header is dropped.
  requestHeaders.delete(LOCALE_HEADER);

  const nonce = isRenderForCache ? PLACEHOLDER : freshNonce();
  if (fromCache && pageCache) {
    const cached = await cachedPage(pageCache, request);
    if (cached === 'busy') {
      return unavailable(
        false,
        'The server is rendering many other pages right now. Try again in a few seconds.',
        'The server is busy',
      );
    }
    if (cached?.page.failed) {
      // The render failed after its shell had gone out with status 200 (a query error streamed into
      // it): without JavaScript that is an empty page. Say what happened instead.
      return unavailable(
        false,
        'The data for this page could not be loaded. The failure is logged on the server; try again in a few seconds.',
        'The page could not be loaded',
      );
    }
    if (cached)
      return withTransportSecurity(request, servePage(request, cached.page, nonce, cached.hit ? 'hit' : 'miss'));
  }

  const policy = contentSecurityPolicy({ nonce, isDev, framable: isEmbedPath(request.nextUrl.pathname) });
  requestHeaders.set('Content-Security-Policy', policy);
  let response: NextResponse;
  if (route) {
    // Every page renders under app/[locale]: /compare as /en/compare, /ru/compare as itself. The
    // address bar keeps the visible path; the query (and an RSC request's _rsc) goes along.
    requestHeaders.set(LOCALE_HEADER, route.locale);
    const target = request.nextUrl.clone();
    target.pathname = `/${route.locale}${route.path === '/' ? '' : route.path}`;
    response = NextResponse.rewrite(target, { request: { headers: requestHeaders } });
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  response.headers.set('Content-Security-Policy', policy);
  return withTransportSecurity(request, response);
}

const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * HSTS only when the request came over HTTPS (directly, or through a proxy that terminated TLS and
 * says so): over plain http browsers ignore it, and a dashboard served on http://localhost must not
 * pin anything. One response per host is enough for the browser to keep it.
 */
function withTransportSecurity(request: NextRequest, response: NextResponse): NextResponse {
  setTransportSecurity(response.headers, request.headers, request.nextUrl.protocol === 'https:');
  return response;
}

/** The HSTS rule above for any response's headers: both the proxy and answerHit use it. */
function setTransportSecurity(headers: Headers, requestHeaders: Headers, overHttps: boolean): void {
  const forwarded = requestHeaders.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (overHttps || forwarded === 'https') headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
}

// The page cache (lib/page-cache.ts). The proxy cannot read the body of the page it lets through,
// so on a miss it asks its own server for the page, marked with a secret header; that request
// comes back through here and is rendered with the placeholder nonce instead of a fresh one.
// The address is the one this process listens on, never the request's Host: behind a load
// balancer each replica renders its own pages: PAGE_CACHE_ORIGIN, or the loopback address on PORT
// (every launcher of this project sets it: npm start, the tests, the benchmarks). Without either
// the cache stays off. Read at the first request, not when this module loads.
let origin: string | undefined;
let pageCacheInstance: PageCache | null | undefined;
function getPageCache(): PageCache | null {
  if (pageCacheInstance === undefined) {
    const port = process.env.PORT;
    origin = process.env.PAGE_CACHE_ORIGIN ?? (port ? `http://127.0.0.1:${port}` : undefined);
    pageCacheInstance =
      PAGE_CACHE_DISABLED || process.env.NODE_ENV === 'development' || !origin ? null : new PageCache();
    const cache = pageCacheInstance;
    if (cache) offerPageCacheHits((url, headers) => answerHit(cache, url, headers));
  }
  return pageCacheInstance;
}
const PLACEHOLDER = createPlaceholder();
const freshNonce = () => Buffer.from(crypto.randomUUID()).toString('base64');
const RENDER_SECRET = createPlaceholder();

async function renderForCache(url: URL): Promise<{ page: RenderedPage; cacheable: boolean } | null> {
  // Path and query are set on the origin's URL, never resolved against it: a path such as
  // `//elsewhere.example/x` resolved as a relative URL would leave this server (SSRF).
  const target = new URL(origin ?? 'http://127.0.0.1');
  target.pathname = url.pathname;
  target.search = url.search;
  const renderId = crypto.randomUUID();
  try {
    const response = await fetch(target, {
      headers: {
        [RENDER_HEADER]: RENDER_SECRET,
        [RENDER_ID_HEADER]: renderId,
        accept: 'text/html',
        'accept-encoding': 'identity',
      },
      redirect: 'manual',
      cache: 'no-store',
      signal: AbortSignal.timeout(RENDER_TIMEOUT_MS),
    });
    const html = await response.text();
    // Next.js reports a render's error to instrumentation.ts a few promise jobs after React caught
    // it, which can be after the last byte was sent: one turn of the event loop lets it land.
    await new Promise((resolve) => setImmediate(resolve));
    const reportedError = takeRenderFailure(renderId);
    const contentType = response.headers.get('content-type');
    // An HTML answer without the placeholder was not rendered by this process for this request
    // (PAGE_CACHE_ORIGIN pointing elsewhere): its nonce would not match ours, so it is not used.
    if (contentType?.startsWith('text/html') && !html.includes(PLACEHOLDER)) {
      console.error(
        `page cache: ${target.origin} answered without this process's placeholder; is PAGE_CACHE_ORIGIN this server?`,
      );
      return null;
    }
    return {
      page: toRenderedPage(response.status, response.headers, html, PLACEHOLDER, reportedError),
      cacheable: isCacheableDocument(response.status, contentType, html, PLACEHOLDER, reportedError),
    };
  } catch (error) {
    // Unreachable origin or a render that timed out: render this request the ordinary way.
    console.error(`page cache: rendering ${url.pathname} through ${target.origin} failed:`, error);
    return null;
  }
}

/** A 503 with a message: JSON for the API, a short page that reloads itself otherwise. */
function unavailable(isApi: boolean, message: string, title: string): Response {
  const headers = { 'Retry-After': '5', 'Cache-Control': 'no-store' };
  if (isApi) return databaseUnavailable(message);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10"><title>${title} · Kazakhstan Trade Dashboard</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>${title}</h1><p>${message} This page reloads every 10 seconds.</p></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

/**
 * A stored or freshly rendered page's headers for one response: its own, its own nonce in the
 * policy (and in the Link header's preloads, rendered with the placeholder), whether it was stored.
 */
function pageHeaders(page: RenderedPage, nonce: string, pathname: string, base: URL, cache: 'hit' | 'miss'): Headers {
  const isDev = process.env.NODE_ENV === 'development';
  // Tuples spelled out: the DOM's HeadersInit takes [string, string][], not string[][].
  const headers = new Headers(
    page.headers.map(([name, value]): [string, string] => [name, value.replaceAll(PLACEHOLDER, nonce)]),
  );
  // A page that redirects (/partners/deu → /partners/DEU) names a path; a response needs a URL.
  const location = headers.get('location');
  if (location) headers.set('location', new URL(location, base).toString());
  headers.set('Content-Security-Policy', contentSecurityPolicy({ nonce, isDev, framable: isEmbedPath(pathname) }));
  // hit: stored before; miss: rendered for this request (and any waiting for the same page).
  headers.set('X-Page-Cache', cache);
  return headers;
}

/** A stored or freshly rendered page, with this response's own nonce in its body and policy. */
function servePage(request: NextRequest, page: RenderedPage, nonce: string, cache: 'hit' | 'miss'): NextResponse {
  const headers = pageHeaders(page, nonce, request.nextUrl.pathname, request.nextUrl, cache);
  return new NextResponse(withNonce(page, nonce), { status: page.status, headers });
}

/**
 * A stored page answered for scripts/serve.mjs before Next.js sees the request: the same bytes
 * and headers as servePage through Next.js, with next.config.js's security headers added here,
 * gzipped from the parts compressed when it was stored when the client takes gzip. Null for
 * anything else (a miss, a request the cache does not take, the database down and not hung),
 * which Next.js and this proxy then answer as before. Every gate the proxy applies before the
 * cache depends on the path and query alone, which are the key: a stored page passed them.
 */
async function answerHit(cache: PageCache, rawUrl: string, requestHeaders: Headers): Promise<PageCacheHit | null> {
  // Only a path in its normal form: `//partners` read as a URL is the host `partners` and the
  // path `/`, and `/x/../compare` is `/compare`; Next.js answers those itself (a redirect).
  if (!rawUrl.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(`http://localhost${rawUrl}`);
  } catch {
    return null;
  }
  const { pathname, searchParams } = url;
  if (pathname !== rawUrl.split(/[?#]/, 1)[0]) return null;
  if (!decodablePath(pathname) || requestHeaders.has(RENDER_HEADER)) return null;
  if (!isCacheableRequest('GET', pathname, searchParams, requestHeaders)) return null;
  const status = await getDatabaseStatus();
  let page: RenderedPage | undefined;
  if (!status.up) {
    // As the proxy does: while PostgreSQL hangs a stored page is still right; while it is down, 503.
    const version = status.hung ? knownDatasetVersion() : null;
    page = version === null ? undefined : cache.peek(pageCacheKey(version, pathname, searchParams));
  } else {
    let version: string;
    try {
      version = await datasetVersion();
    } catch {
      return null;
    }
    page = cache.peek(pageCacheKey(version, pathname, searchParams));
  }
  if (!page || page.failed) return null;
  const nonce = freshNonce();
  const headers = pageHeaders(page, nonce, pathname, url, 'hit');
  // next.config.js's headers for this path, but the policy: the page's own has the nonce.
  for (const { key, value } of securityHeaders({ framable: isEmbedPath(pathname) }))
    if (!headers.has(key)) headers.set(key, value);
  // serve.mjs listens on plain HTTP: TLS, if any, ended at a proxy in front of it.
  setTransportSecurity(headers, requestHeaders, false);
  const gzip = acceptsGzip(requestHeaders) && page.deflated.length > 0;
  if (gzip) headers.set('Content-Encoding', 'gzip');
  const body = gzip ? gzipWithNonce(page, nonce) : withNonce(page, nonce);
  return { status: page.status, headers: [...headers], body };
}

/** Whether the client takes gzip, by its Accept-Encoding (q-values and `*` included). */
function acceptsGzip(headers: Headers): boolean {
  const header = headers.get('accept-encoding');
  if (!header) return false;
  return new Negotiator({ headers: { 'accept-encoding': header } }).encoding(['gzip', 'identity']) === 'gzip';
}

/** The page as stored under the last dataset version read, without asking the database anything. */
function storedPage(cache: PageCache, request: NextRequest): RenderedPage | undefined {
  const version = knownDatasetVersion();
  if (version === null) return undefined;
  return cache.peek(pageCacheKey(version, request.nextUrl.pathname, request.nextUrl.searchParams));
}

/**
 * The page from the cache, rendered once per URL and dataset version; `busy` when too many other
 * pages are being rendered; null to render it the ordinary way.
 */
async function cachedPage(
  cache: PageCache,
  request: NextRequest,
): Promise<{ page: RenderedPage; hit: boolean } | 'busy' | null> {
  const { pathname, searchParams } = request.nextUrl;
  let version: string;
  try {
    version = await datasetVersion();
  } catch {
    // The version could not be read (the database just went away): no cache for this request.
    return null;
  }
  const key = pageCacheKey(version, pathname, searchParams);
  return cache.get(key, () => renderForCache(request.nextUrl));
}

export const config = {
  // Not for static files or the icon (next.config.js gives them the baseline headers).
  matcher: ['/((?!_next/|favicon.ico).*)'],
};
