// The one write path for every format: rows are COPY'd into a temporary stage table, checked for
// duplicate keys, optionally completed with derived turnover, then merged into `observation` in
// a single statement that inserts new keys, updates changed ones and keeps the replaced values
// as revisions. All of it runs inside the caller's transaction.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import { copyLine } from './copy-text';
import { MAX_REPORTED, type RowProblem } from './problems';
import type { ObservationRow } from './tidy-row';

type Tx = postgres.TransactionSql;

const STAGE_COLUMNS = [
  'line', 'sheet', 'source_id', 'reporter_code', 'partner_code', 'indicator_code', 'year', 'period', 'period_kind',
  'period_start', 'period_end', 'period_key', 'series_key', 'value', 'unit', 'scale', 'flag', 'qualifier',
  'is_estimate', 'derivation', 'derivation_note', 'stated_growth_pct', 'locator', 'note', 'vintage',
] as const;

const toCopy = (r: ObservationRow) =>
  copyLine([
    r.line, r.sheet ?? null, r.sourceId, r.reporterCode, r.partnerCode, r.indicatorCode, r.year, r.period, r.periodKind,
    r.periodStart, r.periodEnd, r.periodKey, r.seriesKey, r.value, r.unit, r.scale, r.flag, r.qualifier,
    r.isEstimate, r.derivation, r.derivationNote, r.statedGrowthPct, r.locator, r.note, r.vintage,
  ]);

export async function createStage(tx: Tx): Promise<void> {
  // Enough memory for the merge's hash join and the duplicate check to stay off disk for
  // files of a few hundred thousand rows; larger files spill, which is slower but fine.
  await tx`SET LOCAL work_mem = '64MB'`;
  await tx`
    CREATE TEMP TABLE stage (
      line int, sheet text, source_id text, reporter_code text, partner_code text, indicator_code text, year int,
      period text, period_kind "PeriodKind", period_start date, period_end date, period_key text,
      series_key text, value numeric, unit text, scale smallint, flag text, qualifier "Qualifier",
      is_estimate boolean, derivation "Derivation", derivation_note text, stated_growth_pct numeric,
      locator text, note text, vintage text
    ) ON COMMIT DROP`;
}

/** Streams the batches into the stage table; `onBatch` sees each batch after it is queued. */
export async function copyIntoStage(
  tx: Tx,
  batches: AsyncIterable<ObservationRow[]>,
  onBatch: (rows: number) => void,
): Promise<void> {
  async function* text(): AsyncGenerator<string> {
    for await (const batch of batches) {
      let chunk = '';
      for (const r of batch) chunk += toCopy(r);
      onBatch(batch.length);
      yield chunk;
    }
  }
  const copy = await tx`COPY stage (${tx.unsafe(STAGE_COLUMNS.join(','))}) FROM STDIN`.writable();
  await pipeline(Readable.from(text()), copy);
}

/** Rows whose natural key repeats an earlier row's, reported at the later row. */
export async function findDuplicates(tx: Tx): Promise<RowProblem[]> {
  const duplicates = await tx<{ lines: number[]; sheet: string | null; key: string }[]>`
    SELECT array_agg(line ORDER BY line) AS lines, min(sheet) AS sheet,
           concat_ws(' / ', source_id, reporter_code, partner_code, indicator_code, period_key, NULLIF(series_key, '')) AS key
    FROM stage
    GROUP BY source_id, reporter_code, partner_code, indicator_code, period_key, series_key
    HAVING count(*) > 1
    ORDER BY min(line)
    LIMIT ${MAX_REPORTED}`;
  return duplicates.map((d) => ({
    line: d.lines[1] ?? 0,
    ...(d.sheet ? { sheet: d.sheet } : {}),
    column: '(row)',
    found: `the same key as ${d.sheet ? 'row' : 'line'} ${d.lines[0]} (${d.key})`,
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
      SELECT x.line, x.sheet, x.source_id, x.reporter_code, x.partner_code, 'turnover', x.year, x.period, x.period_kind,
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
 * when the value or flag changed), counts the rest. One join of stage and observation serves all
 * three, so a re-import of a large unchanged file costs one hash join.
 */
export async function mergeStage(tx: Tx, batchId: number | null): Promise<MergeCounts> {
  await tx`ANALYZE stage`;
  const [row] = await tx<{ inserted: number; updated: number; total: number; revised: number }[]>`
    WITH m AS MATERIALIZED (
      SELECT s.*, o.id AS obs_id, o.value AS old_value, o.flag AS old_flag, o.vintage AS old_vintage,
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
        AND o.period_key = s.period_key AND o.series_key = s.series_key
    ),
    rev AS (
      INSERT INTO observation_revision (observation_id, old_value, old_flag, old_vintage, new_vintage, import_batch_id)
      SELECT obs_id, old_value, old_flag, old_vintage, vintage, ${batchId}
      FROM m WHERE changed AND (old_value <> value OR old_flag <> flag)
      RETURNING 1
    ),
    upd AS (
      UPDATE observation o SET
        year = m.year, period = m.period, period_kind = m.period_kind, period_start = m.period_start,
        period_end = m.period_end, value = m.value, unit = m.unit, scale = m.scale, flag = m.flag,
        qualifier = m.qualifier, is_estimate = m.is_estimate, derivation = m.derivation,
        derivation_note = m.derivation_note, stated_growth_pct = m.stated_growth_pct, locator = m.locator,
        note = m.note, vintage = m.vintage, import_batch_id = ${batchId}, updated_at = now()
      FROM m
      WHERE o.id = m.obs_id AND m.changed
      RETURNING 1
    ),
    ins AS (
      INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind,
        period_start, period_end, period_key, series_key, value, unit, scale, flag, qualifier, is_estimate,
        derivation, derivation_note, stated_growth_pct, locator, note, vintage, import_batch_id)
      SELECT source_id, reporter_code, partner_code, indicator_code, year, period, period_kind,
        period_start, period_end, period_key, series_key, value, unit, scale, flag, qualifier,
        is_estimate, derivation, derivation_note, stated_growth_pct, locator, note, vintage, ${batchId}
      FROM m
      WHERE obs_id IS NULL
      -- In key order (byte order is enough): neighbouring index entries, far fewer page visits.
      ORDER BY source_id COLLATE "C", reporter_code COLLATE "C", partner_code COLLATE "C",
               indicator_code COLLATE "C", period_key COLLATE "C"
      -- A concurrent import may have inserted the same key since the join: leave its row alone.
      ON CONFLICT (source_id, reporter_code, partner_code, indicator_code, period_key, series_key) DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ins)::int AS inserted, (SELECT count(*) FROM upd)::int AS updated,
           (SELECT count(*) FROM m)::int AS total, (SELECT count(*) FROM rev)::int AS revised`;
  const inserted = row?.inserted ?? 0;
  const updated = row?.updated ?? 0;
  return { inserted, updated, unchanged: (row?.total ?? 0) - inserted - updated, revised: row?.revised ?? 0 };
}
