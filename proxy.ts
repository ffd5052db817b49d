import { NextResponse, type NextRequest } from 'next/server';
import { getDatabaseStatus } from '@/lib/database-status';

/**
 * While the database is away, answer at once with 503 (JSON for the API, a short page otherwise)
 * rather than letting requests hang or fail one by one; /api/health reports the cause itself.
 */
export async function proxy(request: NextRequest) {
  const status = await getDatabaseStatus();
  if (status.up) return NextResponse.next();
  const headers = { 'Retry-After': '5', 'Cache-Control': 'no-store' };
  if (request.nextUrl.pathname.startsWith('/api/')) {
    return NextResponse.json(
      { error: 'database_unavailable', message: 'The database is unavailable; the dashboard recovers by itself when it returns. Try again in a few seconds.' },
      { status: 503, headers },
    );
  }
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta http-equiv="refresh" content="10"><title>Temporarily unavailable · Kazakhstan Trade Dashboard</title></head><body style="font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.5"><h1>The data is temporarily unavailable</h1><p>The dashboard cannot reach its database right now. It recovers by itself as soon as the database is back; this page reloads every 10 seconds.</p></body></html>`;
  return new NextResponse(html, { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

export const config = {
  // Not for static files, the icon, or the health check (which must report the cause itself).
  matcher: ['/((?!_next/|icon.svg|favicon.ico|api/health).*)'],
};
