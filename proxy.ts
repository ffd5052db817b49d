import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy } from '@/lib/content-security-policy';
import { getDatabaseStatus } from '@/lib/database-status';

/** The dashboard only reads: no route takes a write, so anything but a read is refused up front. */
const READ_METHODS = new Set(['GET', 'HEAD']);

function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Four gates before any page or API route runs:
 * - a method other than GET or HEAD gets 405 (there are no forms, server actions or write APIs;
 *   imports are a command until an authenticated admin area exists), which also keeps
 *   server-action payloads away from the RSC deserialiser;
 * - an address with a malformed %-escape gets 400;
 * - while the database is away, 503 at once (JSON for the API, a short page otherwise) rather than
 *   requests that hang or fail one by one; /api/health reports the cause itself;
 * - otherwise a fresh CSP nonce: Next.js reads it from the request's policy and puts it on its
 *   scripts, and the browser runs no other inline script.
 */
export async function proxy(request: NextRequest) {
  const isApi = request.nextUrl.pathname.startsWith('/api/');
  if (!READ_METHODS.has(request.method)) {
    const headers = { Allow: 'GET, HEAD', 'Cache-Control': 'no-store' };
    const message = `${request.method} is not allowed: the dashboard is read-only over HTTP.`;
    return isApi
      ? NextResponse.json({ error: 'method_not_allowed', message }, { status: 405, headers })
      : new NextResponse(message, { status: 405, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });
  }

  if (!decodablePath(request.nextUrl.pathname)) {
    // Next.js answers a malformed %-escape in a dynamic segment (/partners/%E0%A4%A) with a bare
    // 500; it is the address that is wrong.
    const message = 'The address has a malformed %-escape (each % must start a UTF-8 byte such as %C3%A9).';
    return isApi
      ? NextResponse.json({ error: 'bad_request', message }, { status: 400 })
      : new NextResponse(message, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }

  // The health check must report the cause itself, so it is never answered for here.
  const status = request.nextUrl.pathname === '/api/health' ? { up: true } : await getDatabaseStatus();
  if (!status.up) {
    const headers = { 'Retry-After': '5', 'Cache-Control': 'no-store' };
    if (isApi) {
      return NextResponse.json(
        { error: 'database_unavailable', message: 'The database is unavailable; the dashboard recovers by itself when it returns. Try again in a few seconds.' },
        { status: 503, headers },
      );
    }
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10"><title>Temporarily unavailable · Kazakhstan Trade Dashboard</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>The data is temporarily unavailable</h1><p>The dashboard cannot reach its database right now. It recovers by itself as soon as the database is back; this page reloads every 10 seconds.</p></body></html>`;
    return new NextResponse(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy({ nonce, isDev: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Not for static files or the icon (next.config.js gives them the baseline headers).
  matcher: ['/((?!_next/|icon.svg|favicon.ico).*)'],
};
