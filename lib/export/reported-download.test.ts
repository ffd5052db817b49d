import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { apiError } from '@/lib/http/api-error';
import { findDownloadOutcome, failureText, parseDownloadOutcome, serializeDownloadOutcome } from './download-outcome';
import { reportedDownload } from './reported-download';

const ID = 'a1b2c3d4-e5f6';

/** The cookie a response sets, as a browser would hand it to `document.cookie` (name=value only). */
const pageCookie = (response: Response) => (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

describe('download outcome cookies', () => {
  it('round-trips a failure whose message holds every character a cookie value may not', () => {
    const message = 'Two, “quoted”; and 100% — Türkiye';
    const value = serializeDownloadOutcome({ kind: 'failed', status: 413, message });
    expect(value).not.toMatch(/[\s,;"]/);
    expect(parseDownloadOutcome(value)).toEqual({ kind: 'failed', status: 413, message });
  });

  it('finds the outcome of its own download among other cookies, and no other', () => {
    const cookies = `theme=dark; kaz-download-other1234=started; kaz-download-${ID}=failed:429:busy`;
    expect(findDownloadOutcome(cookies, ID)).toEqual({ kind: 'failed', status: 429, message: 'busy' });
    expect(findDownloadOutcome('theme=dark', ID)).toBeNull();
  });

  it('says why a refusal without a message failed', () => {
    expect(failureText({ kind: 'failed', status: 429, message: '' })).toMatch(/Too many downloads/);
    expect(failureText({ kind: 'failed', status: 503, message: '' })).toMatch(/could not make the file/);
  });
});

describe('reportedDownload', () => {
  const file = () =>
    new Response('a,b\n', {
      headers: { 'Content-Type': 'application/json', 'Content-Disposition': 'inline; filename="x.json"' },
    });

  it('hides the id from the route, reports a started file and makes it an attachment', async () => {
    let seen = '';
    const route = reportedDownload(async (request: NextRequest) => {
      seen = request.nextUrl.search;
      return file();
    });
    const response = await route(new NextRequest(`http://localhost/api/x?format=json&download_id=${ID}`));
    expect(seen).toBe('?format=json');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="x.json"');
    expect(response.headers.get('set-cookie')).toMatch(/Path=\/; Max-Age=120; SameSite=Strict$/);
    expect(findDownloadOutcome(pageCookie(response), ID)).toEqual({ kind: 'started' });
    expect(await response.text()).toBe('a,b\n');
  });

  it('reports a refusal with the API’s own message and keeps its status and body', async () => {
    const route = reportedDownload(async () =>
      apiError(429, 'too_many_downloads', '4 downloads are running. Try again in a minute.'),
    );
    const response = await route(new NextRequest(`http://localhost/api/x?download_id=${ID}`));
    expect(response.status).toBe(429);
    expect(((await response.json()) as { error: string }).error).toBe('too_many_downloads');
    expect(findDownloadOutcome(pageCookie(response), ID)).toEqual({
      kind: 'failed',
      status: 429,
      message: '4 downloads are running. Try again in a minute.',
    });
  });

  it('leaves a request without an id as it was, and refuses an id that could not name a cookie', async () => {
    const route = reportedDownload(async () => file());
    const plain = await route(new NextRequest('http://localhost/api/x?format=json'));
    expect(plain.headers.get('set-cookie')).toBeNull();
    expect(plain.headers.get('content-disposition')).toMatch(/^inline/);
    const bad = await route(new NextRequest('http://localhost/api/x?download_id=a;b=c'));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { parameter: string }).parameter).toBe('download_id');
  });
});
