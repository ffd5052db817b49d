// The HTTP response of an export in any of the three formats, with a filename that says what is
// inside. Route handlers build the columns and provenance; this picks the writer.
import type postgres from 'postgres';
import { csvStream } from './csv-writer';
import { beginDownload, downloadUnavailable } from './download';
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
 * connection) it takes a download slot (429 when none is free) and a reserved connection of the
 * export pool, and the body ends the statement when the client goes away or stalls
 * (lib/export/download.ts). Rows already in memory (a few hundred at most: a page, a screen's
 * table) hold no connection and take no slot. Either way the first batch is read before the
 * status line, so a failure is a 503.
 */
export async function exportResponse<Row>(
  signal: AbortSignal,
  input: Omit<ExportResponseInput<Row>, 'batches'> & {
    batches: RowBatches<Row> | ((db: postgres.Sql) => RowBatches<Row>);
  },
): Promise<Response> {
  if (typeof input.batches !== 'function') {
    return exportBodyResponse({ ...input, body: exportBody({ ...input, batches: input.batches }) });
  }
  const download = await beginDownload(signal, { database: true });
  if (download instanceof Response) return download;
  let batches: RowBatches<Row>;
  try {
    batches = await primedBatches(input.batches(download.db), () => download.release());
  } catch {
    return downloadUnavailable();
  }
  return exportBodyResponse({ ...input, body: download.watch(exportBody({ ...input, batches })) });
}

/** A response for a body made elsewhere, e.g. CSV bytes PostgreSQL writes itself (COPY TO STDOUT). */
export function exportBodyResponse(input: {
  format: ExportFormat;
  body: ReadableStream<Uint8Array>;
  fileName: string;
  download?: boolean;
}): Response {
  const disposition = input.format === 'json' && !input.download ? 'inline' : 'attachment';
  return new Response(input.body, {
    headers: {
      'Content-Type': CONTENT_TYPES[input.format],
      'Content-Disposition': `${disposition}; filename="${input.fileName}.${input.format}"`,
      'Cache-Control': 'no-store',
      // The body is produced while it is sent; proxies must not wait for the end to pass it on.
      'X-Accel-Buffering': 'no',
    },
  });
}
