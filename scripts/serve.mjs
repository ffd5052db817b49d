// @ts-check
// The production server: Next.js's request handler behind the one gate Next.js cannot provide.
// `next start` builds a fetch Request for the proxy, and undici refuses TRACE there, so a TRACE
// (or any method on /_next/static, whose 405 looks for a /405 page the App Router lacks) became a
// bare 500 without the security headers. Here every method but GET and HEAD is answered 405 with
// them before Next.js sees the request; CONNECT and requests Node cannot parse get the same
// headers. Pages stored in the page cache are answered here too (lib/http/page-cache-hit.js), and
// responses are compressed here rather than by Next.js (see `compressed`).
// Usage: node scripts/serve.mjs --port 3000 (PORT by default).
import { createServer } from 'node:http';
import path from 'node:path';
import { Duplex } from 'node:stream';
import { constants } from 'node:zlib';
import compression from 'compression';
import { pageCacheHits } from '../lib/http/page-cache-hit.js';
import { methodNotAllowedMessage, READ_METHODS } from '../lib/http/read-only.js';
import { securityHeaders } from '../lib/security-headers.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const portFlag = process.argv.indexOf('--port');
const port = Number(portFlag >= 0 ? process.argv[portFlag + 1] : (process.env.PORT ?? 3000));

/** @type {Record<string, string>} */
const HEADERS = Object.fromEntries(securityHeaders().map(({ key, value }) => [key, value]));
const REFUSED = { ...HEADERS, Allow: 'GET, HEAD', 'Cache-Control': 'no-store' };

/**
 * The answer the proxy gives to a write on the API (JSON in the API's error shape) or a page.
 * @param {string} method
 * @param {string} url
 */
function refusal(method, url) {
  const message = methodNotAllowedMessage(method);
  return url.startsWith('/api/')
    ? { type: 'application/json', body: JSON.stringify({ error: 'method_not_allowed', message }) }
    : { type: 'text/plain; charset=utf-8', body: message };
}

/**
 * A whole response written to a socket that has no ServerResponse (CONNECT, a request Node could
 * not parse), then closed.
 * @param {import('node:stream').Duplex} socket
 * @param {string} status
 * @param {Record<string, string>} headers
 * @param {string} body
 */
function rawResponse(socket, status, headers, body) {
  if (!socket.writable) return;
  const lines = Object.entries({ ...headers, 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' })
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${status}\r\n${lines}\r\n\r\n${body}`);
}

// As `next start` does: React and Next.js choose their production builds when first loaded.
process.env.NODE_ENV = 'production';
const { default: next } = await import('next');
const app = next({ dev: false, dir: ROOT, port, hostname: 'localhost' });
const handle = app.getRequestHandler();
await app.prepare();

/**
 * Responses are compressed here, by the `compression` middleware Next.js uses (next.config.js
 * turns Next.js's off), because Next.js offers no level and drops a route's own
 * Content-Encoding. Downloads take the fastest levels: compressing a CSV of 1,000,000 rows
 * (245 MB) at gzip's default level took 1.7 s of CPU beside PostgreSQL's 2 s; Brotli at quality 1
 * takes a quarter of that, gzip at level 1 a third, for a file about as small (docs/performance.md).
 * Pages keep the middleware's defaults (Brotli at quality 4 where the browser takes it, else gzip
 * at level 6, which is what Next.js gave every client).
 */
const compressPage = compression();
const compressDownload = compression({
  level: constants.Z_BEST_SPEED,
  brotli: { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MIN_QUALITY } },
});
const DOWNLOAD_PATH = /^\/api\/(observations|export)(\/|\?|$)/;

/**
 * Next.js's request handling behind the compression middleware. As Next.js does: on a client's
 * disconnect the middleware never ends its zlib stream, which then outlives the response, so it is
 * destroyed (the stream is what `res.on` returns while compression is active).
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
function compressed(request, response) {
  const compress = DOWNLOAD_PATH.test(request.url ?? '') ? compressDownload : compressPage;
  compress(request, response, () => void handle(request, response));
  response.once('close', () => {
    if (response.writableFinished) return;
    const noop = () => {};
    const stream = response.on('drain', noop);
    if (stream === response || !(stream instanceof Duplex)) response.off('drain', noop);
    else stream.destroy();
  });
}

const server = createServer((request, response) => {
  const method = request.method ?? '';
  if (!READ_METHODS.has(method)) {
    const { type, body } = refusal(method, request.url ?? '/');
    response.writeHead(405, { ...REFUSED, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    response.end(body);
    // The body of a refused request is not read; the connection is not reused for what follows it.
    request.resume();
    return;
  }
  const answerHit = method === 'GET' ? pageCacheHits() : undefined;
  if (!answerHit) return compressed(request, response);
  // A stored page is written here, without Next.js's request handling or its compression of the
  // whole page (proxy.ts, answerHit); anything else goes to Next.js as before.
  answerHit(request.url ?? '/', requestHeaders(request)).then(
    (hit) => {
      if (!hit) return compressed(request, response);
      response.writeHead(hit.status, [...hit.headers.flat(), 'Content-Length', String(hit.body.length)]);
      response.end(hit.body);
    },
    (error) => {
      console.error('page cache: answering a stored page failed:', error);
      compressed(request, response);
    },
  );
});

/**
 * A Node request's headers as a fetch Headers object.
 * @param {import('node:http').IncomingMessage} request
 */
function requestHeaders(request) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item);
  }
  return headers;
}

server.on('connect', (request, socket) => {
  const { type, body } = refusal('CONNECT', request.url ?? '/');
  rawResponse(socket, '405 Method Not Allowed', { ...REFUSED, 'Content-Type': type }, body);
});

server.on('clientError', (error, socket) => {
  // A method Node's parser does not know (TRACK, PROPPATCH…) is refused like any other write.
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code === 'ECONNRESET' || !socket.writable) return socket.destroy();
  if (code === 'HPE_INVALID_METHOD') {
    const body = 'This method is not allowed: the dashboard is read-only over HTTP.';
    rawResponse(socket, '405 Method Not Allowed', { ...REFUSED, 'Content-Type': 'text/plain; charset=utf-8' }, body);
  } else {
    rawResponse(socket, '400 Bad Request', { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }, 'Bad request.');
  }
});

server.listen(port, () => console.log(`Ready on http://localhost:${port}`));

/** Stops taking connections, lets requests in flight end, then exits (as `next start` does on a signal). */
function shutdown() {
  server.close(() => void app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
