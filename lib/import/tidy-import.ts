// Imports a tidy-layout CSV: streamed through csv-parse into a COPY of a staging table, then
// merged into `observation` in the same transaction, so a refused file changes nothing.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type postgres from 'postgres';
import { copyLine } from './copy-text';
import { TIDY_COLUMNS, parseTidyRow, type ObservationRow, type RowProblem } from './tidy-row';

export interface ImportOptions {
  /** Use this source id for every row instead of the file's source_id column. */
  sourceId?: string;
  dryRun?: boolean;
  /** Write the valid rows and report the others, instead of refusing the whole file. */
  skipInvalid?: boolean;
  onProgress?: (rowsRead: number, bytesRead: number, totalBytes: number) => void;
}

export interface ImportSummary {
  file: string;
  format: 'tidy';
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  problems: RowProblem[];
  batchId: number | null;
  dryRun: boolean;
}

/** The file was refused: nothing was written. */
export class ImportRejectedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: RowProblem[],
    readonly totalProblems: number,
  ) {
    super(`${path.basename(file)}: ${totalProblems} problem(s); nothing was imported`);
    this.name = 'ImportRejectedError';
  }
}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

const MAX_REPORTED = 200;
const STAGE_COLUMNS = [
  'line', 'source_id', 'reporter_code', 'partner_code', 'indicator_code', 'year', 'period', 'period_kind',
  'period_start', 'period_end', 'period_key', 'series_key', 'value', 'unit', 'scale', 'flag', 'qualifier',
  'is_estimate', 'derivation', 'derivation_note', 'stated_growth_pct', 'locator', 'note', 'vintage',
] as const;

const toCopy = (r: ObservationRow) =>
  copyLine([
    r.line, r.sourceId, r.reporterCode, r.partnerCode, r.indicatorCode, r.year, r.period, r.periodKind,
    r.periodStart, r.periodEnd, r.periodKey, r.seriesKey, r.value, r.unit, r.scale, r.flag, r.qualifier,
    r.isEstimate, r.derivation, r.derivationNote, r.statedGrowthPct, r.locator, r.note, r.vintage,
  ]);

async function loadReferenceCodes(sql: postgres.Sql) {
  const [sources, partners, indicators] = await Promise.all([
    sql<{ id: string }[]>`SELECT id FROM source`,
    sql<{ code: string }[]>`SELECT code FROM partner`,
    sql<{ code: string }[]>`SELECT code FROM indicator`,
  ]);
  return {
    sources: new Set(sources.map((r) => r.id)),
    partners: new Set(partners.map((r) => r.code)),
    indicators: new Set(indicators.map((r) => r.code)),
  };
}

/** Raised inside the byte stream when the file is not UTF-8. */
class EncodingProblem extends Error {
  constructor(readonly byteOffset: number) {
    super('not UTF-8');
  }
}

function isCsvError(error: unknown): error is Error & { code: string; lines?: number } {
  const code: unknown = error instanceof Error ? (error as unknown as { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('CSV_');
}

export async function importTidyCsv(sql: postgres.Sql, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const totalBytes = (await stat(file)).size;
  const refs = await loadReferenceCodes(sql);
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const problems: RowProblem[] = [];
  let problemCount = 0;
  let fileLevelProblem = false;
  let rows = 0;
  let rejectedRows = 0;
  let bytesRead = 0;
  const report = (p: RowProblem) => {
    problemCount += 1;
    if (problems.length < MAX_REPORTED) problems.push(p);
  };
  const reportFile = (p: RowProblem) => {
    fileLevelProblem = true;
    report(p);
  };

  const checking = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        done(new EncodingProblem(bytesRead));
        return;
      }
      hash.update(chunk);
      bytesRead += chunk.length;
      done(null, chunk);
    },
  });
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });

  async function* copyLines(): AsyncGenerator<string> {
    let header: string[] | null = null;
    try {
      for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
        const { record, info } = item;
        if (!header) {
          header = record.map((h) => h.trim());
          if (TIDY_COLUMNS.some((c, i) => header?.[i] !== c)) {
            reportFile({
              line: info.lines,
              column: '(header)',
              found: header.join(',').slice(0, 120),
              expected: `the 13 tidy columns, comma-separated, in order: ${TIDY_COLUMNS.join(',')}`,
            });
            parser.destroy();
            return;
          }
          continue;
        }
        rows += 1;
        if (record.length !== header.length) {
          rejectedRows += 1;
          report({ line: info.lines, column: '(row)', found: `${record.length} fields`, expected: `${header.length} fields, as in the header` });
          continue;
        }
        const cells: Record<string, string> = {};
        header.forEach((name, i) => {
          cells[name] = record[i] ?? '';
        });
        const parsed = parseTidyRow(cells, info.lines, { sourceId: options.sourceId });
        if ('problems' in parsed) {
          rejectedRows += 1;
          parsed.problems.forEach(report);
          continue;
        }
        const r = parsed.row;
        const unknown: RowProblem[] = [];
        if (!refs.sources.has(r.sourceId)) unknown.push({ line: r.line, column: 'source_id', found: r.sourceId, expected: 'a known source id (npm run import -- --help lists how to add one, or pass --source-id)' });
        if (!refs.partners.has(r.reporterCode)) unknown.push({ line: r.line, column: 'reporter_code', found: r.reporterCode, expected: 'a known partner code' });
        if (!refs.partners.has(r.partnerCode)) unknown.push({ line: r.line, column: 'partner_code', found: r.partnerCode, expected: 'a known partner code' });
        if (!refs.indicators.has(r.indicatorCode)) unknown.push({ line: r.line, column: 'flow', found: r.indicatorCode, expected: 'a known indicator code' });
        if (unknown.length > 0) {
          rejectedRows += 1;
          unknown.forEach(report);
          continue;
        }
        if (rows % 10000 === 0) options.onProgress?.(rows, bytesRead, totalBytes);
        yield toCopy(r);
      }
    } catch (error) {
      if (error instanceof EncodingProblem) {
        reportFile({ line: rows + 1, column: '(file)', found: `bytes that are not UTF-8 near byte ${error.byteOffset}`, expected: 'UTF-8 text (re-save the file as UTF-8)' });
        return;
      }
      if (isCsvError(error)) {
        reportFile({ line: error.lines ?? rows + 1, column: '(file)', found: error.message, expected: 'valid CSV (RFC 4180 quoting)' });
        return;
      }
      throw error;
    }
    if (!header) reportFile({ line: 1, column: '(file)', found: 'an empty file', expected: 'a header row and data rows' });
    else if (rows === 0) reportFile({ line: 2, column: '(file)', found: 'a header and no data rows', expected: 'at least one data row' });
  }

  try {
    return await sql.begin(async (tx) => {
      await tx`
        CREATE TEMP TABLE stage (
          line int, source_id text, reporter_code text, partner_code text, indicator_code text, year int,
          period text, period_kind "PeriodKind", period_start date, period_end date, period_key text,
          series_key text, value numeric, unit text, scale smallint, flag text, qualifier "Qualifier",
          is_estimate boolean, derivation "Derivation", derivation_note text, stated_growth_pct numeric,
          locator text, note text, vintage text
        ) ON COMMIT DROP`;
      const copy = await tx`COPY stage (${tx.unsafe(STAGE_COLUMNS.join(','))}) FROM STDIN`.writable();
      // The input side ends early when the header is refused; its premature close is expected then.
      const input = pipeline(createReadStream(file), checking, parser).catch(() => undefined);
      await pipeline(Readable.from(copyLines()), copy);
      await input;

      if (fileLevelProblem || (problemCount > 0 && !options.skipInvalid)) {
        throw new ImportRejectedError(file, problems, problemCount);
      }
      const duplicates = await tx<{ lines: number[]; key: string }[]>`
        SELECT array_agg(line ORDER BY line) AS lines,
               concat_ws(' / ', source_id, reporter_code, partner_code, indicator_code, period_key, NULLIF(series_key, '')) AS key
        FROM stage
        GROUP BY source_id, reporter_code, partner_code, indicator_code, period_key, series_key
        HAVING count(*) > 1
        ORDER BY min(line)
        LIMIT ${MAX_REPORTED}`;
      if (duplicates.length > 0) {
        throw new ImportRejectedError(
          file,
          duplicates.map((d) => ({
            line: d.lines[1] ?? 0,
            column: '(row)',
            found: `the same key as line ${d.lines[0]} (${d.key})`,
            expected: 'one row per source, reporter, partner, flow, year, period (and series_key)',
          })),
          duplicates.length,
        );
      }

      const [batch] = await tx<{ id: number }[]>`
        INSERT INTO import_batch (file_name, format, sha256, source_id, status)
        VALUES (${path.basename(file)}, 'tidy', ${hash.digest('hex')}, ${options.sourceId ?? null}, 'RUNNING')
        RETURNING id`;
      const batchId = batch?.id ?? null;
      const counts = await mergeStage(tx, batchId);
      const summary: ImportSummary = {
        file,
        format: 'tidy',
        rows,
        ...counts,
        rejected: rejectedRows,
        problems,
        batchId,
        dryRun: Boolean(options.dryRun),
      };
      if (options.dryRun) throw new DryRunRollback({ ...summary, batchId: null });
      if (counts.inserted + counts.updated === 0) {
        // Importing the same data again changes nothing, not even the import log.
        await tx`DELETE FROM import_batch WHERE id = ${batchId}`;
        return { ...summary, batchId: null };
      }
      await tx`
        UPDATE import_batch SET status = 'SUCCEEDED', finished_at = now(), inserted = ${counts.inserted},
          updated = ${counts.updated}, unchanged = ${counts.unchanged}, rejected = ${rejectedRows}
        WHERE id = ${batchId}`;
      options.onProgress?.(rows, totalBytes, totalBytes);
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    throw error;
  }
}

/** Inserts new keys, updates changed ones (keeping the old value as a revision), counts the rest. */
async function mergeStage(tx: postgres.TransactionSql, batchId: number | null) {
  await tx`CREATE INDEX ON stage (source_id, reporter_code, partner_code, indicator_code, period_key, series_key)`;
  await tx`ANALYZE stage`;
  const [revised] = await tx<{ n: number }[]>`
    WITH changed AS (
      INSERT INTO observation_revision (observation_id, old_value, old_flag, old_vintage, new_vintage, import_batch_id)
      SELECT o.id, o.value, o.flag, o.vintage, s.vintage, ${batchId}
      FROM stage s
      JOIN observation o ON o.source_id = s.source_id AND o.reporter_code = s.reporter_code
        AND o.partner_code = s.partner_code AND o.indicator_code = s.indicator_code
        AND o.period_key = s.period_key AND o.series_key = s.series_key
      WHERE o.value <> s.value OR o.flag <> s.flag
      RETURNING 1
    ) SELECT count(*)::int AS n FROM changed`;
  const [updated] = await tx<{ n: number }[]>`
    WITH upd AS (
      UPDATE observation o SET
        year = s.year, period = s.period, period_kind = s.period_kind, period_start = s.period_start,
        period_end = s.period_end, value = s.value, unit = s.unit, scale = s.scale, flag = s.flag,
        qualifier = s.qualifier, is_estimate = s.is_estimate, derivation = s.derivation,
        derivation_note = s.derivation_note, stated_growth_pct = s.stated_growth_pct, locator = s.locator,
        note = s.note, vintage = s.vintage, import_batch_id = ${batchId}, updated_at = now()
      FROM stage s
      WHERE o.source_id = s.source_id AND o.reporter_code = s.reporter_code AND o.partner_code = s.partner_code
        AND o.indicator_code = s.indicator_code AND o.period_key = s.period_key AND o.series_key = s.series_key
        AND (o.year, o.period, o.period_kind, o.period_start, o.period_end, o.value::text, o.unit, o.scale, o.flag,
             o.qualifier, o.is_estimate, o.derivation, o.derivation_note, o.stated_growth_pct::text, o.locator,
             o.note, o.vintage)
        IS DISTINCT FROM
            (s.year, s.period, s.period_kind, s.period_start, s.period_end, s.value::text, s.unit, s.scale, s.flag,
             s.qualifier, s.is_estimate, s.derivation, s.derivation_note, s.stated_growth_pct::text, s.locator,
             s.note, s.vintage)
      RETURNING 1
    ) SELECT count(*)::int AS n FROM upd`;
  const [inserted] = await tx<{ n: number }[]>`
    WITH ins AS (
      INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind,
        period_start, period_end, period_key, series_key, value, unit, scale, flag, qualifier, is_estimate,
        derivation, derivation_note, stated_growth_pct, locator, note, vintage, import_batch_id)
      SELECT s.source_id, s.reporter_code, s.partner_code, s.indicator_code, s.year, s.period, s.period_kind,
        s.period_start, s.period_end, s.period_key, s.series_key, s.value, s.unit, s.scale, s.flag, s.qualifier,
        s.is_estimate, s.derivation, s.derivation_note, s.stated_growth_pct, s.locator, s.note, s.vintage, ${batchId}
      FROM stage s
      ON CONFLICT (source_id, reporter_code, partner_code, indicator_code, period_key, series_key) DO NOTHING
      RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`;
  const [total] = await tx<{ n: number }[]>`SELECT count(*)::int AS n FROM stage`;
  void revised;
  const ins = inserted?.n ?? 0;
  const upd = updated?.n ?? 0;
  return { inserted: ins, updated: upd, unchanged: (total?.n ?? 0) - ins - upd };
}
