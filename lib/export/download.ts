// One download's claim on the server: a slot among MAX_CONCURRENT_EXPORTS and, for downloads that
// stream from the database, a connection of its own (openExportConnection in lib/sql.ts). Both are
// given back once, when the statement has settled, whether the client read to the end, went away
// or stalled.
import 'server-only';
import type postgres from 'postgres';
import { openExportConnection, sql } from '@/lib/sql';
import { EXPORT_STALL_TIMEOUT_MS, MAX_CONCURRENT_EXPORTS } from './export-limits';
import { tryAcquireExportSlot } from './export-slots';
import { watchedBody } from './watched-body';
import { apiError, databaseUnavailable } from '@/lib/http/api-error';

/** How long a cancel may take before the connection is given back regardless (PostgreSQL hangs). */
const CANCEL_TIMEOUT_MS = 5_000;
/**
 * How long a download may wait for its connection and its first answer on it. Without a bound, a
 * connection made while PostgreSQL restarted could wait for good, and so would its slot: four such
 * downloads made every later one a 429.
 */
const CONNECT_TIMEOUT_MS = 5_000;

class ConnectTimeoutError extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectTimeoutError(`no connection within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * What a download learns the client's departure from: the request, not only its signal. A
 * Request's signal follows the signal it was made with through a weak reference to the Request's
 * own controller: once nothing held the Request (the route handler had returned), garbage
 * collection broke the link and the client's abort never arrived (the slot stayed taken until the
 * stall timer; flaky in download.int.test.ts under load, shown with --expose-gc). The download
 * holds the request until it ends.
 */
export interface AbortSource {
  readonly signal: AbortSignal;
}

export interface Download {
  /** The download's own connection; only for downloads begun with `{ database: true }`. */
  readonly db: postgres.Sql;
  /**
   * Stops the statement running on the connection now, in PostgreSQL (pg_cancel_backend). postgres.js's
   * own query.cancel() does nothing once a COPY has begun (the query counts as settled then), and a
   * cursor's return() waits for the batch being read: at 1,000,000 rows either kept the statement
   * running, and its connection taken, long after the client had gone.
   */
  abort: () => Promise<void>;
  /** Gives the connection and the slot back, after any cancel in flight; a second call does nothing. */
  release: () => void;
  /** The body as sent: ended here when the request is aborted or the client stalls (watched-body.ts). */
  watch: (body: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array>;
  /** Held so that the request's abort reaches the download (AbortSource). */
  readonly request: AbortSource;
}

export function tooManyDownloads(): Response {
  return apiError(
    429,
    'too_many_downloads',
    `${MAX_CONCURRENT_EXPORTS} downloads are running, the most this server runs at once. Try again in a minute.`,
    { headers: { 'Retry-After': '30', 'Cache-Control': 'no-store' } },
  );
}

export function downloadUnavailable(): Response {
  return databaseUnavailable();
}

function noConnection(): never {
  throw new Error('This download was begun without a database connection.');
}

/**
 * A slot (and a connection of its own with `database`), or the answer to send instead: 429 when
 * MAX_CONCURRENT_EXPORTS downloads run, 503 when no connection could be had.
 */
export async function beginDownload(
  request: AbortSource,
  { database, stallMs = EXPORT_STALL_TIMEOUT_MS }: { database: boolean; stallMs?: number },
): Promise<Download | Response> {
  const { signal } = request;
  const slot = tryAcquireExportSlot();
  if (!slot) return tooManyDownloads();
  let connection: postgres.Sql | null = null;
  let pid: number | null = null;
  if (database) {
    connection = openExportConnection();
    try {
      const [row] = await within(
        connection<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`.execute(),
        CONNECT_TIMEOUT_MS,
      );
      pid = row?.pid ?? null;
    } catch (error) {
      void connection.end({ timeout: 0 });
      slot.release();
      console.error('[export] no database connection for a download', error);
      return downloadUnavailable();
    }
  }
  let released = false;
  let cancelling: Promise<unknown> | null = null;
  const download: Download = {
    get db() {
      return connection ?? noConnection();
    },
    async abort() {
      if (released || pid === null) return;
      if (cancelling) {
        await cancelling;
        return;
      }
      // Through the pages' pool: the download's own connection is busy with its statement. The
      // connection is not ended before this has answered, so the backend it names is still this one.
      cancelling = Promise.race([
        sql`SELECT pg_cancel_backend(${pid})`,
        new Promise((resolve) => setTimeout(resolve, CANCEL_TIMEOUT_MS).unref()),
      ]).catch((error: unknown) => console.error('[export] cancelling a download failed', error));
      await cancelling;
    },
    release() {
      if (released) return;
      released = true;
      void Promise.resolve(cancelling)
        // A statement still running (PostgreSQL hangs) is cut off after the timeout.
        .then(() => connection?.end({ timeout: CANCEL_TIMEOUT_MS / 1000 }))
        .catch((error: unknown) => console.error('[export] closing a download connection failed', error))
        .finally(() => slot.release());
    },
    watch: (body) => watchedBody(body, { signal, stallMs, onAbort: () => void download.abort() }),
    request,
  };
  // The client may go away before the body exists (a large sort before the first row).
  if (signal.aborted) void download.abort();
  else signal.addEventListener('abort', () => void download.abort(), { once: true });
  return download;
}
