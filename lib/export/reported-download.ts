// The server's half of lib/export/download-outcome.ts: an export route wrapped here answers as
// before, and when the request carries a download id, its answer also sets the cookie that tells
// the page the file has started or why it was refused.
import { NextRequest } from 'next/server';
import { invalidParameter } from '@/lib/http/api-error';
import {
  DOWNLOAD_COOKIE_MAX_AGE_S,
  DOWNLOAD_ID_PARAM,
  downloadCookieName,
  isDownloadId,
  serializeDownloadOutcome,
  type DownloadOutcome,
} from './download-outcome';

type Handler<Context extends unknown[]> = (request: NextRequest, ...context: Context) => Promise<Response>;

/** The message of an API error body (lib/http/api-error.ts), read from a copy so the body is still sent. */
async function errorMessage(response: Response): Promise<string> {
  if (!response.headers.get('content-type')?.includes('json')) return '';
  try {
    const body = (await response.clone().json()) as { message?: unknown };
    return typeof body.message === 'string' ? body.message : '';
  } catch {
    return '';
  }
}

/** The response with the outcome cookie; a file is always an attachment then (JSON would open in the tab). */
export async function reportDownload(response: Response, id: string): Promise<Response> {
  const outcome: DownloadOutcome = response.ok
    ? { kind: 'started' }
    : { kind: 'failed', status: response.status, message: await errorMessage(response) };
  const headers = new Headers(response.headers);
  if (response.ok) {
    const disposition = headers.get('content-disposition');
    if (disposition?.startsWith('inline'))
      headers.set('content-disposition', disposition.replace(/^inline/, 'attachment'));
  }
  // Not HttpOnly: the page's script reads it, and removes it once read.
  headers.append(
    'set-cookie',
    `${downloadCookieName(id)}=${serializeDownloadOutcome(outcome)}; Path=/; Max-Age=${DOWNLOAD_COOKIE_MAX_AGE_S}; SameSite=Strict`,
  );
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * Wraps an export route: `download_id` is taken off the address before the route parses it (the
 * routes refuse parameters they do not know), and the answer reports the outcome.
 */
export function reportedDownload<Context extends unknown[]>(handler: Handler<Context>): Handler<Context> {
  return async (request, ...context) => {
    const id = request.nextUrl.searchParams.get(DOWNLOAD_ID_PARAM);
    if (id === null) return handler(request, ...context);
    if (request.nextUrl.searchParams.getAll(DOWNLOAD_ID_PARAM).length > 1 || !isDownloadId(id)) {
      return invalidParameter(DOWNLOAD_ID_PARAM, 'must be one id of 8 to 64 letters, digits or hyphens');
    }
    const url = request.nextUrl.clone();
    url.searchParams.delete(DOWNLOAD_ID_PARAM);
    const inner = new NextRequest(url, { headers: request.headers, signal: request.signal });
    return reportDownload(await handler(inner, ...context), id);
  };
}
