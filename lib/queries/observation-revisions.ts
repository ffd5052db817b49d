// One observation with its provenance and the values newer vintages replaced (observation_revision,
// written by the importer): behind /observations/[id] and GET /api/observations/[id]/revisions.
import 'server-only';
import { sql } from '@/lib/sql';
import type { ObservationId } from '@/lib/validations/observation-id';
import { runQuery } from './run-query';

/** The import run that wrote a value or replaced one. */
export interface ImportBatchSummary {
  id: number;
  file_name: string;
  format: string;
  /** ISO timestamps. */
  started_at: string;
  finished_at: string | null;
}

export interface ObservationDetail {
  id: string;
  source_id: string;
  source_title: string;
  source_publisher: string;
  source_url: string | null;
  source_attribution: string;
  source_vintage: string | null;
  reporter_code: string;
  reporter: string;
  partner_code: string;
  partner: string;
  flow: string;
  indicator_label: string;
  year: number | null;
  period: string;
  series_key: string;
  /** Exact decimal text as published. */
  value: string;
  unit: string;
  scale: number;
  flag: string;
  qualifier: string;
  derivation: string;
  derivation_note: string | null;
  is_estimate: boolean;
  locator: string | null;
  note: string | null;
  vintage: string | null;
  created_at: string;
  updated_at: string;
  import_batch: ImportBatchSummary | null;
}

/** One replaced value, newest first, with what replaced it. */
export interface ObservationRevision {
  id: string;
  old_value: string;
  old_flag: string;
  old_vintage: string | null;
  /** The value that replaced it: the next revision's old value, or the current value for the latest. */
  new_value: string;
  new_flag: string;
  new_vintage: string | null;
  replaced_at: string;
  import_batch: ImportBatchSummary | null;
}

interface BatchColumns {
  batch_id: number | null;
  batch_file_name: string | null;
  batch_format: string | null;
  batch_started_at: string | null;
  batch_finished_at: string | null;
}

function batchOf(r: BatchColumns): ImportBatchSummary | null {
  if (r.batch_id === null || r.batch_started_at === null) return null;
  return {
    id: r.batch_id,
    file_name: r.batch_file_name ?? '',
    format: r.batch_format ?? '',
    started_at: r.batch_started_at,
    finished_at: r.batch_finished_at,
  };
}

// Timestamps are stored without a zone, in UTC as Prisma writes them; formatted here so that the
// page and the API show the same text.
const BATCH_COLUMNS = sql`
  b.id AS batch_id, b.file_name AS batch_file_name, b.format AS batch_format,
  to_char(b.started_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS batch_started_at,
  to_char(b.finished_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS batch_finished_at`;

/** The observation with its source, names and the import that last wrote it; null when there is none. */
export async function getObservationDetail(id: ObservationId): Promise<ObservationDetail | null> {
  return runQuery('getObservationDetail', { id }, async () => {
    const [row] = await sql<(Omit<ObservationDetail, 'import_batch'> & BatchColumns)[]>`
      SELECT o.id::text AS id, o.source_id, s.title AS source_title, s.publisher AS source_publisher, s.url AS source_url,
             s.attribution AS source_attribution, s.vintage AS source_vintage,
             o.reporter_code, r.name AS reporter, o.partner_code, p.name AS partner, o.indicator_code AS flow,
             i.label AS indicator_label, o.year, o.period, o.series_key, o.value::text AS value, o.unit, o.scale, o.flag,
             o.qualifier::text AS qualifier, o.derivation::text AS derivation, o.derivation_note, o.is_estimate,
             o.locator, o.note, o.vintage,
             to_char(o.created_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
             to_char(o.updated_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at,
             ${BATCH_COLUMNS}
      FROM observation o
      JOIN source s ON s.id = o.source_id
      JOIN partner r ON r.code = o.reporter_code
      JOIN partner p ON p.code = o.partner_code
      JOIN indicator i ON i.code = o.indicator_code
      LEFT JOIN import_batch b ON b.id = o.import_batch_id
      WHERE o.id = ${id}::bigint`;
    if (!row) return null;
    const { batch_id, batch_file_name, batch_format, batch_started_at, batch_finished_at, ...rest } = row;
    return {
      ...rest,
      import_batch: batchOf({ batch_id, batch_file_name, batch_format, batch_started_at, batch_finished_at }),
    };
  });
}

/**
 * The values an observation had before newer vintages replaced them, newest first; null when the
 * observation does not exist (an existing one without revisions gives an empty list). Each
 * revision says what replaced it: the old value of the revision after it, or the current value.
 */
export async function getObservationRevisions(id: ObservationId): Promise<ObservationRevision[] | null> {
  return runQuery('getObservationRevisions', { id }, async () => {
    const [exists, rows] = await Promise.all([
      sql<{ id: string }[]>`SELECT id::text FROM observation WHERE id = ${id}::bigint`,
      sql<(Omit<ObservationRevision, 'import_batch'> & BatchColumns)[]>`
        SELECT v.id::text AS id, v.old_value::text AS old_value, v.old_flag, v.old_vintage,
               coalesce(lead(v.old_value) OVER w, o.value)::text AS new_value,
               coalesce(lead(v.old_flag) OVER w, o.flag) AS new_flag,
               v.new_vintage,
               to_char(v.replaced_at, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS replaced_at,
               ${BATCH_COLUMNS}
        FROM observation_revision v
        JOIN observation o ON o.id = v.observation_id
        LEFT JOIN import_batch b ON b.id = v.import_batch_id
        WHERE v.observation_id = ${id}::bigint
        WINDOW w AS (ORDER BY v.replaced_at, v.id)
        ORDER BY v.replaced_at DESC, v.id DESC`,
    ]);
    if (exists.length === 0) return null;
    return rows.map(({ batch_id, batch_file_name, batch_format, batch_started_at, batch_finished_at, ...rest }) => ({
      ...rest,
      import_batch: batchOf({ batch_id, batch_file_name, batch_format, batch_started_at, batch_finished_at }),
    }));
  });
}

/** How many replaced values each of these observations has (only those with any), for the data screen's marker. */
export async function countObservationRevisions(ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  return runQuery('countObservationRevisions', { ids: ids.length }, async () => {
    const rows = await sql<{ id: string; n: number }[]>`
      SELECT observation_id::text AS id, count(*)::int AS n FROM observation_revision
      WHERE observation_id = ANY(${ids as string[]}::bigint[])
      GROUP BY observation_id`;
    return new Map(rows.map((r) => [r.id, r.n]));
  });
}
