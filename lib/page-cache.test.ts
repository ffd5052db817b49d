import { randomBytes, randomUUID } from 'node:crypto';
import { createGunzip, gunzipSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import {
  createPlaceholder,
  gzipWithNonce,
  isCacheableDocument,
  isCacheableRequest,
  isFailedRender,
  pageCacheKey,
  PageCache,
  toRenderedPage,
  withNonce,
  type RenderedPage,
} from './page-cache';

const params = (query: string) => new URLSearchParams(query);

describe('isCacheableRequest', () => {
  const none = new Headers();

  it('takes full-document GETs of pages', () => {
    expect(isCacheableRequest('GET', '/', params(''), none)).toBe(true);
    expect(isCacheableRequest('GET', '/partners/DEU', params(''), none)).toBe(true);
    expect(
      isCacheableRequest('GET', '/compare', params('partners=DEU,FRA'), new Headers({ accept: 'text/html' })),
    ).toBe(true);
  });

  it('leaves out other methods, API routes, Next internals and RSC requests', () => {
    expect(isCacheableRequest('HEAD', '/', params(''), none)).toBe(false);
    expect(isCacheableRequest('POST', '/', params(''), none)).toBe(false);
    expect(isCacheableRequest('GET', '/api/health', params(''), none)).toBe(false);
    expect(isCacheableRequest('GET', '/api', params(''), none)).toBe(false);
    expect(isCacheableRequest('GET', '/_next/data/x.json', params(''), none)).toBe(false);
    expect(isCacheableRequest('GET', '/partners', params('_rsc=abc12'), none)).toBe(false);
    for (const name of [
      'RSC',
      'Next-Router-Prefetch',
      'Next-Router-State-Tree',
      'Next-Router-Segment-Prefetch',
      'Next-Action',
    ]) {
      expect(isCacheableRequest('GET', '/partners', params(''), new Headers({ [name]: '1' })), name).toBe(false);
    }
  });

  it('keeps pages whose path merely starts like the API', () => {
    expect(isCacheableRequest('GET', '/apitude', params(''), none)).toBe(true);
  });
});

describe('pageCacheKey', () => {
  it('normalises the encoding as Next.js does, so one page has one key', () => {
    expect(pageCacheKey('7', '/compare', params('partners=DEU,FRA&from=2000'))).toBe(
      pageCacheKey('7', '/compare', params('partners=DEU%2CFRA&from=2000')),
    );
    expect(pageCacheKey('7', '/data', params('q=a+b'))).toBe(pageCacheKey('7', '/data', params('q=a%20b')));
  });

  it('keeps the order of parameters (the page carries its URL), and distinguishes versions, paths and values', () => {
    const key = pageCacheKey('7', '/data', params('partner=DEU&flow=export'));
    expect(pageCacheKey('7', '/data', params('flow=export&partner=DEU'))).not.toBe(key);
    expect(pageCacheKey('8', '/data', params('partner=DEU&flow=export'))).not.toBe(key);
    expect(pageCacheKey('7', '/data/', params('partner=DEU&flow=export'))).not.toBe(key);
    expect(pageCacheKey('7', '/data', params('partner=DEU&flow=import'))).not.toBe(key);
  });

  it('treats an empty query as none, and encodes values so that no two queries collide', () => {
    expect(pageCacheKey('1', '/partners', params(''))).toBe('1|/partners');
    expect(pageCacheKey('1', '/p', params('a=1%262'))).not.toBe(pageCacheKey('1', '/p', params('a=1&2')));
  });
});

describe('placeholder nonce', () => {
  it('is unguessable: 32 random bytes, different each time', () => {
    const a = createPlaceholder();
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(createPlaceholder()).not.toBe(a);
  });

  it('is replaced everywhere in the body, and the page keeps its other bytes', () => {
    const placeholder = createPlaceholder();
    const html = `<script nonce="${placeholder}">a</script><script nonce="${placeholder}" src="/x.js"></script>"${placeholder}" Kazakhstan’s — ${placeholder}`;
    const page = toRenderedPage(
      200,
      new Headers({ 'content-type': 'text/html; charset=utf-8' }),
      html,
      placeholder,
      false,
    );
    const served = Buffer.from(withNonce(page, 'Zm9vYmFy')).toString('utf8');
    expect(served).toBe(
      '<script nonce="Zm9vYmFy">a</script><script nonce="Zm9vYmFy" src="/x.js"></script>"Zm9vYmFy" Kazakhstan’s — Zm9vYmFy',
    );
    expect(served).not.toContain(placeholder);
    expect(Buffer.from(withNonce(page, 'b3RoZXI=')).toString('utf8')).toBe(served.replaceAll('Zm9vYmFy', 'b3RoZXI='));
  });

  it('is the same page gzipped: the stored compressed parts with this response’s nonce between them', async () => {
    const placeholder = createPlaceholder();
    // Text that compresses (repeats across the placeholders, so a segment referring back past a
    // nonce would decode wrongly), bytes that do not, and multi-byte UTF-8.
    const noise = randomBytes(20_000).toString('base64');
    const html = [
      '<!DOCTYPE html><html><head>',
      `<script nonce="${placeholder}">self.__next_f.push([1,"${'Kazakhstan’s trade — '.repeat(400)}"])</script>`,
      `<p>${noise}</p>`,
      `<script nonce="${placeholder}">${'Kazakhstan’s trade — '.repeat(400)}</script>`,
      `<script nonce="${placeholder}"></script>${placeholder}${placeholder}</html>`,
    ].join('');
    const page = toRenderedPage(200, new Headers({ 'content-type': 'text/html' }), html, placeholder, false);
    for (const nonce of [Buffer.from(randomUUID()).toString('base64'), 'x', '']) {
      const body = Buffer.from(gzipWithNonce(page, nonce));
      const expected = Buffer.from(withNonce(page, nonce));
      expect(gunzipSync(body).equals(expected)).toBe(true);
      // A streaming decoder too, as a browser or proxy reads it, in small pieces.
      const gunzip = createGunzip();
      const out: Buffer[] = [];
      gunzip.on('data', (chunk: Buffer) => out.push(chunk));
      const ended = new Promise((resolve, reject) => gunzip.on('end', resolve).on('error', reject));
      for (let i = 0; i < body.length; i += 97) gunzip.write(body.subarray(i, i + 97));
      gunzip.end();
      await ended;
      expect(Buffer.concat(out).equals(expected)).toBe(true);
    }
    // Smaller than the page: it is compressed, not stored.
    expect(gzipWithNonce(page, 'Zm9vYmFy').length).toBeLessThan(page.bytes / 2);
  });

  it('counts the compressed parts in what the cache keeps', () => {
    const placeholder = createPlaceholder();
    const page = toRenderedPage(200, new Headers(), `a${placeholder}b`, placeholder, false);
    expect(page.deflated).toHaveLength(2);
    const failed = toRenderedPage(500, new Headers(), `a${placeholder}b`, placeholder, false);
    expect(failed.deflated).toEqual([]);
  });

  it('keeps only the headers that belong to the page, not the policy or per-response ones', () => {
    const headers = new Headers({
      'content-type': 'text/html; charset=utf-8',
      vary: 'rsc',
      'cache-control': 'private, no-store',
      'content-security-policy': "script-src 'nonce-x'",
      date: 'Tue, 24 Nov 2026 00:00:00 GMT',
      'content-length': '10',
      'x-frame-options': 'DENY',
    });
    expect(toRenderedPage(200, headers, 'x', 'p', false).headers).toEqual([
      ['content-type', 'text/html; charset=utf-8'],
      ['cache-control', 'private, no-store'],
      ['vary', 'rsc'],
    ]);
  });
});

describe('isCacheableDocument', () => {
  const p = 'a'.repeat(64);
  const ok = `<html><script nonce="${p}">self.__next_f.push([1,"0:{\\"a\\":1}"])</script></html>`;

  it('stores a 200 HTML page whose scripts carry the placeholder', () => {
    expect(isCacheableDocument(200, 'text/html; charset=utf-8', ok, p, false)).toBe(true);
  });

  it('refuses other statuses, other types and pages without the placeholder', () => {
    expect(isCacheableDocument(404, 'text/html; charset=utf-8', ok, p, false)).toBe(false);
    expect(isCacheableDocument(500, 'text/html; charset=utf-8', ok, p, false)).toBe(false);
    expect(isCacheableDocument(307, 'text/html; charset=utf-8', ok, p, false)).toBe(false);
    expect(isCacheableDocument(200, 'application/json', ok, p, false)).toBe(false);
    expect(isCacheableDocument(200, null, ok, p, false)).toBe(false);
    expect(isCacheableDocument(200, 'text/html', ok.replaceAll(p, 'b'.repeat(64)), p, false)).toBe(false);
  });

  it('refuses a 200 page for which Next.js reported an error while it streamed', () => {
    expect(isCacheableDocument(200, 'text/html', ok, p, true)).toBe(false);
  });
});

describe('PageCache', () => {
  const page = (text: string, bytes = text.length): RenderedPage => ({
    status: 200,
    headers: [],
    parts: [Buffer.from(text)],
    bytes,
    deflated: [],
  });
  type Result = Awaited<ReturnType<PageCache['get']>>;
  const text = (result: Result) => (result === 'busy' ? 'busy' : result?.page.parts.map(String).join(''));
  const hit = (result: Result) => (result === 'busy' ? undefined : result?.hit);
  const deferred = <T>() => {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  };

  it('renders once per key, and concurrent misses share that render', async () => {
    const cache = new PageCache();
    const gate = deferred<{ page: RenderedPage; cacheable: boolean }>();
    let renders = 0;
    const render = () => {
      renders += 1;
      return gate.promise;
    };
    const waiting = [cache.get('k', render), cache.get('k', render), cache.get('k', render)];
    gate.resolve({ page: page('A'), cacheable: true });
    const results = await Promise.all(waiting);
    expect(results.map((r) => [text(r), hit(r)])).toEqual([
      ['A', false],
      ['A', false],
      ['A', false],
    ]);
    const again = await cache.get('k', render);
    expect([text(again), hit(again)]).toEqual(['A', true]);
    expect(renders).toBe(1);
  });

  it('serves an uncacheable render to those who waited for it, then renders again', async () => {
    const cache = new PageCache();
    let renders = 0;
    const render = async () => ({ page: page(`R${++renders}`), cacheable: false });
    expect(text(await cache.get('k', render))).toBe('R1');
    expect(text(await cache.get('k', render))).toBe('R2');
    expect(cache.size).toBe(0);
  });

  it('answers null when the render fails or gives nothing, and keeps nothing', async () => {
    const cache = new PageCache();
    expect(await cache.get('k', async () => null)).toBeNull();
    expect(await cache.get('k', () => Promise.reject(new Error('down')))).toBeNull();
    expect(text(await cache.get('k', async () => ({ page: page('ok'), cacheable: true })))).toBe('ok');
  });

  it('drops the least recently used page beyond its entry limit', async () => {
    const cache = new PageCache({ maxEntries: 2, maxBytes: 1_000 });
    const store = (key: string) => cache.get(key, async () => ({ page: page(key), cacheable: true }));
    await store('a');
    await store('b');
    await store('a'); // a is now the most recently used
    await store('c');
    expect(cache.size).toBe(2);
    let renders = 0;
    await cache.get('a', async () => ({ page: page(`a${++renders}`), cacheable: true }));
    await cache.get('b', async () => ({ page: page(`b${++renders}`), cacheable: true }));
    expect(renders).toBe(1); // a was kept, b was dropped
  });

  it('stays under its byte limit, and does not keep a page larger than the whole cache', async () => {
    const cache = new PageCache({ maxEntries: 100, maxBytes: 100 });
    for (const key of ['a', 'b', 'c']) await cache.get(key, async () => ({ page: page(key, 40), cacheable: true }));
    expect(cache.size).toBe(2);
    expect(cache.totalBytes).toBe(80);
    await cache.get('huge', async () => ({ page: page('huge', 101), cacheable: true }));
    expect(cache.size).toBe(2);
    expect(cache.totalBytes).toBe(80);
  });

  it('renders at most maxRendering different pages at once, and says busy beyond them', async () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1_000, maxRendering: 2, slotWaitMs: 0 });
    const gate = deferred<{ page: RenderedPage; cacheable: boolean }>();
    const first = cache.get('a', () => gate.promise);
    const second = cache.get('b', () => gate.promise);
    // A third page waits for nobody: it is refused at once. The same page joins its render.
    expect(await cache.get('c', async () => ({ page: page('c'), cacheable: true }))).toBe('busy');
    const joined = cache.get('a', async () => ({ page: page('never'), cacheable: true }));
    gate.resolve({ page: page('A'), cacheable: true });
    expect([text(await first), text(await second), text(await joined)]).toEqual(['A', 'A', 'A']);
    expect(text(await cache.get('c', async () => ({ page: page('c'), cacheable: true })))).toBe('c');
  });

  it('lets a miss beyond the slots wait for one, until the wait runs out', async () => {
    vi.useFakeTimers();
    try {
      const cache = new PageCache({ maxEntries: 10, maxBytes: 1_000, maxRendering: 1, slotWaitMs: 1_000 });
      const gate = deferred<{ page: RenderedPage; cacheable: boolean }>();
      const first = cache.get('a', () => gate.promise);
      let rendered = false;
      const waiting = cache.get('b', async () => {
        rendered = true;
        return { page: page('B'), cacheable: true };
      });
      await vi.advanceTimersByTimeAsync(999);
      expect(rendered).toBe(false);
      gate.resolve({ page: page('A'), cacheable: true });
      expect([text(await first), text(await waiting)]).toEqual(['A', 'B']);
      // A render that outlasts the wait: the miss behind it is answered busy when the wait ends.
      const slow = deferred<{ page: RenderedPage; cacheable: boolean }>();
      const held = cache.get('c', () => slow.promise);
      const refused = cache.get('d', async () => ({ page: page('D'), cacheable: true }));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await refused).toBe('busy');
      slow.resolve({ page: page('C'), cacheable: true });
      expect(text(await held)).toBe('C');
    } finally {
      vi.useRealTimers();
    }
  });

  it('peeks at a stored page without rendering', async () => {
    const cache = new PageCache();
    expect(cache.peek('k')).toBeUndefined();
    await cache.get('k', async () => ({ page: page('K'), cacheable: true }));
    expect(cache.peek('k')?.parts.map(String).join('')).toBe('K');
  });
});

describe('isFailedRender', () => {
  it('is a 5xx, or a 200 for which Next.js reported an error', () => {
    expect(isFailedRender(500, false)).toBe(true);
    expect(isFailedRender(503, false)).toBe(true);
    expect(isFailedRender(200, true)).toBe(true);
    expect(isFailedRender(200, false)).toBe(false);
    expect(isFailedRender(404, false)).toBe(false);
  });
});
