// The contract between a screen and the export writers: rows arrive as an async iterable of
// batches (a database cursor, or one in-memory batch), columns say how each cell is written, and
// the provenance says where the numbers come from. The writers know nothing about any screen.
import type { Locale } from '@/lib/i18n/locales';

export type ExportCellType = 'text' | 'number' | 'boolean';
/** Numbers may be decimal text (PostgreSQL numeric) so that no digit is lost on the way out. */
export type ExportCellValue = string | number | boolean | null;

export interface ExportColumn<Row> {
  /** CSV header and JSON key: stable, snake_case, with the unit in the name where there is one. */
  key: string;
  type: ExportCellType;
  value: (row: Row) => ExportCellValue;
  /** One sentence for the README sheet, in the file's language: what the column holds, with unit and period. */
  description: string;
  /**
   * How the XLSX Data sheet writes the column when it should differ from CSV/JSON, e.g. the scale
   * as the number 1000000 (so value × scale works in a formula) instead of the tidy text "1e6".
   */
  xlsx?: { type: ExportCellType; value: (row: Row) => ExportCellValue };
  /** Excel number format for number cells, e.g. "#,##0.0". */
  numFmt?: string;
  /** Column width in characters in the XLSX sheets. */
  width?: number;
}

/** How a source must be credited; the XLSX Sources sheet lists one row per source used. */
export interface ExportSource {
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  attribution: string;
  vintage: string | null;
  /** ISO date or null. */
  publishedOn: string | null;
}

export interface ExportGlossaryEntry {
  /** The column the entry explains, e.g. "flag" or "qualifier". */
  field: string;
  /** The value as it appears in the file ("" for empty). */
  value: string;
  meaning: string;
}

export interface ExportProvenance<Row> {
  /**
   * The language of what a reader sees in an XLSX file (README sheet, the Flags sheet's meanings);
   * English when left out. Sheet names, column keys, CSV and JSON are English whatever it is.
   */
  locale?: Locale;
  /** What the file holds, e.g. "Kazakhstan's trade observations". */
  title: string;
  /** The view the file reproduces: the screen's URL with its filters and sort. */
  viewUrl: string;
  /** The filters and sort in words, one line each. */
  query: readonly string[];
  generatedAt: Date;
  /** Which sources a row uses; collected while the rows stream, so no second query is needed. */
  sourceIdsOf: (row: Row) => readonly string[];
  /** Called once at the end with the ids collected, in order of first appearance. */
  loadSources: (ids: readonly string[]) => Promise<ExportSource[]>;
  /** What each flag, qualifier and marker in the file means (the Flags sheet). */
  glossary: readonly ExportGlossaryEntry[];
  /** How to cite the file; the sources' own attributions follow it in the README sheet. */
  citation: string;
  /** Caveats a reader must see (units, mirror data, groups and members never summed). */
  notes?: readonly string[];
}

export type RowBatches<Row> = AsyncIterable<readonly Row[]>;

/** Wraps rows already in memory (a small screen) as the batches the writers read. */
export async function* inMemoryBatches<Row>(rows: readonly Row[], batchSize = 1000): AsyncGenerator<readonly Row[]> {
  for (let start = 0; start < rows.length; start += batchSize) yield rows.slice(start, start + batchSize);
}

/**
 * Reads the first batch before the response begins, so that a query that fails (a value float8
 * cannot hold, a timeout, the database gone) is a 503 with a message rather than a 200 whose body
 * breaks after its first bytes. `onSettled` is called once the source has finished, failed or been
 * closed early, also when the body is cancelled before it was ever read: that is when a
 * download's connection may be closed.
 */
export async function primedBatches<Row>(
  batches: RowBatches<Row>,
  onSettled: () => void = () => {},
): Promise<RowBatches<Row>> {
  const iterator = batches[Symbol.asyncIterator]();
  let settled = false;
  const settle = async (close: boolean) => {
    if (settled) return;
    settled = true;
    try {
      if (close) await iterator.return?.(undefined);
    } catch {
      // Closing a source that failed: nothing more to learn.
    } finally {
      onSettled();
    }
  };
  let first: IteratorResult<readonly Row[]>;
  try {
    first = await iterator.next();
  } catch (error) {
    await settle(false);
    throw error;
  }
  if (first.done) await settle(false);
  let pending: IteratorResult<readonly Row[]> | null = first.done ? null : first;
  const done = (): IteratorResult<readonly Row[]> => ({ done: true, value: undefined });
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (pending) {
          const value = pending;
          pending = null;
          return value;
        }
        if (settled) return done();
        try {
          const next = await iterator.next();
          if (next.done) await settle(false);
          return next;
        } catch (error) {
          await settle(false);
          throw error;
        }
      },
      async return() {
        pending = null;
        await settle(true);
        return done();
      },
    }),
  };
}
