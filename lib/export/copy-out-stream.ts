// The bytes of a `COPY … TO STDOUT` (a Node Readable from postgres.js) as a web ReadableStream for a
// Response body, with backpressure both ways: the database connection is paused while the client
// has not taken the last chunk, so a slow download holds about one chunk in memory.
//
// Not Readable.toWeb: on cancel it destroys the Readable, and postgres.js then pauses the socket at
// the next row and never resumes it, which leaves the connection busy for good. Here a cancelled
// download cancels the statement in PostgreSQL and drains what is still on the wire, so the
// statement ends and the connection can be closed at once.
//
// The response should not begin before PostgreSQL has produced a row: a sorted export fails (a
// value float8 cannot hold, a timeout) only once the sort has run, after the header, and a failure
// then could only break a 200 transfer. `firstRow` settles when the first row after the header
// has arrived, or the copy ended or failed before it.
import type { Readable } from 'node:stream';

/** PostgreSQL sends one message per row (a few hundred bytes), postgres.js hands them over per socket read; the client gets them in chunks of this size. */
export const COPY_CHUNK_BYTES = 64 * 1024;

interface CopyOutOptions {
  /** Lines before the first row: 1 with COPY's HEADER option (whose column names hold no line break). */
  headerLines?: number;
  /** Asks PostgreSQL to stop the statement (postgres.js query.cancel()). */
  cancelQuery: () => void;
  /** Called once when the copy fails after the response began; the body then ends with an error. */
  onError?: (error: unknown) => void;
  /** Called once when PostgreSQL has finished sending (done, failed or cancelled): the connection is free again. */
  onSettled?: () => void;
}

/**
 * postgres.js pauses the connection's socket whenever the Readable's buffer is full, and resumes it
 * only from the Readable's read(), which Node no longer calls once the copy has ended. When the
 * last rows arrived while the buffer was full (a client slower than PostgreSQL, the usual case),
 * the socket stayed paused after the copy and the connection deaf: it never read the statement's
 * end (seen as a hung request after a few CSV downloads, when connections were pooled; now
 * closing it would wait for its timeout). Calling read() once more resumes the socket; on a
 * socket that is not paused it does nothing.
 */
function releaseSocket(source: Readable): void {
  (source as Readable & { _read: (size: number) => void })._read(0);
}

export function copyOutStream(
  source: Readable,
  { cancelQuery, onError, onSettled, headerLines = 0 }: CopyOutOptions,
): { body: ReadableStream<Uint8Array>; firstRow: Promise<void> } {
  // Line breaks still to come before the first row's bytes. A chunk may hold any number of lines
  // (postgres.js hands over what one socket read brought).
  let headerLeft = headerLines;
  let rowSeen!: () => void;
  let rowFailed!: (error: unknown) => void;
  const firstRow = new Promise<void>((resolve, reject) => {
    rowSeen = resolve;
    rowFailed = reject;
  });
  // Handled by whoever awaits it; a failure after the first row goes to the body instead.
  firstRow.catch(() => {});
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    onSettled?.();
  };
  let parts: Buffer[] = [];
  let size = 0;
  let finished = false;
  let cancelled = false;
  const take = (): Uint8Array => {
    const chunk = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts, size);
    parts = [];
    size = 0;
    return chunk;
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      source.on('data', (chunk: Buffer) => {
        let at = 0;
        while (headerLeft > 0 && at < chunk.byteLength) {
          const lineEnd = chunk.indexOf(10, at);
          if (lineEnd === -1) break;
          headerLeft -= 1;
          at = lineEnd + 1;
        }
        if (headerLeft === 0 && at < chunk.byteLength) rowSeen();
        if (cancelled) return;
        parts.push(chunk);
        size += chunk.byteLength;
        if (size < COPY_CHUNK_BYTES) return;
        controller.enqueue(take());
        // The queue holds one chunk; pull() resumes when the client has taken it.
        if ((controller.desiredSize ?? 0) <= 0) source.pause();
      });
      source.once('end', () => {
        rowSeen();
        finished = true;
        settle();
        releaseSocket(source);
        if (cancelled) return;
        if (size > 0) controller.enqueue(take());
        controller.close();
      });
      const failed = (error: unknown) => {
        rowFailed(error);
        settle();
        releaseSocket(source);
        if (finished || cancelled) return;
        finished = true;
        onError?.(error);
        // The status line is gone already: end the body with an error, so the client sees a broken
        // transfer rather than a shorter file that looks complete.
        controller.error(error);
      };
      source.on('error', failed);
      // Destroyed before it was handed over, the stream emits nothing more: without this the
      // download would wait for its first row, and hold its slot, for good.
      if (source.destroyed) failed(source.errored ?? new Error('The COPY stream was closed before it was read.'));
    },
    pull() {
      source.resume();
    },
    cancel() {
      cancelled = true;
      parts = [];
      size = 0;
      // The cancelled statement ends with an error on the source; nobody is listening any more.
      source.on('error', () => {});
      if (!finished) cancelQuery();
      source.resume();
    },
  });
  return { body, firstRow };
}
