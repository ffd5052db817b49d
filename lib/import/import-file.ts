// Imports one file of any supported format in one transaction: detect the format, read it with
// its reader, stage and check the rows, create the source if the file brings a new one, derive
// turnover, merge. A refused file (ImportRejectedError) or a dry run writes nothing.
import path from 'node:path';
import type postgres from 'postgres';
import { afterImport } from './after-import';
import { refreshOfficialSeries } from './official-series';
import { ComtradeReader } from './comtrade-reader';
import { detectFormat } from './detect-format';
import { FileInput } from './file-input';
import { ImfDotsReader } from './imf-dots-reader';
import { ImportRejectedError, ProblemLog, type RowProblem } from './problems';
import type { FormatReader, ImportFormat, ReaderContext } from './reader';
import { ReferenceData } from './reference-data';
import { SdmxCsvReader } from './sdmx-csv-reader';
import { TidyReader } from './tidy-reader';
import { ReadAhead } from './read-ahead';
import { MAX_TEXT_CHARS, rowLimitProblems } from './row-limits';
import type { ObservationRow } from './tidy-row';
import {
  analyzeForCompare,
  checkReferences,
  CHUNK_ROWS,
  copyChunk,
  createStage,
  deriveTurnover,
  findDuplicates,
  mergeRange,
  mergeRangeCompareFirst,
  mayCheckReferencesBySet,
  stageChunks,
  stagedCodes,
  type StagedCodes,
  withReferencesChecked,
  type MergeCounts,
} from './write-observations';

export interface ImportProgress {
  /** Observations read so far. */
  rows: number;
  bytesRead: number;
  totalBytes: number;
  /** Rows merged into the database so far (turnover rows derived by the importer included). */
  written: number;
  /** Once reading is done, how many rows there are to write; null while reading. */
  toWrite: number | null;
}

export interface ImportOptions {
  /** `auto` (the default) detects the format from the file. */
  format?: ImportFormat | 'auto';
  /** Source of every row. Required for imf-dots, sdmx-csv and comtrade; created from the file if new. */
  sourceId?: string;
  /** Vintage (release) of the data, for rows that do not state one; kept in revisions when values change. */
  vintage?: string;
  dryRun?: boolean;
  /** Write the valid rows and report the others, instead of refusing the whole file. */
  skipInvalid?: boolean;
  /** Derive turnover = export + import where a file has both (default true; tidy files never). */
  deriveTurnover?: boolean;
  onProgress?: (progress: ImportProgress) => void;
  /** Called after each phase (read and stage, check, derive, merge) with its duration, for benchmarks. */
  onPhase?: (phase: string, ms: number) => void;
}

export interface ImportSummary {
  file: string;
  format: ImportFormat;
  /** Observations read from the file (valid or not). */
  rows: number;
  /** Turnover rows derived from export + import. */
  derived: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** Values replaced by this import, kept in observation_revision. */
  revised: number;
  problems: RowProblem[];
  /** Rows left out on purpose (e.g. IMF's "Special Categories"), for the user to see. */
  notices: string[];
  batchId: number | null;
  sourceId: string | null;
  /** True when the source row was created from the file's metadata. */
  sourceCreated: boolean;
  dryRun: boolean;
}

/** The options do not fit the file (e.g. a format that needs --source-id got none). */
export class ImportOptionsError extends Error {
  override name = 'ImportOptionsError';
}

const SOURCE_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

/** PostgreSQL's SQLSTATE class 22, "data exception": a value the database cannot store. */
function isDataException(error: unknown): error is Error & { code: string; where?: string } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('22');
}

class DryRunRollback extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

function createReader(format: ImportFormat, ctx: ReaderContext): FormatReader {
  switch (format) {
    case 'tidy':
      return new TidyReader(ctx);
    case 'imf-dots':
      return new ImfDotsReader(ctx);
    case 'sdmx-csv':
      return new SdmxCsvReader(ctx);
    case 'comtrade':
      return new ComtradeReader(ctx);
  }
}

/** A suggestion for --source-id from the file name, for the error message. */
function suggestedSourceId(file: string, format: ImportFormat): string {
  const prefix = format.replace('-', '_');
  const stem = path
    .basename(file, path.extname(file))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
  return (stem.startsWith(prefix.split('_')[0] ?? prefix) ? stem : `${prefix}_${stem}`).slice(0, 60);
}

/** The readers' rows without those outside lib/import/row-limits.ts, which go to the problem log. */
async function* withinLimits(
  batches: AsyncIterable<ObservationRow[]>,
  problems: ProblemLog,
): AsyncGenerator<ObservationRow[]> {
  for await (const batch of batches) {
    const kept: ObservationRow[] = [];
    for (const row of batch) {
      const found = rowLimitProblems(row);
      if (found.length === 0) kept.push(row);
      else found.forEach((p, i) => (i === 0 ? problems.row(p) : problems.more(p)));
    }
    if (kept.length > 0) yield kept;
  }
}

export async function importFile(sql: postgres.Sql, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  const format = !options.format || options.format === 'auto' ? await detectFormat(file) : options.format;
  if (options.sourceId !== undefined && !SOURCE_ID.test(options.sourceId)) {
    throw new ImportOptionsError(
      `--source-id ${JSON.stringify(options.sourceId)}: use letters, digits and _ . : - (at most 100)`,
    );
  }
  if (format !== 'tidy' && !options.sourceId) {
    throw new ImportOptionsError(
      `${path.basename(file)} is a ${format} file, which does not name its source: pass --source-id ` +
        `(an existing source, or a new id such as ${suggestedSourceId(file, format)}, created from the file's metadata).`,
    );
  }
  const input = await FileInput.open(file);
  const problems = new ProblemLog();
  const refs = await ReferenceData.load(sql);
  const ctx: ReaderContext = { file, input, refs, problems, sourceId: options.sourceId, vintage: options.vintage };
  const reader = createReader(format, ctx);
  const counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0, revised: 0 };
  let toWrite: number | null = null;
  let lastReport = 0;
  const progress = () =>
    options.onProgress?.({
      rows: reader.rowCount,
      bytesRead: input.bytesRead,
      totalBytes: input.totalBytes,
      written: counts.inserted + counts.updated + counts.unchanged,
      toWrite,
    });

  let phaseStart = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    options.onPhase?.(name, now - phaseStart);
    phaseStart = now;
  };

  let summary: ImportSummary;
  try {
    summary = await sql.begin(async (tx) => {
      await createStage(tx);
      // The source is set at the end: a source the file brings does not exist yet.
      const [batch] = await tx<{ id: number }[]>`
        INSERT INTO import_batch (file_name, format, sha256, status) VALUES (${path.basename(file)}, ${format}, '', 'RUNNING')
        RETURNING id`;
      if (!batch) throw new Error('import_batch: no id returned');
      const batchId = batch.id;
      let analyzed = false;
      const beforeCompare = async () => {
        if (!analyzed) await analyzeForCompare(tx);
        analyzed = true;
      };
      // Insert first while the keys are new (a first import); once a whole chunk was already
      // stored (a re-import, a newer vintage), compare first, until a chunk is all new again.
      let compareFirst = false;
      // While every chunk so far was all new, the next is inserted by a plain INSERT first.
      let allNew = true;
      const bySet = await mayCheckReferencesBySet(tx);
      // whileWriting: called as the merge's first statement is sent, when the importer may read
      // the next chunk without delaying PostgreSQL much (the reading shares this thread with the
      // connection, and lets the event loop run once per 1,000 rows).
      const merge = async (first: number, last: number, codes?: StagedCodes, whileWriting = () => {}) => {
        if (compareFirst) await beforeCompare();
        const write = () => {
          const writing = compareFirst
            ? mergeRangeCompareFirst(tx, batchId, first, last)
            : mergeRange(tx, batchId, first, last, beforeCompare, allNew);
          whileWriting();
          return writing;
        };
        let c: MergeCounts;
        if (bySet) {
          const missing = await checkReferences(tx, codes ?? (await stagedCodes(tx, first, last)));
          if (missing.length > 0) throw new ImportRejectedError(file, missing, missing.length);
          c = await withReferencesChecked(tx, write);
        } else {
          c = await write();
        }
        const rows = last - first + 1;
        allNew = c.inserted === rows;
        if (c.inserted === 0) compareFirst = true;
        else if (c.inserted === rows) compareFirst = false;
        counts.inserted += c.inserted;
        counts.updated += c.updated;
        counts.unchanged += c.unchanged;
        counts.revised += c.revised;
      };
      const refused = () => problems.fileLevel || (problems.count > 0 && !options.skipInvalid);
      // Tidy files derive nothing, so each chunk is merged as soon as it is staged, while the next
      // one is read. The official formats derive turnover from both sides first, which may sit
      // anywhere in the file (a workbook's export and import sheets).
      const mergeWhileReading = format === 'tidy';
      let staged = 0;
      const candidates: number[] = [];
      const chunks = new ReadAhead(stageChunks(withinLimits(reader.rows(), problems)));
      for await (const chunk of chunks) {
        // A refused file is still read to the end, to report all its problems, but not written.
        if (refused()) continue;
        await copyChunk(tx, chunk);
        staged = chunk.last;
        if (mergeWhileReading) {
          const duplicates = await findDuplicates(tx, chunk.candidates);
          if (duplicates.length > 0) throw new ImportRejectedError(file, duplicates, duplicates.length);
          await merge(chunk.first, chunk.last, chunk.codes, () => chunks.startNext());
        } else {
          candidates.push(...chunk.candidates);
        }
        if (reader.rowCount - lastReport >= 10_000) {
          lastReport = reader.rowCount;
          progress();
        }
      }
      if (!problems.fileLevel && staged === 0) {
        // Nothing valid to write (even with skipInvalid): say so rather than log an empty import.
        problems.file({
          line: 1,
          column: '(file)',
          found: problems.count > 0 ? 'no valid observations' : 'no observations',
          expected: 'at least one value to import',
        });
      }
      phase(mergeWhileReading ? 'read, stage and merge' : 'read and stage');
      if (refused()) throw new ImportRejectedError(file, problems.problems, problems.count);

      let sourceCreated = false;
      let derived = 0;
      if (!mergeWhileReading) {
        const duplicates = await findDuplicates(tx, candidates);
        if (duplicates.length > 0) throw new ImportRejectedError(file, duplicates, duplicates.length);
        phase('duplicate check');
        if (options.sourceId && !refs.sources.has(options.sourceId)) {
          const meta = reader.sourceMetadata?.();
          if (!meta) throw new ImportOptionsError(`--source-id ${options.sourceId} is not a known source`);
          const long = Object.entries(meta).find(
            ([, text]) => typeof text === 'string' && text.length > MAX_TEXT_CHARS,
          );
          if (long) {
            throw new ImportRejectedError(
              file,
              [
                {
                  line: 1,
                  column: `(source ${long[0]})`,
                  found: `${String(long[1]).length.toLocaleString('en-US')} characters`,
                  expected: `at most ${MAX_TEXT_CHARS.toLocaleString('en-US')} characters`,
                },
              ],
              1,
            );
          }
          await tx`
            INSERT INTO source (id, kind, title, publisher, url, attribution, vintage, note)
            VALUES (${options.sourceId}, 'STATISTICAL_DATASET', ${meta.title}, ${meta.publisher}, ${meta.url},
                    ${meta.attribution}, ${options.vintage ?? meta.vintage}, ${meta.note})`;
          sourceCreated = true;
        }
        const turnoverNote = options.deriveTurnover === false ? null : (reader.turnoverNote?.() ?? null);
        derived = turnoverNote ? await deriveTurnover(tx, turnoverNote) : 0;
        phase('derive turnover');
        toWrite = staged + derived;
        for (let first = 1; first <= toWrite; first += CHUNK_ROWS) {
          await merge(first, Math.min(toWrite, first + CHUNK_ROWS - 1));
          progress();
        }
      }
      phase('merge');

      const result: ImportSummary = {
        file,
        format,
        rows: reader.rowCount,
        derived,
        inserted: counts.inserted,
        updated: counts.updated,
        unchanged: counts.unchanged,
        rejected: problems.rejectedRows,
        revised: counts.revised,
        problems: problems.problems,
        notices: problems.notices,
        batchId,
        sourceId: options.sourceId ?? null,
        sourceCreated,
        dryRun: Boolean(options.dryRun),
      };
      if (options.dryRun) throw new DryRunRollback({ ...result, batchId: null });
      if (counts.inserted + counts.updated === 0 && !sourceCreated) {
        // Importing the same data again changes nothing, not even the import log.
        await tx`DELETE FROM import_batch WHERE id = ${batchId}`;
        return { ...result, batchId: null };
      }
      // In the import's own transaction: readers see the new rows and the new series together.
      await refreshOfficialSeries(tx);
      await tx`
        UPDATE import_batch SET status = 'SUCCEEDED', finished_at = now(), sha256 = ${input.sha256()},
          source_id = ${options.sourceId ?? null}, inserted = ${counts.inserted}, updated = ${counts.updated},
          unchanged = ${counts.unchanged}, rejected = ${problems.rejectedRows}
        WHERE id = ${batchId}`;
      return result;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.summary;
    if (isDataException(error)) {
      // The readers check every value; this is the net under them, so that a value PostgreSQL
      // still refuses is reported as bad input rather than as a crash.
      throw new ImportRejectedError(
        file,
        [
          {
            line: 1,
            column: '(file)',
            found: `a value PostgreSQL refuses: ${error.message}${error.where ? ` (${error.where})` : ''}`,
            expected: 'values within the types of the observation table',
          },
        ],
        1,
      );
    }
    throw error;
  }
  phase('commit');
  progress();
  await afterImport(sql, summary);
  return summary;
}
