// Reads CSV with csv-parse (RFC 4180: quoted fields with doubled quotes and line breaks inside),
// in batches, each record with the line on which it starts. Empty lines are skipped but counted,
// so line numbers stay those of the file; a byte-order mark at the start is dropped.
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';

export interface CsvRecord {
  fields: string[];
  /** Line (1-based) on which the record starts. */
  line: number;
}

/** Malformed CSV: an unclosed quote, or text after a closing quote. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly found: string,
    readonly expected: string,
  ) {
    super(`line ${line}: found ${found}, expected ${expected}`);
    this.name = 'CsvSyntaxError';
  }
}

/** Records are handed on in batches, so that the consumer awaits once per batch, not per row. */
const BATCH = 1000;

/**
 * csv-parse holds a field whole until it ends: without a bound, one 20 MB cell was read (and
 * stored). Cells may hold 32,767 characters (lib/import/row-limits.ts); a field far beyond that
 * is refused here, while it is read, so memory stays bounded whatever the file.
 */
export const MAX_FIELD_CHARS = 1_000_000;

/**
 * What csv-parse reports, in the importer's words ("found ..., expected ..."): an unclosed quote at
 * the line its record starts on (after the last complete record), the others where they are.
 */
function syntaxError(error: CsvError, nextRecordLine: number, carriageReturns: number): CsvSyntaxError {
  const at = Number(error.lines) - carriageReturns;
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return new CsvSyntaxError(
        nextRecordLine,
        'a quoted field that is not closed before the end of the file',
        'a closing double quote',
      );
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new CsvSyntaxError(
        at,
        'text after a closing quote',
        'a delimiter or the end of the line after a quoted field',
      );
    case 'INVALID_OPENING_QUOTE':
      return new CsvSyntaxError(
        at,
        'a double quote inside an unquoted field',
        'quotes only around whole fields, doubled inside them',
      );
    case 'CSV_MAX_RECORD_SIZE':
      return new CsvSyntaxError(
        nextRecordLine,
        `a field of more than ${MAX_FIELD_CHARS.toLocaleString('en-US')} characters`,
        "cells of at most 32,767 characters (Excel's limit for a cell)",
      );
    default:
      return new CsvSyntaxError(at, error.message, 'RFC 4180 CSV');
  }
}

const count = (text: string, char: string) => {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n += 1;
  return n;
};

export async function* csvRecordBatches(chunks: AsyncIterable<string>, delimiter = ','): AsyncGenerator<CsvRecord[]> {
  // csv-parse's line counter (context.lines, the line a record ends on) also counts every \r
  // inside a quoted field as a line break, so a CRLF within a cell counts twice. Lines here are
  // what an editor shows (\n), so the \r seen in fields so far are taken off again. Counted in
  // on_record, as records are parsed, so that an error knows where the last record ended even if
  // records parsed before it are still unread.
  let carriageReturns = 0;
  let lastEnd = 0;
  // Start lines of parsed records not yet read, in order (records and lines pair up one to one).
  let lines: number[] = [];
  let head = 0;
  const parser = parse({
    delimiter,
    // Files mix line ends (a header written on Unix, rows appended on Windows): accept both.
    record_delimiter: ['\r\n', '\n'],
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_FIELD_CHARS,
    on_record: (fields: string[], context) => {
      let breaks = 0;
      for (const field of fields) {
        if (field.length > 0 && (field.includes('\n') || field.includes('\r'))) {
          carriageReturns += count(field, '\r');
          breaks += count(field, '\n');
        }
      }
      lastEnd = context.lines - carriageReturns;
      lines.push(lastEnd - breaks);
      return fields;
    },
  });
  const source = Readable.from(chunks, { objectMode: false });
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);
  let batch: CsvRecord[] = [];
  try {
    // Streams yield untyped chunks: here the field arrays on_record returned.
    for await (const fields of parser as AsyncIterable<string[]>) {
      batch.push({ fields, line: lines[head] ?? 0 });
      head += 1;
      if (batch.length >= BATCH) {
        lines = lines.slice(head);
        head = 0;
        yield batch;
        batch = [];
      }
    }
  } catch (error) {
    if (error instanceof CsvError) throw syntaxError(error, lastEnd + 1, carriageReturns);
    throw error;
  } finally {
    source.destroy();
  }
  if (batch.length > 0) yield batch;
}
