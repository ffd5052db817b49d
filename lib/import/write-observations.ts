// The one write path for every format: rows are COPY'd into a temporary stage table, checked for
// duplicate keys, optionally completed with derived turnover, then merged into `observation` in
// a single statement that inserts new keys, updates changed ones and keeps the replaced values
// as revisions. All of it runs inside the caller's transaction.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import { escapeCopy } from './copy-text';
import { KeyHashSet } from './key-set';
import { MAX_REPORTED, type RowProblem } from './problems';
import type { ObservationRow } from './tidy-row';

type Tx = postgres.TransactionSql;

const STAGE_COLUMNS = [
  'seq', 'line', 'sheet', 'source_id', 'reporter_code', 'partner_code', 'indicator_code', 'year', 'period', 'period_kind',
  'period_start', 'period_end', 'period_key', 'series_key', 'value', 'unit', 'scale', 'flag', 'qualifier',
  'is_estimate', 'derivation', 'derivation_note', 'stated_growth_pct', 'locator', 'note', 'vintage',
] as const;

// One stage row in COPY text format. Written out field by field because it runs once per row:
// codes, enums, dates and numbers were validated by the readers and cannot hold a tab, line
// break or backslash, so only text from the file is escaped.
const nullable = (v: string | number | null) => (v === null ? '\\N' : String(v));
const copyText = (v: string | null) => (v === null ? '\\N' : escapeCopy(v));
const stageLine = (seq: number, r: ObservationRow) =>
  `${seq}\t${r.line}\t${copyText(r.sheet ?? null)}\t${escapeCopy(r.sourceId)}\t${r.reporterCode}\t${r.partnerCode}\t`
  + `${r.indicatorCode}\t${nullable(r.year)}\t${escapeCopy(r.period)}\t${r.periodKind}\t${nullable(r.periodStart)}\t`
  + `${nullable(r.periodEnd)}\t${escapeCopy(r.periodKey)}\t${escapeCopy(r.seriesKey)}\t${r.value}\t${escapeCopy(r.unit)}\t`
  + `${r.scale}\t${escapeCopy(r.flag)}\t${r.qualifier}\t${r.isEstimate}\t${r.derivation}\t${copyText(r.derivationNote)}\t`
  + `${nullable(r.statedGrowthPct)}\t${copyText(r.locator)}\t${copyText(r.note)}\t${copyText(r.vintage)}\n`;

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
}

/** Rows staged so far and the ones whose key hash repeats an earlier row's (possible duplicates). */
export interface StageResult {
  rows: number;
  candidates: number[];
}

/** At most this many possible duplicates are checked; more than a few means the file is refused anyway. */
const MAX_CANDIDATES = 10_000;

/** Streams the batches into the stage table; `onBatch` sees each batch after it is queued. */
export async function copyIntoStage(
  tx: Tx,
  batches: AsyncIterable<ObservationRow[]>,
  onBatch: (rows: number) => void,
): Promise<StageResult> {
  const keys = new KeyHashSet();
  const result: StageResult = { rows: 0, candidates: [] };
  async function* text(): AsyncGenerator<string> {
    for await (const batch of batches) {
      const lines: string[] = new Array<string>(batch.length);
      for (let i = 0; i < batch.length; i += 1) {
        const r = batch[i] as ObservationRow;
        result.rows += 1;
        if (!keys.add([r.sourceId, r.reporterCode, r.partnerCode, r.indicatorCode, r.periodKey, r.seriesKey])
          && result.candidates.length < MAX_CANDIDATES) {
          result.candidates.push(result.rows);
        }
        lines[i] = stageLine(result.rows, r);
      }
      onBatch(batch.length);
      yield lines.join('');
    }
  }
  const copy = await tx`COPY stage (${tx.unsafe(STAGE_COLUMNS.join(','))}) FROM STDIN`.writable();
  await pipeline(Readable.from(text()), copy);
  return result;
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

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  revised: number;
}

/**
 * Inserts new keys, updates changed ones (keeping the old value, flag and vintage as a revision
 * when the value or flag changed), counts the rest. One join of stage and observation classifies
 * every staged row into a narrow table; a re-import of an unchanged file stops there.
 */
export async function mergeStage(tx: Tx, batchId: number | null): Promise<MergeCounts> {
  await tx`ANALYZE stage`;
  await tx`
    CREATE TEMP TABLE stage_match ON COMMIT DROP AS
    SELECT s.seq, o.id AS obs_id,
           o.id IS NOT NULL AND
           (o.year, o.period, o.period_kind, o.period_start, o.period_end, o.value::text, o.unit, o.scale, o.flag,
            o.qualifier, o.is_estimate, o.derivation, o.derivation_note, o.stated_growth_pct::text, o.locator,
            o.note, o.vintage)
           IS DISTINCT FROM
           (s.year, s.period, s.period_kind, s.period_start, s.period_end, s.value::text, s.unit, s.scale, s.flag,
            s.qualifier, s.is_estimate, s.derivation, s.derivation_note, s.stated_growth_pct::text, s.locator,
            s.note, s.vintage) AS changed
    FROM stage s
    LEFT JOIN observation o ON o.source_id = s.source_id AND o.reporter_code = s.reporter_code
      AND o.partner_code = s.partner_code AND o.indicator_code = s.indicator_code
      AND o.period_key = s.period_key AND o.series_key = s.series_key`;
  const [counts] = await tx<{ fresh: number; changed: number; total: number }[]>`
    SELECT count(*) FILTER (WHERE obs_id IS NULL)::int AS fresh, count(*) FILTER (WHERE changed)::int AS changed,
           count(*)::int AS total
    FROM stage_match`;
  const fresh = counts?.fresh ?? 0;
  const changed = counts?.changed ?? 0;
  const total = counts?.total ?? 0;
  let revised = 0;
  let updated = 0;
  let inserted = 0;
  if (fresh < total) await tx`ANALYZE stage_match`;

  if (changed > 0) {
    // Before the update, which overwrites what the revision keeps.
    const [r] = await tx<{ n: number }[]>`
      WITH rev AS (
        INSERT INTO observation_revision (observation_id, old_value, old_flag, old_vintage, new_vintage, import_batch_id)
        SELECT o.id, o.value, o.flag, o.vintage, s.vintage, ${batchId}
        FROM stage_match m
        JOIN stage s ON s.seq = m.seq
        JOIN observation o ON o.id = m.obs_id
        WHERE m.changed AND (o.value <> s.value OR o.flag <> s.flag)
        RETURNING 1
      ) SELECT count(*)::int AS n FROM rev`;
    revised = r?.n ?? 0;
    const [u] = await tx<{ n: number }[]>`
      WITH upd AS (
        UPDATE observation o SET
          year = s.year, period = s.period, period_kind = s.period_kind, period_start = s.period_start,
          period_end = s.period_end, value = s.value, unit = s.unit, scale = s.scale, flag = s.flag,
          qualifier = s.qualifier, is_estimate = s.is_estimate, derivation = s.derivation,
          derivation_note = s.derivation_note, stated_growth_pct = s.stated_growth_pct, locator = s.locator,
          note = s.note, vintage = s.vintage, import_batch_id = ${batchId}, updated_at = now()
        FROM stage_match m
        JOIN stage s ON s.seq = m.seq
        WHERE m.changed AND o.id = m.obs_id
        RETURNING 1
      ) SELECT count(*)::int AS n FROM upd`;
    updated = u?.n ?? 0;
  }

  if (fresh > 0) {
    // Every row new (a first import): no need to join back to the classification.
    const onlyFresh = fresh === total ? tx`` : tx`WHERE s.seq IN (SELECT seq FROM stage_match WHERE obs_id IS NULL)`;
    const [i] = await tx<{ n: number }[]>`
      WITH ins AS (
        INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind,
          period_start, period_end, period_key, series_key, value, unit, scale, flag, qualifier, is_estimate,
          derivation, derivation_note, stated_growth_pct, locator, note, vintage, import_batch_id)
        SELECT s.source_id, s.reporter_code, s.partner_code, s.indicator_code, s.year, s.period, s.period_kind,
          s.period_start, s.period_end, s.period_key, s.series_key, s.value, s.unit, s.scale, s.flag, s.qualifier,
          s.is_estimate, s.derivation, s.derivation_note, s.stated_growth_pct, s.locator, s.note, s.vintage, ${batchId}
        FROM stage s
        ${onlyFresh}
        -- In key order (byte order is enough): neighbouring index entries, far fewer page visits.
        ORDER BY s.source_id COLLATE "C", s.reporter_code COLLATE "C", s.partner_code COLLATE "C",
                 s.indicator_code COLLATE "C", s.period_key COLLATE "C"
        -- A concurrent import may have inserted the same key since the join: leave its row alone.
        ON CONFLICT (source_id, reporter_code, partner_code, indicator_code, period_key, series_key) DO NOTHING
        RETURNING 1
      ) SELECT count(*)::int AS n FROM ins`;
    inserted = i?.n ?? 0;
  }
  return { inserted, updated, unchanged: total - inserted - updated, revised };
}
