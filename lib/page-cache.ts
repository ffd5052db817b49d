// Rendered pages kept in memory per URL and dataset version, served with a fresh CSP nonce each.
//
// Every page carries a per-request nonce (proxy.ts), so Next.js renders every page dynamically and
// none of its own caches applies ("you must use dynamic rendering to add nonces", Next.js guide
// "How to set a Content Security Policy", nextjs.org/docs/app/guides/content-security-policy).
// A render costs tens of milliseconds of CPU even with the query cache warm (docs/performance.md).
// Here a page is rendered once with a placeholder nonce that only
// this process knows; each request gets the stored HTML with the placeholder replaced by its own
// fresh nonce, in the body and in the policy header. Discourse serves its anonymous page cache the
// same way ("PERF: Avoid replacing CSP nonces in non-cacheable responses", discourse/discourse
// pull request 42008, 2026-07-24).
//
// Only the proxy uses this module; the pure parts are exported for the unit tests.
import { randomBytes } from 'node:crypto';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { LRUCache } from 'lru-cache';

/** PAGE_CACHE=off (or QUERY_CACHE=off, the benchmark's "before") renders every page every time. */
export const PAGE_CACHE_DISABLED = process.env.PAGE_CACHE === 'off' || process.env.QUERY_CACHE === 'off';

const MAX_ENTRIES = 500;
/** The overview is about 300 KB of HTML; 64 MB holds a few hundred pages. */
const MAX_BYTES = 64 * 1024 * 1024;
/** A render slower than this is given up; the request is then rendered the ordinary way. */
export const RENDER_TIMEOUT_MS = 60_000;
/**
 * Renders of different pages in flight at once. Each costs tens of milliseconds of CPU, so a flood
 * of distinct addresses (a unique `?q=` per request) queues here, bounded, instead of behind every
 * other visitor's page.
 */
export const MAX_CONCURRENT_RENDERS = 8;
/**
 * How long a miss beyond them waits for a slot before it is answered 503 (busy), and how many may
 * wait. Without the wait, renders slowed for a moment (the first seconds after PostgreSQL came
 * back) turned every other new address into a 503 within milliseconds, for seconds on end.
 */
export const RENDER_SLOT_WAIT_MS = 3_000;
const MAX_WAITING_FOR_SLOT = 64;

/** The header that marks the proxy's own render request; its value is a per-process secret. */
export const RENDER_HEADER = 'x-page-cache-render';

/** Headers that mean a client-side navigation, prefetch or server action: those ask for RSC, not a document. */
const RSC_REQUEST_HEADERS = [
  'rsc',
  'next-router-prefetch',
  'next-router-state-tree',
  'next-router-segment-prefetch',
  'next-action',
];

/** Headers of a rendered page that are kept with it; the rest is per response or set again by next.config.js. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary', 'location', 'link', 'x-robots-tag'];

/**
 * Whether a request asks for a full page document that may come from the cache: GET only (HEAD
 * and the 405s are answered elsewhere), no API route, no RSC request. The app reads no cookies
 * and no request headers (no theme, no session), so neither is part of the key; a feature that
 * starts reading them must add them to the key or make those requests ineligible here.
 */
export function isCacheableRequest(
  method: string,
  pathname: string,
  searchParams: URLSearchParams,
  headers: Headers,
): boolean {
  if (method !== 'GET') return false;
  if (pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/_next/')) return false;
  if (searchParams.has('_rsc')) return false;
  return !RSC_REQUEST_HEADERS.some((name) => headers.has(name));
}

/**
 * The cache key: dataset version, path and query string in URLSearchParams' serialisation, the
 * form Next.js itself writes into the page's RSC payload (its canonical URL and query), so
 * `?partners=DEU,FRA` and `?partners=DEU%2CFRA` are one page. The parameters keep their order:
 * the payload carries them in the order requested, and a page rendered for `?b=2&a=1` served to
 * `?a=1&b=2` would hand the client router a canonical URL other than the address bar's.
 */
export function pageCacheKey(version: string, pathname: string, searchParams: URLSearchParams): string {
  const query = searchParams.toString();
  return `${version}|${pathname}${query ? `?${query}` : ''}`;
}

/** A per-process random nonce placeholder: 32 random bytes, hex, so it needs no escaping anywhere. */
export function createPlaceholder(): string {
  return randomBytes(32).toString('hex');
}

/**
 * Whether a render failed on the server: a 5xx, or an error Next.js reported for it
 * (lib/render-failures.ts) while the page streamed into a 200 (the shell and its skeleton went out
 * first, so the status could not change any more). Without JavaScript such a page is an empty
 * skeleton with status 200; the proxy answers 503 with a message instead.
 */
export function isFailedRender(status: number, reportedError: boolean): boolean {
  return status >= 500 || reportedError;
}

/** Whether a rendered answer may be stored: 200, HTML, every nonce the placeholder, no error reported. */
export function isCacheableDocument(
  status: number,
  contentType: string | null,
  html: string,
  placeholder: string,
  reportedError: boolean,
): boolean {
  if (status !== 200 || reportedError || !contentType?.startsWith('text/html')) return false;
  return html.includes(`nonce="${placeholder}"`);
}

export interface RenderedPage {
  status: number;
  /** The render failed (isFailedRender): never stored, and answered 503 by the proxy. */
  failed?: boolean;
  headers: [string, string][];
  /**
   * The HTML as UTF-8 bytes, split at every placeholder: serving it is one copy of the bytes with
   * the fresh nonce between them. (Joining strings instead cost 1.4 ms for a 350 KB page, and
   * encoding the result again as much, in a CPU profile of /partners/DEU under load.)
   */
  parts: Buffer[];
  bytes: number;
  /**
   * Each part compressed on its own (raw deflate ending in a full flush: byte-aligned, no reference
   * to what came before), so a gzip answer is these with the nonce between them, not a compression
   * of the whole page per request (gzipWithNonce).
   */
  deflated: Buffer[];
}

/** A rendered answer as kept: chosen headers, the body split at the placeholder. */
export function toRenderedPage(
  status: number,
  headers: Headers,
  html: string,
  placeholder: string,
  reportedError: boolean,
): RenderedPage {
  const failed = isFailedRender(status, reportedError);
  const kept: [string, string][] = [];
  for (const name of KEPT_HEADERS) {
    const value = headers.get(name);
    if (value !== null) kept.push([name, value]);
  }
  const parts = html.split(placeholder).map((part) => Buffer.from(part, 'utf8'));
  const deflated = failed ? [] : parts.map(deflateSegment);
  return { status, failed, headers: kept, parts, bytes: parts.reduce((sum, part) => sum + part.length, 0), deflated };
}

/** Raw deflate of `bytes` that a decoder may continue with any other such segment (see RenderedPage). */
function deflateSegment(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { finishFlush: constants.Z_FULL_FLUSH });
}

/** What the LRU counts for a page: its HTML and its compressed parts. */
function storedBytes(page: RenderedPage): number {
  return Math.max(page.bytes + page.deflated.reduce((sum, part) => sum + part.length, 0), 1);
}

/** The page's HTML (UTF-8) with every placeholder replaced by this response's nonce. */
export function withNonce(page: RenderedPage, nonce: string): Uint8Array<ArrayBuffer> {
  return concatBytes(interleave(page.parts, Buffer.from(nonce, 'utf8')));
}

/** `parts` with `between` between each two of them. */
function interleave(parts: readonly Buffer[], between: Buffer): Buffer[] {
  return parts.flatMap((part, i) => (i > 0 ? [between, part] : [part]));
}

/** One array holding `chunks` in order (Buffer.concat's result may share Node's pool). */
function concatBytes(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

// gzip's container (RFC 1952) around the deflate segments, written here because zlib compresses
// whole inputs: it has no call that splices bytes into a stored compressed stream. Header: magic,
// method deflate, no flags, no time, no extra flags, OS unknown. Trailer: CRC-32 and length, LE.
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
/** An empty last block: ends the deflate stream after the segments, none of which is marked last. */
const LAST_BLOCK = deflateRawSync(Buffer.alloc(0));

/**
 * CRC-32 of `bytes` continuing `crc`. An empty part (two placeholders in a row) is skipped: Node
 * 20's zlib.crc32 answered 0 for `Buffer.from('')` with a running value, not the value.
 */
const continueCrc = (bytes: Buffer, crc: number) => (bytes.length === 0 ? crc : crc32(bytes, crc));

/**
 * withNonce's bytes as a gzip body: the parts compressed when the page was stored, the nonce
 * compressed once for this response between them. Compressing the 522 KB overview per request
 * took 7.4 ms of CPU (zlib level 6), most of a cache hit's cost; this takes 0.5 ms, for 6 % more bytes.
 */
export function gzipWithNonce(page: RenderedPage, nonce: string): Uint8Array<ArrayBuffer> {
  if (page.deflated.length !== page.parts.length)
    throw new Error('gzipWithNonce: the page has no compressed parts (a failed render).');
  const nonceBytes = Buffer.from(nonce, 'utf8');
  const plain = interleave(page.parts, nonceBytes);
  const crc = plain.reduce((running, bytes) => continueCrc(bytes, running), 0);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  // ISIZE is the length modulo 2^32.
  trailer.writeUInt32LE(plain.reduce((sum, bytes) => sum + bytes.length, 0) % 2 ** 32, 4);
  const body = interleave(page.deflated, deflateSegment(nonceBytes));
  return concatBytes([GZIP_HEADER, ...body, LAST_BLOCK, trailer]);
}

/** A render that may not be stored: carried out of lru-cache's fetch so that every waiter gets it. */
class NotStored extends Error {
  constructor(readonly page: RenderedPage | null) {
    super('not stored');
  }
}

type Render = () => Promise<{ page: RenderedPage; cacheable: boolean } | null>;

/**
 * A bounded LRU of rendered pages (lru-cache, by count and bytes) with single-flight rendering:
 * lru-cache's `fetch` makes concurrent misses for one key share one render. `render` resolves to
 * the page and whether it may be stored, or null when it could not be produced (the caller then
 * renders as if there were no cache). At most `maxRendering` different pages render at once.
 */
export class PageCache {
  private readonly entries: LRUCache<string, RenderedPage, Render>;
  /** Keys being rendered now: lru-cache shares their renders but does not count them. */
  private readonly rendering = new Set<string>();
  private readonly maxRendering: number;
  private readonly slotWaitMs: number;
  /** Misses waiting for a render slot; each is woken when one frees, and looks again. */
  private readonly waiting = new Set<() => void>();

  constructor(
    limits: { maxEntries: number; maxBytes: number; maxRendering?: number; slotWaitMs?: number } = {
      maxEntries: MAX_ENTRIES,
      maxBytes: MAX_BYTES,
    },
  ) {
    this.maxRendering = limits.maxRendering ?? MAX_CONCURRENT_RENDERS;
    this.slotWaitMs = limits.slotWaitMs ?? RENDER_SLOT_WAIT_MS;
    // A page larger than maxBytes is not stored at all (lru-cache's maxEntrySize defaults to maxSize).
    this.entries = new LRUCache<string, RenderedPage, Render>({
      max: limits.maxEntries,
      maxSize: limits.maxBytes,
      sizeCalculation: storedBytes,
      // A render that may not be stored rejects the shared fetch with the page attached; lru-cache
      // then keeps nothing for the key, and each waiter takes the page from the rejection.
      fetchMethod: async (_key, _stale, { context: render }) => {
        const result = await render().catch(() => null);
        if (!result || !result.cacheable) throw new NotStored(result?.page ?? null);
        return result.page;
      },
    });
  }

  get size(): number {
    return this.entries.size;
  }

  get totalBytes(): number {
    return this.entries.calculatedSize;
  }

  /** The stored page, if any; never renders (for requests that may not wait, e.g. while PostgreSQL hangs). */
  peek(key: string): RenderedPage | undefined {
    return this.entries.get(key);
  }

  /**
   * The page and whether it was stored already (`hit`) or rendered for this request and those
   * waiting with it; `busy` when MAX_CONCURRENT_RENDERS other pages were being rendered for all of
   * RENDER_SLOT_WAIT_MS (or too many misses wait already).
   */
  async get(key: string, render: Render): Promise<{ page: RenderedPage; hit: boolean } | 'busy' | null> {
    const deadline = Date.now() + this.slotWaitMs;
    for (;;) {
      const stored = this.entries.get(key);
      if (stored) return { page: stored, hit: true };
      if (this.rendering.has(key) || this.rendering.size < this.maxRendering) break;
      if (this.waiting.size >= MAX_WAITING_FOR_SLOT || !(await this.slotFreed(deadline - Date.now()))) return 'busy';
    }
    this.rendering.add(key);
    try {
      const page = await this.entries.fetch(key, { context: render });
      return page ? { page, hit: false } : null;
    } catch (error) {
      if (error instanceof NotStored) return error.page ? { page: error.page, hit: false } : null;
      throw error;
    } finally {
      this.rendering.delete(key);
      // Every waiter looks again: its page may be stored now, or its render started by another.
      for (const wake of [...this.waiting]) wake();
    }
  }

  /**
   * Resolves true when a render ends within `ms`, false otherwise. A counting semaphore with a
   * deadline, written here because the slots are keyed (a page already rendering is joined, not
   * queued), which p-limit and its kind do not express.
   */
  private slotFreed(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(false);
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiting.delete(wake);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.waiting.delete(wake);
        resolve(false);
      }, ms);
      this.waiting.add(wake);
    });
  }
}
