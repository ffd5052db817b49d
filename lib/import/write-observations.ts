// The one write path for every format: rows are COPY'd into a temporary stage table in chunks,
// checked for duplicate keys, optionally completed with derived turnover, then merged into
// `observation` chunk by chunk, one statement per chunk that inserts new keys, updates changed
// ones and keeps the replaced values as revisions. Merging a chunk while the next one is read
// keeps both the importer and PostgreSQL busy; the caller's one transaction still makes the file
// all or nothing.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type postgres from 'postgres';
import { escapeCopy } from './copy-text';
import { KeyHashSet } from './key-set';
import { MAX_REPORTED, type RowProblem } from './problems';
import type { ObservationRow } from './tidy-row';

type Tx = postgres.TransactionSql;

const STAGE_COLUMNS = [
  'seq',
  'line',
  'sheet',
  'source_id',
  'reporter_code',
  'partner_code',
  'indicator_code',
  'year',
  'period',
  'period_kind',
  'period_start',
  'period_end',
  'period_key',
  'series_key',
  'value',
  'unit',
  'scale',
  'flag',
  'qualifier',
  'is_estimate',
  'derivation',
  'derivation_note',
  'stated_growth_pct',
  'locator',
  'note',
  'vintage',
] as const;

// One stage row in COPY text format. Written out field by field because it runs once per row:
// codes, enums, dates and numbers were validated by the readers and cannot hold a tab, line
// break or backslash, so only text from the file is escaped.
const nullable = (v: string | number | null) => (v === null ? '\\N' : String(v));
const copyText = (v: string | null) => (v === null ? '\\N' : escapeCopy(v));
const stageLine = (seq: number, r: ObservationRow) =>
  `${seq}\t${r.line}\t${copyText(r.sheet ?? null)}\t${escapeCopy(r.sourceId)}\t${r.reporterCode}\t${r.partnerCode}\t` +
  `${r.indicatorCode}\t${nullable(r.year)}\t${escapeCopy(r.period)}\t${r.periodKind}\t${nullable(r.periodStart)}\t` +
  `${nullable(r.periodEnd)}\t${escapeCopy(r.periodKey)}\t${escapeCopy(r.seriesKey)}\t${r.value}\t${escapeCopy(r.unit)}\t` +
  `${r.scale}\t${escapeCopy(r.flag)}\t${r.qualifier}\t${r.isEstimate}\t${r.derivation}\t${copyText(r.derivationNote)}\t` +
  `${nullable(r.statedGrowthPct)}\t${copyText(r.locator)}\t${copyText(r.note)}\t${copyText(r.vintage)}\n`;

/**
 * Settings for a connection that imports: the stage table lives in temp_buffers (8 MB by
 * default, far less than a large file's stage), and the merge's hash join wants work_mem.
 * temp_buffers can only be set before a session first touches a temporary table, so it goes
 * into the connection's start-up parameters (postgres(url, { connection: IMPORT_CONNECTION })).
 */
export const IMPORT_CONNECTION = { temp_buffers: '256MB', work_mem: '64MB' } as const;

export async function createStage(tx: Tx): Promise<void> {
  // Also here, for connections opened without IMPORT_CONNECTION.
  await tx`SET LOCAL work_mem = '64MB'`;
  await tx`
    CREATE TEMP TABLE stage (
      seq int, line int, sheet text, source_id text, reporter_code text, partner_code text, indicator_code text, year int,
      period text, period_kind "PeriodKind", period_start date, period_end date, period_key text,
      series_key text, value numeric, unit text, scale smallint, flag text, qualifier "Qualifier",
      is_estimate boolean, derivation "Derivation", derivation_note text, stated_growth_pct numeric,
      locator text, note text, vintage text
    ) ON COMMIT DROP`;
  // Chunks are merged by seq range; without an index each merge would scan every staged row.
  await tx`CREATE INDEX ON stage (seq)`;
}

/** The staged columns that refer to another table, each checked by checkReferences. */
export type ReferenceColumn = 'source_id' | 'reporter_code' | 'partner_code' | 'indicator_code';

/** Each distinct value of a reference column in some staged rows, with the seq of its first row. */
export type StagedCodes = { column: ReferenceColumn; code: string; seq: number }[];

/** Rows a chunk holds, in COPY text, with their seq range and the ones that may repeat an earlier key. */
export interface StageChunk {
  /** The rows in COPY text format, UTF-8. */
  data: Buffer;
  /** seq of the first and last row (seq counts rows from 1 over the whole file). */
  first: number;
  last: number;
  /** seq of rows whose key hash repeats an earlier row's (possible duplicates). */
  candidates: number[];
  /** The chunk's distinct references, gathered while staging (a few hundred values). */
  codes: StagedCodes;
}

/** At most this many possible duplicates are checked; more than a few means the file is refused anyway. */
const MAX_CANDIDATES = 10_000;

/**
 * Rows per chunk. Large enough that per-statement costs (a COPY, a merge and its plan) vanish,
 * small enough that the progress bar moves and the next chunk is read while this one is merged.
 */
export const CHUNK_ROWS = 50_000;

/**
 * Groups the reader's batches into chunks of about `chunkRows` rows of COPY text, numbering rows
 * and flagging possible duplicate keys (by a 64-bit hash; the stage table confirms them).
 */
export async function* stageChunks(
  batches: AsyncIterable<ObservationRow[]>,
  chunkRows = CHUNK_ROWS,
): AsyncGenerator<StageChunk> {
  const keys = new KeyHashSet();
  let seq = 0;
  let candidatesSeen = 0;
  // The chunk's COPY text is encoded into one buffer as rows arrive: 50,000 row strings kept until
  // the chunk is full lived long enough to reach V8's old space, and collecting them took almost
  // half of the importer's CPU time (measured with --cpu-prof, docs/performance.md).
  let data = Buffer.allocUnsafe(1 << 20);
  let size = 0;
  let rows = 0;
  let chunk = { first: 1, last: 0, candidates: [] as number[] };
  // Code → seq of its first row, per reference column. Gathered here, at a few map look-ups a
  // row, because reducing the staged chunk to them in PostgreSQL took about a tenth of its time.
  const firstSeen = () => ({
    source_id: new Map<string, number>(),
    reporter_code: new Map<string, number>(),
    partner_code: new Map<string, number>(),
    indicator_code: new Map<string, number>(),
  });
  let seen = firstSeen();
  const note = (map: Map<string, number>, code: string, at: number) => {
    if (!map.has(code)) map.set(code, at);
  };
  const codes = (): StagedCodes => {
    const out: StagedCodes = [];
    for (const [column, map] of Object.entries(seen) as [ReferenceColumn, Map<string, number>][])
      for (const [code, at] of map) out.push({ column, code, seq: at });
    seen = firstSeen();
    return out;
  };
  const append = (line: string) => {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (size + line.length * 3 > data.length) {
      const bigger = Buffer.allocUnsafe(Math.max(data.length * 2, size + line.length * 3));
      data.copy(bigger, 0, 0, size);
      data = bigger;
    }
    size += data.write(line, size);
  };
  const take = (): Buffer => {
    const out = Buffer.from(data.subarray(0, size));
    size = 0;
    rows = 0;
    return out;
  };
  for await (const batch of batches) {
    for (let i = 0; i < batch.length; i += 1) {
      const r = batch[i] as ObservationRow;
      seq += 1;
      if (
        !keys.add([r.sourceId, r.reporterCode, r.partnerCode, r.indicatorCode, r.periodKey, r.seriesKey]) &&
        candidatesSeen < MAX_CANDIDATES
      ) {
        chunk.candidates.push(seq);
        candidatesSeen += 1;
      }
      note(seen.source_id, r.sourceId, seq);
      note(seen.reporter_code, r.reporterCode, seq);
      note(seen.partner_code, r.partnerCode, seq);
      note(seen.indicator_code, r.indicatorCode, seq);
      append(stageLine(seq, r));
      rows += 1;
    }
    if (rows >= chunkRows) {
      yield { ...chunk, codes: codes(), data: take(), last: seq };
      chunk = { first: seq + 1, last: seq, candidates: [] };
    }
    // Lets the event loop run between batches. A file is read in 1 MB pieces whose rows arrive
    // through promises already settled, so without this the next chunk's reading held the thread
    // for hundreds of milliseconds, and the statements sent meanwhile waited (docs/import.md).
    await nextTurn();
  }
  if (rows > 0) yield { ...chunk, codes: codes(), data: take(), last: seq };
}

/** COPYs one chunk into the stage table. */
export async function copyChunk(tx: Tx, chunk: StageChunk): Promise<void> {
  const copy = await tx`COPY stage (${tx.unsafe(STAGE_COLUMNS.join(','))}) FROM STDIN`.writable();
  await pipeline(Readable.from([chunk.data]), copy);
}

/** Staged rows whose natural key repeats an earlier row's, reported at the later row. */
export async function findDuplicates(tx: Tx, candidates: number[]): Promise<RowProblem[]> {
  if (candidates.length === 0) return [];
  const duplicates = await tx<{ line: number; sheet: string | null; first: number; key: string }[]>`
    SELECT DISTINCT ON (d.seq) d.line, d.sheet, e.line AS first,
           concat_ws(' / ', d.source_id, d.reporter_code, d.partner_code, d.indicator_code, d.period_key, NULLIF(d.series_key, '')) AS key
    FROM stage d
    JOIN stage e ON e.source_id = d.source_id AND e.reporter_code = d.reporter_code AND e.partner_code = d.partner_code
      AND e.indicator_code = d.indicator_code AND e.period_key = d.period_key AND e.series_key = d.series_key AND e.seq < d.seq
    WHERE d.seq = ANY(${candidates}::int[])
    ORDER BY d.seq, e.seq
    LIMIT ${MAX_REPORTED}`;
  return duplicates.map((d) => ({
    line: d.line,
    ...(d.sheet ? { sheet: d.sheet } : {}),
    column: '(row)',
    found: `the same key as ${d.sheet ? 'row' : 'line'} ${d.first} (${d.key})`,
    expected: 'one row per source, reporter, partner, flow, year, period (and series_key)',
  }));
}

/**
 * Adds a turnover row (export + import) for every key that has both sides in the same unit and
 * scale and no turnover of its own. A missing side is never taken as zero. Flagged `derived`,
 * or `derived+e` when a side is an estimate, as the bundled IMF data is.
 */
export async function deriveTurnover(tx: Tx, note: string): Promise<number> {
  const [row] = await tx<{ n: number }[]>`
    WITH ins AS (
      INSERT INTO stage (${tx.unsafe(STAGE_COLUMNS.join(','))})
      SELECT (SELECT coalesce(max(seq), 0) FROM stage) + row_number() OVER (), x.line, x.sheet, x.source_id, x.reporter_code, x.partner_code, 'turnover', x.year, x.period, x.period_kind,
             x.period_start, x.period_end, x.period_key, x.series_key, x.value + m.value, x.unit, x.scale,
             CASE WHEN x.is_estimate OR m.is_estimate THEN 'derived+e' ELSE 'derived' END,
             (CASE WHEN x.is_estimate OR m.is_estimate THEN 'ESTIMATE' ELSE 'EXACT' END)::"Qualifier",
             x.is_estimate OR m.is_estimate, 'DERIVED', ${note}, NULL,
             CASE WHEN x.locator IS NOT NULL AND m.locator IS NOT NULL THEN x.locator || ' + ' || m.locator END,
             ${note}, coalesce(x.vintage, m.vintage)
      FROM stage x
      JOIN stage m ON m.source_id = x.source_id AND m.reporter_code = x.reporter_code AND m.partner_code = x.partner_code
        AND m.period_key = x.period_key AND m.series_key = x.series_key AND m.unit = x.unit AND m.scale = x.scale
        AND m.indicator_code = 'import'
      WHERE x.indicator_code = 'export'
        AND NOT EXISTS (
          SELECT 1 FROM stage t
          WHERE t.indicator_code = 'turnover' AND t.source_id = x.source_id AND t.reporter_code = x.reporter_code
            AND t.partner_code = x.partner_code AND t.period_key = x.period_key AND t.series_key = x.series_key)
      RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`;
  return row?.n ?? 0;
}

/**
 * Fresh statistics for comparing staged rows with stored ones, once per import: the stage's, and
 * the observation table's when many rows changed since it was last analysed (an import that
 * follows another before autovacuum ran). Without them the planner may pick a partial index.
 */
export async function analyzeForCompare(tx: Tx): Promise<void> {
  await tx`ANALYZE stage`;
  const [stats] = await tx<{ tuples: number; modified: number }[]>`
    SELECT c.reltuples::float8 AS tuples, coalesce(s.n_mod_since_analyze, 0)::float8 AS modified
    FROM pg_class c LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid
    WHERE c.oid = 'observation'::regclass`;
  if (stats && (stats.tuples < 0 || stats.modified > 0.1 * stats.tuples + 10_000)) await tx`ANALYZE observation`;
}

/**
 * Whether this import may check the staged rows' foreign keys itself, as sets, instead of letting
 * PostgreSQL fire one trigger per foreign key per row. The five per-row checks cost about 35 µs
 * of PostgreSQL CPU a row, more than the insert and its six indexes together (measured in
 * docs/performance.md). Skipping the triggers takes `session_replication_role = replica`, which a
 * superuser or a role granted SET on it may use (PostgreSQL 15+), and which would also skip any
 * trigger a later migration adds: so only when observation and observation_revision have none
 * but the foreign keys' own. Otherwise the triggers check every row, as before.
 */
export async function mayCheckReferencesBySet(tx: Tx): Promise<boolean> {
  const [row] = await tx<{ allowed: boolean }[]>`
    SELECT ((SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
            OR has_parameter_privilege('session_replication_role', 'SET'))
       AND NOT EXISTS (
             SELECT 1 FROM pg_trigger
             WHERE tgrelid IN ('observation'::regclass, 'observation_revision'::regclass) AND NOT tgisinternal)
       AND NOT EXISTS (
             SELECT 1 FROM pg_rewrite
             WHERE ev_class IN ('observation'::regclass, 'observation_revision'::regclass)) AS allowed`;
  return row?.allowed ?? false;
}

/** What each foreign key of observation refers to, and what the reader said a missing one should be. */
const REFERENCES = [
  { column: 'source_id', table: 'source', key: 'id', expected: 'a known source id' },
  { column: 'reporter_code', table: 'partner', key: 'code', expected: 'a known partner code' },
  { column: 'partner_code', table: 'partner', key: 'code', expected: 'a known partner code' },
  { column: 'indicator_code', table: 'indicator', key: 'code', expected: 'a known indicator code' },
] as const;

/**
 * The distinct references of the staged rows with seq in [first, last], for the ranges that are
 * not staged chunk by chunk (derived turnover rows are added in PostgreSQL). Hashed, not sorted:
 * four columns of a 50,000-row chunk reduce to a few hundred values.
 */
export async function stagedCodes(tx: Tx, first: number, last: number): Promise<StagedCodes> {
  return tx<StagedCodes>`
    SELECT k.col AS "column", k.code, min(s.seq) AS seq
    FROM stage s
    CROSS JOIN LATERAL (VALUES ('source_id', s.source_id), ('reporter_code', s.reporter_code),
                               ('partner_code', s.partner_code), ('indicator_code', s.indicator_code)) AS k (col, code)
    WHERE s.seq BETWEEN ${first} AND ${last}
    GROUP BY k.col, k.code`;
}

/**
 * The foreign keys of some staged rows (their distinct `staged` references), checked as sets:
 * every value is looked up once and locked FOR KEY SHARE, as the per-row triggers lock it, so no
 * other transaction can delete or re-key a referenced row until this import ends. Returns a
 * problem for each value that does not exist (at its first row). The import batch, the fifth
 * foreign key, is this import's own row. The readers check the codes already; this is what the
 * database's own checks were: the net for a reference row deleted while the file was read.
 */
export async function checkReferences(tx: Tx, staged: StagedCodes): Promise<RowProblem[]> {
  const missing: { column: string; code: string; seq: number; expected: string }[] = [];
  for (const table of ['source', 'partner', 'indicator'] as const) {
    const refs = REFERENCES.filter((r) => r.table === table);
    const wanted = [...new Set(staged.filter((s) => refs.some((r) => r.column === s.column)).map((s) => s.code))];
    if (wanted.length === 0) continue;
    const key = refs[0]?.key ?? 'code';
    const found = await tx<{ code: string }[]>`
      SELECT ${tx(key)} AS code FROM ${tx(table)} WHERE ${tx(key)} = ANY(${wanted}::text[]) FOR KEY SHARE`;
    const exists = new Set(found.map((f) => f.code));
    for (const s of staged) {
      const ref = refs.find((r) => r.column === s.column);
      if (ref && !exists.has(s.code))
        missing.push({ ...s, expected: `${ref.expected} (none in the ${table} table now)` });
    }
  }
  if (missing.length === 0) return [];
  const rows = await tx<{ seq: number; line: number; sheet: string | null }[]>`
    SELECT seq, line, sheet FROM stage WHERE seq = ANY(${missing.map((m) => m.seq)}::int[])`;
  const bySeq = new Map(rows.map((r) => [r.seq, r]));
  const problems: RowProblem[] = missing.map((m) => {
    const row = bySeq.get(m.seq);
    return {
      line: row?.line ?? 0,
      ...(row?.sheet ? { sheet: row.sheet } : {}),
      column: m.column,
      found: m.code,
      expected: m.expected,
    };
  });
  return problems.sort((a, b) => a.line - b.line || a.column.localeCompare(b.column));
}

/**
 * Runs `write` with the per-row foreign-key triggers off, for statements whose references were
 * checked by checkReferences just before (SET LOCAL: only until the next SET, and never past the
 * transaction, whatever happens).
 */
export async function withReferencesChecked<T>(tx: Tx, write: () => Promise<T>): Promise<T> {
  await tx`SET LOCAL session_replication_role = replica`;
  const result = await write();
  await tx`SET LOCAL session_replication_role = origin`;
  return result;
}

// The pieces both merges share, as postgres.js fragments (parameters stay parameters).

/** Inserts staged rows (the caller adds WHERE, ORDER BY, ON CONFLICT) tagged with the batch. */
function insertFromStage(tx: Tx, batchId: number) {
  return tx`
      INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind,
        period_start, period_end, period_key, series_key, value, unit, scale, flag, qualifier, is_estimate,
        derivation, derivation_note, stated_growth_pct, locator, note, vintage, import_batch_id)
      SELECT s.source_id, s.reporter_code, s.partner_code, s.indicator_code, s.year, s.period, s.period_kind,
        s.period_start, s.period_end, s.period_key, s.series_key, s.value, s.unit, s.scale, s.flag, s.qualifier,
        s.is_estimate, s.derivation, s.derivation_note, s.stated_growth_pct, s.locator, s.note, s.vintage, ${batchId}
      FROM stage s`;
}

/** True when stored row o differs from staged row s in anything but its key. */
function storedDiffersFromStaged(tx: Tx) {
  return tx`(o.year, o.period, o.period_kind, o.period_start, o.period_end, o.value::text, o.unit, o.scale, o.flag,
             o.qualifier, o.is_estimate, o.derivation, o.derivation_note, o.stated_growth_pct::text, o.locator,
             o.note, o.vintage)
            IS DISTINCT FROM
            (s.year, s.period, s.period_kind, s.period_start, s.period_end, s.value::text, s.unit, s.scale, s.flag,
             s.qualifier, s.is_estimate, s.derivation, s.derivation_note, s.stated_growth_pct::text, s.locator,
             s.note, s.vintage)`;
}

/**
 * The CTEs `rev` and `upd` over a CTE `m (seq, obs_id, changed)`: changed rows are updated, and
 * when their value or flag changed the old value, flag and vintage are kept as a revision. Both
 * see the same snapshot, so the revision reads the value replaced.
 */
function revisedAndUpdated(tx: Tx, batchId: number) {
  return tx`
    rev AS (
      INSERT INTO observation_revision (observation_id, old_value, old_flag, old_vintage, new_vintage, import_batch_id)
      SELECT o.id, o.value, o.flag, o.vintage, s.vintage, ${batchId}
      FROM m
      JOIN stage s ON s.seq = m.seq
      JOIN observation o ON o.id = m.obs_id
      WHERE m.changed AND (o.value <> s.value OR o.flag <> s.flag)
      RETURNING 1
    ),
    upd AS (
      UPDATE observation o SET
        year = s.year, period = s.period, period_kind = s.period_kind, period_start = s.period_start,
        period_end = s.period_end, value = s.value, unit = s.unit, scale = s.scale, flag = s.flag,
        qualifier = s.qualifier, is_estimate = s.is_estimate, derivation = s.derivation,
        derivation_note = s.derivation_note, stated_growth_pct = s.stated_growth_pct, locator = s.locator,
        note = s.note, vintage = s.vintage, import_batch_id = ${batchId}, updated_at = now()
      FROM m
      JOIN stage s ON s.seq = m.seq
      WHERE m.changed AND o.id = m.obs_id
      RETURNING 1
    )`;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  revised: number;
}

/**
 * The staged rows with seq in [first, last], in key order (byte order is enough): neighbouring
 * index entries, far fewer page visits.
 */
function stagedRangeInKeyOrder(tx: Tx, first: number, last: number) {
  return tx`
      WHERE s.seq BETWEEN ${first} AND ${last}
      ORDER BY s.source_id COLLATE "C", s.reporter_code COLLATE "C", s.partner_code COLLATE "C",
               s.indicator_code COLLATE "C", s.period_key COLLATE "C"`;
}

/**
 * Inserts the range as new keys by a plain INSERT, in a savepoint: the number inserted, or null
 * when a key was already stored (unique_violation), after which nothing of it remains. A plain
 * INSERT cost about four fifths of INSERT ... ON CONFLICT DO NOTHING's time (500,000 rows into a
 * copy of observation with its indexes: 7.3-7.4 s against 9.1 s), which checks each key before
 * inserting it and again after (docs/import.md, "Throughput").
 */
async function insertAllNew(tx: Tx, batchId: number, first: number, last: number): Promise<number | null> {
  try {
    return await tx.savepoint(async (sp) => {
      const result = await sp`${insertFromStage(sp, batchId)} ${stagedRangeInKeyOrder(sp, first, last)}`;
      return result.count;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') return null;
    throw error;
  }
}

/**
 * Merges the staged rows with seq in [first, last] (a contiguous range). New keys are inserted
 * first: when `expectNew` (the previous range was all new), by a plain INSERT that gives up at
 * the first stored key, else (or then) by INSERT ... ON CONFLICT DO NOTHING: the unique index
 * finds existing keys, whatever the planner believes about a table that grows inside this very
 * transaction (stale statistics once made it probe the wrong index, 250 µs a row). Only when some
 * keys existed are the other rows compared with what is stored: changed ones are updated, and
 * when their value or flag changed the old value, flag and vintage are kept as a revision. Rows
 * this import inserted carry its batch id, which tells them from the stored ones.
 */
export async function mergeRange(
  tx: Tx,
  batchId: number,
  first: number,
  last: number,
  beforeCompare: () => Promise<void>,
  expectNew = false,
): Promise<MergeCounts> {
  const total = last - first + 1;
  const allNew = expectNew ? await insertAllNew(tx, batchId, first, last) : null;
  if (allNew !== null) return { inserted: allNew, updated: 0, unchanged: 0, revised: 0 };
  const [ins] = await tx<{ n: number }[]>`
    WITH ins AS (
      ${insertFromStage(tx, batchId)}
      ${stagedRangeInKeyOrder(tx, first, last)}
      ON CONFLICT (source_id, reporter_code, partner_code, indicator_code, period_key, series_key) DO NOTHING
      RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`;
  const inserted = ins?.n ?? 0;
  if (inserted === total) return { inserted, updated: 0, unchanged: 0, revised: 0 };
  await beforeCompare();

  const [row] = await tx<{ updated: number; revised: number }[]>`
    WITH m AS MATERIALIZED (
      SELECT s.seq, o.id AS obs_id, true AS changed
      FROM stage s
      JOIN observation o ON o.source_id = s.source_id AND o.reporter_code = s.reporter_code
        AND o.partner_code = s.partner_code AND o.indicator_code = s.indicator_code
        AND o.period_key = s.period_key AND o.series_key = s.series_key
      WHERE s.seq BETWEEN ${first} AND ${last} AND o.import_batch_id IS DISTINCT FROM ${batchId}
        AND ${storedDiffersFromStaged(tx)}
    ),
    ${revisedAndUpdated(tx, batchId)}
    SELECT (SELECT count(*) FROM upd)::int AS updated, (SELECT count(*) FROM rev)::int AS revised`;
  const updated = row?.updated ?? 0;
  return { inserted, updated, unchanged: total - inserted - updated, revised: row?.revised ?? 0 };
}

/**
 * The same merge for a range whose keys are expected to exist (a re-import, a newer vintage):
 * stored rows are found by one join, changed ones updated (with revisions), and only rows the
 * join did not find are inserted. One index probe a row instead of two when nothing is new.
 */
export async function mergeRangeCompareFirst(
  tx: Tx,
  batchId: number,
  first: number,
  last: number,
): Promise<MergeCounts> {
  const total = last - first + 1;
  const [row] = await tx<{ inserted: number; updated: number; revised: number }[]>`
    WITH m AS MATERIALIZED (
      SELECT s.seq, o.id AS obs_id,
             ${storedDiffersFromStaged(tx)} AS changed
      FROM stage s
      JOIN observation o ON o.source_id = s.source_id AND o.reporter_code = s.reporter_code
        AND o.partner_code = s.partner_code AND o.indicator_code = s.indicator_code
        AND o.period_key = s.period_key AND o.series_key = s.series_key
      WHERE s.seq BETWEEN ${first} AND ${last}
    ),
    ${revisedAndUpdated(tx, batchId)},
    ins AS (
      ${insertFromStage(tx, batchId)}
      WHERE s.seq BETWEEN ${first} AND ${last} AND NOT EXISTS (SELECT 1 FROM m WHERE m.seq = s.seq)
      -- A concurrent import may have inserted the same key since the join: leave its row alone.
      ON CONFLICT (source_id, reporter_code, partner_code, indicator_code, period_key, series_key) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM upd)::int AS updated,
           (SELECT count(*) FROM rev)::int AS revised`;
  const inserted = row?.inserted ?? 0;
  const updated = row?.updated ?? 0;
  return { inserted, updated, unchanged: total - inserted - updated, revised: row?.revised ?? 0 };
}
