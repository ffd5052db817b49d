import { Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { copyOutStream } from './copy-out-stream';

/** A COPY's bytes as postgres.js hands them over: one Buffer per socket read, each any number of lines. */
function copySource(lines: readonly string[], error?: Error): Readable {
  let next = 0;
  return new Readable({
    read() {
      if (next < lines.length) this.push(Buffer.from(lines[next++] ?? ''));
      else if (error) this.destroy(error);
      else this.push(null);
    },
  });
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(body).text();
}

describe('copyOutStream', () => {
  it('passes every line through and settles once when the copy ends', async () => {
    const onSettled = vi.fn();
    const { body, firstRow } = copyOutStream(copySource(['a,b\n', '1,2\n', '3,4\n']), {
      headerLines: 1,
      cancelQuery: () => {},
      onSettled,
    });
    await firstRow;
    expect(await readAll(body)).toBe('a,b\n1,2\n3,4\n');
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('sees the first row in the chunk that brought the header too', async () => {
    const { body, firstRow } = copyOutStream(copySource(['a,b\n1,2\n', '3,4\n']), {
      headerLines: 1,
      cancelQuery: () => {},
    });
    await firstRow;
    expect(await readAll(body)).toBe('a,b\n1,2\n3,4\n');
  });

  it('does not take the header for a row, even split over chunks, when the copy fails after it', async () => {
    const failure = new Error('value out of range: overflow');
    const { body, firstRow } = copyOutStream(copySource(['a', ',b\n'], failure), {
      headerLines: 1,
      cancelQuery: () => {},
    });
    await expect(firstRow).rejects.toThrow('overflow');
    await expect(readAll(body)).rejects.toThrow('overflow');
  });

  it('ends the body with the error, not a shorter file, when the copy fails after its first row', async () => {
    const onError = vi.fn();
    const failure = new Error('canceling statement due to user request');
    const { body, firstRow } = copyOutStream(copySource(['a,b\n', '1,2\n'], failure), {
      headerLines: 1,
      cancelQuery: () => {},
      onError,
    });
    await firstRow;
    await expect(readAll(body)).rejects.toThrow('canceling statement');
    expect(onError).toHaveBeenCalledWith(failure);
  });

  // postgres.js hands over a COPY that failed in the read that began it (CopyOutResponse, the
  // error and ReadyForQuery in one packet: a cancel landing at the start) as a destroyed stream,
  // which emits nothing more. The download waited for its first row for good, holding its slot.
  it('rejects its first row and settles when the stream was destroyed with an error before it came', async () => {
    const source = copySource([]);
    source.on('error', () => {});
    source.destroy(new Error('division by zero'));
    await new Promise((resolve) => source.once('close', resolve));
    const onSettled = vi.fn();
    const { body, firstRow } = copyOutStream(source, { headerLines: 1, cancelQuery: () => {}, onSettled });
    await expect(firstRow).rejects.toThrow('division by zero');
    await expect(readAll(body)).rejects.toThrow('division by zero');
    expect(onSettled).toHaveBeenCalledTimes(1);
  });

  it('rejects its first row when the stream was closed without an error before it came', async () => {
    const source = copySource([]);
    source.destroy();
    await new Promise((resolve) => source.once('close', resolve));
    const onSettled = vi.fn();
    const { firstRow } = copyOutStream(source, { headerLines: 1, cancelQuery: () => {}, onSettled });
    await expect(firstRow).rejects.toThrow(/closed before it was read/);
    expect(onSettled).toHaveBeenCalledTimes(1);
  });
});
