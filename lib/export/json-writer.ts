// Streams rows as a JSON array of objects, keyed by the columns' keys. Decimal text is written as
// a JSON number verbatim (PostgreSQL's numeric text is valid JSON), so every published digit stays.
import { pullStream } from './pull-stream';
import type { ExportCellValue, ExportColumn, RowBatches } from './types';

const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export function jsonValue(type: 'text' | 'number' | 'boolean', value: ExportCellValue): string {
  if (value === null) return 'null';
  if (type === 'number') {
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
    if (JSON_NUMBER.test(value.toString())) return value.toString();
  }
  if (type === 'boolean' && typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(String(value));
}

export function jsonRecord<Row>(row: Row, columns: readonly ExportColumn<Row>[]): string {
  return `{${columns.map((c) => `${JSON.stringify(c.key)}:${jsonValue(c.type, c.value(row))}`).join(',')}}`;
}

export function jsonStream<Row>(
  batches: RowBatches<Row>,
  columns: readonly ExportColumn<Row>[],
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let first = true;
  return pullStream(batches, {
    start: () => encoder.encode('['),
    batch: (rows) =>
      encoder.encode(
        rows
          .map((row) => {
            const separator = first ? '\n' : ',\n';
            first = false;
            return separator + jsonRecord(row, columns);
          })
          .join(''),
      ),
    end: () => encoder.encode('\n]\n'),
  });
}
