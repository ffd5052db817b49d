// Known breaks in a reporter's official series (series_break): the bundled ones come from
// prisma/data/reference/series_breaks.csv, and `npm run import` takes a file of the same layout to
// add or correct breaks. A file is checked whole before anything is written.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type postgres from 'postgres';
import { z } from 'zod';
import { ImportRejectedError, type RowProblem } from './problems';

export const SERIES_BREAK_COLUMNS = [
  'key',
  'reporter_code',
  'kind',
  'first_year',
  'last_year',
  'partner_codes',
  'label',
  'description',
  'source_id',
  'url',
] as const;

const year = z.coerce.number().int().min(1900).max(2100);
const rowSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'a key of lower-case letters, digits and hyphens'),
    reporter_code: z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'a partner code such as KAZ'),
    kind: z.enum(['INCOMPLETE', 'DISCONTINUITY', 'SOURCE_CHANGE']),
    first_year: year,
    last_year: year,
    partner_codes: z
      .string()
      .transform((s) =>
        s
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.string().regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'partner codes separated by ";"'))),
    label: z.string().trim().min(1).max(80),
    description: z.string().trim().min(1).max(2000),
    source_id: z
      .string()
      .trim()
      .max(200)
      .transform((s) => s || null),
    url: z
      .string()
      .trim()
      .transform((s) => s || null)
      .pipe(z.url({ protocol: /^https?$/ }).nullable()),
  })
  .refine((r) => r.last_year >= r.first_year, { message: 'last_year on or after first_year', path: ['last_year'] });

export type SeriesBreakRow = z.output<typeof rowSchema>;

/** True when a CSV header line is the series-breaks layout. */
export function isSeriesBreakHeader(line: string): boolean {
  return line.replace(/^\uFEFF/, '').trim() === SERIES_BREAK_COLUMNS.join(',');
}

/** Reads and checks a series-breaks file; refuses it whole with every problem found. */
export async function readSeriesBreaks(file: string): Promise<SeriesBreakRow[]> {
  const records = parse(await readFile(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
  const problems: RowProblem[] = [];
  const rows: SeriesBreakRow[] = [];
  records.forEach((record, i) => {
    const parsed = rowSchema.safeParse(record);
    if (parsed.success) rows.push(parsed.data);
    else
      for (const issue of parsed.error.issues)
        problems.push({
          line: i + 2,
          column: String(issue.path[0] ?? '(row)'),
          found: String(record[String(issue.path[0])] ?? ''),
          expected: issue.message,
        });
  });
  if (problems.length > 0) throw new ImportRejectedError(path.basename(file), problems, problems.length);
  return rows;
}

/**
 * Writes breaks (insert or replace by key) in the caller's transaction and returns how many were
 * new or changed. Unknown reporters, partners and sources are refused by name before anything is
 * written.
 */
async function upsertSeriesBreaks(tx: postgres.TransactionSql, file: string, rows: SeriesBreakRow[]): Promise<number> {
  const codes = [...new Set(rows.flatMap((r) => [r.reporter_code, ...r.partner_codes]))];
  const sources = [...new Set(rows.flatMap((r) => (r.source_id ? [r.source_id] : [])))];
  const knownCodes = new Set(
    (await tx<{ code: string }[]>`SELECT code FROM partner WHERE code IN ${tx(codes)}`).map((r) => r.code),
  );
  const knownSources = new Set(
    sources.length === 0
      ? []
      : (await tx<{ id: string }[]>`SELECT id FROM source WHERE id IN ${tx(sources)}`).map((r) => r.id),
  );
  const problems: RowProblem[] = [];
  rows.forEach((r, i) => {
    for (const code of [r.reporter_code, ...r.partner_codes])
      if (!knownCodes.has(code))
        problems.push({ line: i + 2, column: 'partner_codes', found: code, expected: 'a code of the partner table' });
    if (r.source_id && !knownSources.has(r.source_id))
      problems.push({ line: i + 2, column: 'source_id', found: r.source_id, expected: 'the id of a known source' });
  });
  if (problems.length > 0) throw new ImportRejectedError(path.basename(file), problems, problems.length);
  let changed = 0;
  for (const r of rows) {
    const written = await tx`
      INSERT INTO series_break (key, reporter_code, kind, first_year, last_year, partner_codes, label, description, source_id, url)
      VALUES (${r.key}, ${r.reporter_code}, ${r.kind}::"SeriesBreakKind", ${r.first_year}, ${r.last_year},
              ${r.partner_codes}::text[], ${r.label}, ${r.description}, ${r.source_id}, ${r.url})
      ON CONFLICT (key) DO UPDATE SET reporter_code = EXCLUDED.reporter_code, kind = EXCLUDED.kind,
        first_year = EXCLUDED.first_year, last_year = EXCLUDED.last_year, partner_codes = EXCLUDED.partner_codes,
        label = EXCLUDED.label, description = EXCLUDED.description, source_id = EXCLUDED.source_id, url = EXCLUDED.url
      WHERE (series_break.reporter_code, series_break.kind, series_break.first_year, series_break.last_year,
             series_break.partner_codes, series_break.label, series_break.description, series_break.source_id, series_break.url)
        IS DISTINCT FROM (EXCLUDED.reporter_code, EXCLUDED.kind, EXCLUDED.first_year, EXCLUDED.last_year,
             EXCLUDED.partner_codes, EXCLUDED.label, EXCLUDED.description, EXCLUDED.source_id, EXCLUDED.url)
      RETURNING key`;
    changed += written.length;
  }
  return changed;
}

export interface SeriesBreakSummary {
  file: string;
  rows: number;
  changed: number;
  batchId: number | null;
}

/**
 * Imports a series-breaks file as one transaction with its own import_batch row (the dataset
 * version, so cached pages show the new breaks); a file that changes nothing leaves no trace.
 */
export async function importSeriesBreaks(sql: postgres.Sql, file: string): Promise<SeriesBreakSummary> {
  const rows = await readSeriesBreaks(file);
  return sql.begin(async (tx) => {
    const changed = await upsertSeriesBreaks(tx, file, rows);
    if (changed === 0) return { file, rows: rows.length, changed, batchId: null };
    const [batch] = await tx<{ id: number }[]>`
      INSERT INTO import_batch (file_name, format, sha256, status, finished_at, inserted)
      VALUES (${path.basename(file)}, 'series-breaks', '', 'SUCCEEDED', now(), ${changed})
      RETURNING id`;
    return { file, rows: rows.length, changed, batchId: batch?.id ?? null };
  });
}
