// A download's body as the HTTP response sends it, passed through chunk by chunk on demand and
// ended from this side when the client is gone or stalled. Next.js cancels a response body when
// the client disconnects only if its pipe is not waiting for the socket to drain; a body stuck
// there kept its database statement and connection for good. The request's abort signal and a
// stall timer end the download whatever the pipe does.
import { EXPORT_STALL_TIMEOUT_MS } from './export-limits';

export class DownloadStalledError extends Error {
  constructor(ms: number) {
    super(`The client took nothing for ${Math.round(ms / 1000)} s; the download was ended.`);
    this.name = 'DownloadStalledError';
  }
}

interface WatchOptions {
  /** The request's signal: aborted when the client disconnects. */
  signal: AbortSignal;
  stallMs?: number;
  /** Called once when the download ends before its last byte (client gone or stalled). */
  onAbort: () => void;
}

export function watchedBody(
  inner: ReadableStream<Uint8Array>,
  { signal, stallMs = EXPORT_STALL_TIMEOUT_MS, onAbort }: WatchOptions,
): ReadableStream<Uint8Array> {
  const reader = inner.getReader();
  let finished = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: ReadableStreamDefaultController<Uint8Array>;

  const stop = (reason: Error, errorBody: boolean) => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    signal.removeEventListener('abort', onSignal);
    onAbort();
    reader.cancel(reason).catch(() => {});
    if (errorBody) controller.error(reason);
  };
  const armStallTimer = () => {
    clearTimeout(timer);
    timer = setTimeout(() => stop(new DownloadStalledError(stallMs), true), stallMs);
  };
  const onSignal = () => stop(new Error('The client went away.'), true);

  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        if (signal.aborted) {
          onSignal();
          return;
        }
        signal.addEventListener('abort', onSignal, { once: true });
        armStallTimer();
      },
      async pull(c) {
        clearTimeout(timer);
        try {
          const next = await reader.read();
          if (finished) return;
          if (next.done) {
            finished = true;
            signal.removeEventListener('abort', onSignal);
            c.close();
            return;
          }
          c.enqueue(next.value);
          armStallTimer();
        } catch (error) {
          if (finished) return;
          finished = true;
          signal.removeEventListener('abort', onSignal);
          c.error(error);
        }
      },
      cancel(reason) {
        stop(reason instanceof Error ? reason : new Error('The download was cancelled.'), false);
      },
    },
    // Nothing is read ahead of the client: a pull means the client took the last chunk.
    { highWaterMark: 0 },
  );
}
