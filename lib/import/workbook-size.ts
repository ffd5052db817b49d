// What a workbook unpacks to, measured before exceljs loads it: exceljs builds the whole workbook in
// memory, tens of times its XML, so a small but highly compressed file (a 2 MB .xlsx of repeated
// cells) drove the importer past 2 GB before it could say anything. The entries are inflated as a
// stream (yauzl) and counted, never kept, so this check itself holds one chunk at a time; a zip
// whose headers understate an entry's size is caught too, since the bytes are counted, not read
// from the header.
import yauzl from 'yauzl';

/**
 * An .xlsx whose parts unpack to more than this is refused. A DOTS workbook of one reporter is
 * about 0.1 MB, 0.6 MB unpacked; exceljs needs about 20 times the unpacked size in memory.
 */
export const MAX_WORKBOOK_UNPACKED_BYTES = 16 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export class WorkbookTooLargeError extends Error {
  constructor(readonly unpacked: number) {
    super(
      `a workbook that unpacks to more than ${megabytes(MAX_WORKBOOK_UNPACKED_BYTES)} (at least ${megabytes(unpacked)})`,
    );
    this.name = 'WorkbookTooLargeError';
  }
}

/**
 * Resolves when the zip in `buffer` unpacks to at most `limit` bytes; rejects with
 * WorkbookTooLargeError when it would unpack to more, or with yauzl's error when it is not a zip.
 */
export function assertWorkbookSize(buffer: Buffer, limit = MAX_WORKBOOK_UNPACKED_BYTES): Promise<void> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (openError, zip) => {
      if (openError || !zip) {
        reject(openError ?? new Error('not a zip archive'));
        return;
      }
      let total = 0;
      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        zip.close();
        reject(error);
      };
      zip.on('error', fail);
      zip.on('end', () => {
        if (settled) return;
        settled = true;
        resolve();
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        // The header's own figure first: most oversized files say so, and cost nothing to refuse.
        if (total + entry.uncompressedSize > limit) {
          fail(new WorkbookTooLargeError(total + entry.uncompressedSize));
          return;
        }
        if (entry.fileName.endsWith('/')) {
          zip.readEntry();
          return;
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            fail(streamError ?? new Error(`cannot read ${entry.fileName}`));
            return;
          }
          stream.on('data', (chunk: Buffer) => {
            total += chunk.length;
            if (total > limit) {
              stream.destroy();
              fail(new WorkbookTooLargeError(total));
            }
          });
          stream.on('error', fail);
          stream.on('end', () => {
            if (!settled) zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
