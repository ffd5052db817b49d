// Streams rows as CSV (UTF-8, comma-separated, header row, RFC 4180 quoting), one batch at a time:
// the next batch is read only when the client has taken the previous one.
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '@/lib/tidy/spreadsheet-safe';
import type { ExportCellValue, ExportColumn, RowBatches } from './types';
import { pullStream } from './pull-stream';

/** Numbers written as text must look like numbers; anything else is treated as text. Also applied in PostgreSQL by the CSV export. */
export const NUMBER_TEXT = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** One cell as CSV text. Text that could run as a formula gets an apostrophe; numbers never do. */
export function csvCell(type: 'text' | 'number' | 'boolean', value: ExportCellValue): string {
  if (value === null) return '';
  if (type === 'number') {
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    // A negative number keeps its minus sign: it is not a formula.
    if (typeof value === 'string' && NUMBER_TEXT.test(value)) return value;
  }
  if (type === 'boolean' && typeof value === 'boolean') return value ? 'true' : 'false';
  return neutraliseFormula(String(value));
}

export function csvHeader<Row>(columns: readonly ExportColumn<Row>[]): string {
  return stringify([columns.map((c) => neutraliseFormula(c.key))]);
}

export function csvLines<Row>(rows: readonly Row[], columns: readonly ExportColumn<Row>[]): string {
  return stringify(rows.map((row) => columns.map((c) => csvCell(c.type, c.value(row)))));
}

export function csvStream<Row>(
  batches: RowBatches<Row>,
  columns: readonly ExportColumn<Row>[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return pullStream(batches, {
    start: () => encoder.encode(csvHeader(columns)),
    batch: (rows) => encoder.encode(csvLines(rows, columns)),
  });
}
