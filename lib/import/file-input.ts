// Reads a file once, in 1 MB chunks, while hashing it (for the import log) and counting bytes
// (for the progress bar), and decodes text strictly so that a wrong encoding is an error with a
// line number, never silently garbled names.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

const CHUNK = 1 << 20;

export type TextEncoding = 'utf-8' | 'windows-1252';

export class FileInput {
  bytesRead = 0;
  private readonly hash = createHash('sha256');

  private constructor(
    readonly file: string,
    readonly totalBytes: number,
  ) {}

  static async open(file: string): Promise<FileInput> {
    return new FileInput(file, (await stat(file)).size);
  }

  async *chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of createReadStream(this.file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      this.hash.update(chunk);
      this.bytesRead += chunk.length;
      yield chunk;
    }
  }

  /** A byte stream (not object mode) for libraries that want a Readable, such as exceljs. */
  stream(): Readable {
    return Readable.from(this.chunks(), { objectMode: false });
  }

  /** SHA-256 of everything read so far: the whole file once reading is done. */
  sha256(): string {
    return this.hash.copy().digest('hex');
  }
}

/**
 * The file is not in the expected encoding (or holds a NUL character, which no text file has and
 * PostgreSQL text cannot store); `line` is where the first offending byte sits.
 */
export class EncodingError extends Error {
  constructor(
    readonly line: number,
    readonly byteOffset: number,
    readonly nul = false,
  ) {
    super(`${nul ? 'a NUL character' : 'not UTF-8'} at line ${line} (byte ${byteOffset})`);
    this.name = 'EncodingError';
  }

  /** What was found, for a problem report. */
  get found(): string {
    return this.nul
      ? `a NUL character (binary data or UTF-16 text) near byte ${this.byteOffset}`
      : `bytes that are not UTF-8 (byte ${this.byteOffset})`;
  }
}

function countNewlines(text: string, end = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n += 1;
  return n;
}

/** Offset of the first byte that breaks UTF-8 in `buf`, skipping the tail of a sequence begun before it. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length && i < 3 && ((buf[i] ?? 0) & 0xc0) === 0x80) i += 1;
  while (i < buf.length) {
    const b = buf[i] ?? 0;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) {
      if (i + k >= buf.length) return buf.length;
      if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return buf.length;
}

/** Decodes chunks to text. UTF-8 is checked strictly; windows-1252 (Latin-1) accepts any byte. */
export async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: TextEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  let lines = 1;
  let offset = 0;
  for await (const chunk of chunks) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const bad = firstInvalidUtf8(chunk);
      const before = new TextDecoder('utf-8').decode(chunk.subarray(0, bad));
      throw new EncodingError(lines + countNewlines(before), offset + bad);
    }
    const nul = text.indexOf('\u0000');
    if (nul !== -1) throw new EncodingError(lines + countNewlines(text, nul), offset, true);
    lines += countNewlines(text);
    offset += chunk.length;
    if (text) yield text;
  }
  try {
    const tail = decoder.decode();
    if (tail) yield tail;
  } catch {
    throw new EncodingError(lines, offset);
  }
}

/** Whether the whole file is valid UTF-8 (one extra pass; used where Latin-1 is also allowed). */
export async function isUtf8File(file: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
