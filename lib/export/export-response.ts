// The HTTP response of an export in any of the three formats, with a filename that says what is
// inside. Route handlers build the columns and provenance; this picks the writer.
import type postgres from 'postgres';
import { csvStream } from './csv-writer';
import { beginDownload, downloadUnavailable, type AbortSource } from './download';
import { jsonStream } from './json-writer';
import { primedBatches, type ExportColumn, type ExportProvenance, type RowBatches } from './types';
import { xlsxStream } from './xlsx-writer';

import type { ExportFormat } from './formats';

export { EXPORT_FORMATS, type ExportFormat } from './formats';

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

interface ExportResponseInput<Row> {
  format: ExportFormat;
  batches: RowBatches<Row>;
  columns: readonly ExportColumn<Row>[];
  provenance: ExportProvenance<Row>;
  /** Without extension; see exportFileName. */
  fileName: string;
  /** JSON is shown in the browser unless asked to download; CSV and XLSX always download. */
  download?: boolean;
}

export function exportBody<Row>({
  format,
  batches,
  columns,
  provenance,
}: Omit<ExportResponseInput<Row>, 'fileName'>): ReadableStream<Uint8Array> {
  if (format === 'csv') return csvStream(batches, columns);
  if (format === 'json') return jsonStream(batches, columns);
  return xlsxStream(batches, columns, provenance);
}

/**
 * A download of rows. When the rows stream from the database (`batches` is a function of the
 * connection) it takes a download slot (429 when none is free) and a connection of its own, and
 * the body ends the statement when the client goes away or stalls
 * (lib/export/download.ts). Rows already in memory (a few hundred at most: a page, a screen's
 * table) hold no connection and take no slot. Either way the first batch is read before the
 * status line, so a failure is a 503.
 */
export async function exportResponse<Row>(
  request: AbortSource,
  input: Omit<ExportResponseInput<Row>, 'batches'> & {
    batches: RowBatches<Row> | ((db: postgres.Sql) => RowBatches<Row>);
  },
): Promise<Response> {
  if (typeof input.batches !== 'function') {
    return exportBodyResponse({ ...input, body: exportBody({ ...input, batches: input.batches }) });
  }
  const download = await beginDownload(request, { database: true });
  if (download instanceof Response) return download;
  let batches: RowBatches<Row>;
  try {
    batches = await primedBatches(input.batches(download.db), () => download.release());
  } catch {
    return downloadUnavailable();
  }
  return exportBodyResponse({ ...input, body: download.watch(exportBody({ ...input, batches })) });
}

/**
 * UTF-8's byte-order mark. Excel opens a double-clicked CSV as UTF-8 only when it starts with one
 * (otherwise in the system's code page: "Türkiye" and "−" come out garbled). The importer skips
 * it (lib/import/detect-format.ts, csv-records.ts), so a download still imports as it is.
 */
export const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** The body with the mark in front, read on demand like the body itself (no buffering, cancel passed on). */
function withByteOrderMark(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let marked = false;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!marked) {
          marked = true;
          controller.enqueue(UTF8_BOM.slice());
          return;
        }
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel: (reason) => reader.cancel(reason),
    },
    { highWaterMark: 0 },
  );
}

/**
 * The response of a download: its type, a file name and no caching. A CSV gets a byte-order mark
 * in front, whoever wrote it (the writers here, or PostgreSQL itself with COPY TO STDOUT).
 */
export function exportBodyResponse(input: {
  format: ExportFormat;
  body: ReadableStream<Uint8Array>;
  fileName: string;
  download?: boolean;
}): Response {
  const disposition = input.format === 'json' && !input.download ? 'inline' : 'attachment';
  return new Response(input.format === 'csv' ? withByteOrderMark(input.body) : input.body, {
    headers: {
      'Content-Type': CONTENT_TYPES[input.format],
      'Content-Disposition': `${disposition}; filename="${input.fileName}.${input.format}"`,
      'Cache-Control': 'no-store',
      // The body is produced while it is sent; proxies must not wait for the end to pass it on.
      'X-Accel-Buffering': 'no',
    },
  });
}
