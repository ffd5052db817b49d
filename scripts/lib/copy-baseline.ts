// PostgreSQL's own COPY FROM as the yardstick for the importer: the rows one import wrote are
// copied out, then COPY'd into an empty table built like `observation` (same columns, defaults,
// indexes and foreign keys, read from the catalog so that the twin follows any migration). What
// the importer spends beyond this is its own overhead: reading and checking the file, staging,
// classifying rows against what is stored.
import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type postgres from 'postgres';
import { copyLine } from '../../lib/import/copy-text';
import { processCpuSeconds } from './process-cpu';

export interface CopyBaseline {
  rows: number;
  seconds: number;
  /** CPU seconds of the PostgreSQL backend that ran the COPY (Linux only), else null. */
  serverCpuSeconds: number | null;
}

/** The empty twin of `observation` that PostgreSQL's own COPY loads (also used by npm run bench). */
export const TWIN = 'observation_copy_baseline';

/**
 * A twin with the same indexes but no foreign keys (npm run bench): what the indexes alone cost a
 * COPY, the ceiling for an importer that checks references as sets, as ours does.
 */
export const INDEXED_TWIN = 'observation_copy_indexes';

export type Twin = typeof TWIN | typeof INDEXED_TWIN;

/**
 * (Re)creates a twin of `observation`: INCLUDING ALL brings defaults (the id sequence), NOT NULL
 * and CHECK constraints and every index; for TWIN the foreign keys are read from the catalog and
 * added.
 */
export async function createObservationTwin(sql: postgres.Sql, twin: Twin = TWIN): Promise<void> {
  const foreignKeys =
    twin === TWIN
      ? await sql<{ def: string }[]>`
          SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 'observation'::regclass AND contype = 'f'`
      : [];
  await sql`DROP TABLE IF EXISTS ${sql(twin)}`;
  await sql`CREATE TABLE ${sql(twin)} (LIKE observation INCLUDING ALL)`;
  for (const fk of foreignKeys) await sql`ALTER TABLE ${sql(twin)} ADD ${sql.unsafe(fk.def)}`;
}

/**
 * COPYs the observations of `sourceId` (as the importer stored them) into an empty twin of the
 * observation table and times it. `file` is a scratch path for the rows in COPY text format.
 */
export async function measureCopyBaseline(sql: postgres.Sql, sourceId: string, file: string): Promise<CopyBaseline> {
  const names = (
    await sql<{ name: string }[]>`
    SELECT attname AS name FROM pg_attribute
    WHERE attrelid = 'observation'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'id'
    ORDER BY attnum`
  ).map((c) => c.name);
  const columns = names.map((n) => `"${n}"`).join(', ');
  // Written from a cursor rather than COPY TO STDOUT, whose stream (postgres.js) sometimes never
  // ended here. Every column as text, which COPY FROM reads back as it was.
  const out = createWriteStream(file);
  const asText = names.map((n) => `"${n}"::text AS "${n}"`).join(', ');
  const cursor = sql
    .unsafe<Record<string, string | null>[]>(`SELECT ${asText} FROM observation WHERE source_id = $1 ORDER BY id`, [
      sourceId,
    ])
    .cursor(10_000);
  for await (const rows of cursor) {
    let text = '';
    for (const row of rows) text += copyLine(names.map((n) => row[n] ?? null));
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');

  await createObservationTwin(sql);
  try {
    const [backend] = await sql<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    const pid = backend?.pid ?? 0;
    const cpuBefore = processCpuSeconds(pid);
    const started = process.hrtime.bigint();
    const copy = await sql.unsafe(`COPY ${TWIN} (${columns}) FROM STDIN`).writable();
    await pipeline(createReadStream(file), copy);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuAfter = processCpuSeconds(pid);
    const [count] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM ${sql(TWIN)}`;
    return {
      rows: count?.n ?? 0,
      seconds,
      serverCpuSeconds: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    };
  } finally {
    await sql`DROP TABLE IF EXISTS ${sql(TWIN)}`;
    rmSync(file, { force: true });
  }
}
