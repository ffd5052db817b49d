// How a download link learns that the server has answered. A download started by a link never
// reaches the page's script: the browser hands the response to its download manager, so the page
// cannot see when the file starts coming or why it was refused. The link therefore adds a random id
// to the address, and the export's answer sets a short-lived cookie named after that id saying
// "started" or "failed" with the API's message; the page reads it and removes it. Pure, so the
// browser (components/data-table/data-table-export.tsx) and the routes share one definition.

/** The parameter every export route accepts besides its own; it changes nothing in the file. */
export const DOWNLOAD_ID_PARAM = 'download_id';

const DOWNLOAD_ID = /^[A-Za-z0-9-]{8,64}$/;

export const isDownloadId = (value: string): boolean => DOWNLOAD_ID.test(value);

/** The cookie that reports one download's outcome. */
export const downloadCookieName = (id: string): string => `kaz-download-${id}`;

/** Long enough for a slow page to read it, short enough that a forgotten one soon goes. */
export const DOWNLOAD_COOKIE_MAX_AGE_S = 120;

/** Error messages are a sentence; a cookie holds about 4 KB. */
const MAX_MESSAGE_LENGTH = 400;

export type DownloadOutcome = { kind: 'started' } | { kind: 'failed'; status: number; message: string };

export function serializeDownloadOutcome(outcome: DownloadOutcome): string {
  if (outcome.kind === 'started') return 'started';
  const message = outcome.message.slice(0, MAX_MESSAGE_LENGTH);
  // encodeURIComponent leaves no character a cookie value may not hold (space, comma, semicolon, quote).
  return `failed:${outcome.status}:${encodeURIComponent(message)}`;
}

export function parseDownloadOutcome(value: string): DownloadOutcome | null {
  if (value === 'started') return { kind: 'started' };
  const match = /^failed:(\d{3}):(.*)$/.exec(value);
  if (!match) return null;
  let message: string;
  try {
    message = decodeURIComponent(match[2] ?? '');
  } catch {
    message = '';
  }
  return { kind: 'failed', status: Number(match[1]), message };
}

/** The outcome of download `id` among the page's cookies (`document.cookie`), if it has come. */
export function findDownloadOutcome(cookies: string, id: string): DownloadOutcome | null {
  const name = `${downloadCookieName(id)}=`;
  for (const part of cookies.split(';')) {
    const cookie = part.trim();
    if (cookie.startsWith(name)) return parseDownloadOutcome(cookie.slice(name.length));
  }
  return null;
}

/** What the page says when a download failed: the server's own message, or why there is none. */
export function failureText(outcome: Extract<DownloadOutcome, { kind: 'failed' }>): string {
  if (outcome.message) return outcome.message;
  if (outcome.status === 429) return 'Too many downloads are running on the server. Try again in a minute.';
  if (outcome.status === 413) return 'This view is too large for this format.';
  if (outcome.status >= 500) return 'The server could not make the file. Try again shortly.';
  return `The server refused the download (HTTP ${outcome.status}).`;
}
