// Observations with their provenance, streamed from PostgreSQL with a cursor so that an export
// of millions of rows keeps the server's memory flat.
import 'server-only';
import type postgres from 'postgres';
import { sql } from '@/lib/sql';
import type { ObservationQuery } from '@/lib/validations/observations';
import { runQuery } from './run-query';

/** One observation as the API and the exports write it: the tidy layout plus provenance. */
export interface ObservationRecord {
  source_id: string;
  reporter: string;
  reporter_code: string;
  partner: string;
  partner_code: string;
  year: number | null;
  period: string;
  flow: string;
  value: string;
  unit: string;
  scale: number;
  flag: string;
  note: string | null;
  qualifier: string;
  derivation: string;
  derivation_note: string | null;
  stated_growth_pct: string | null;
  locator: string | null;
  series_key: string;
  period_kind: string;
  period_start: string | null;
  period_end: string | null;
  vintage: string | null;
  indicator_label: string;
  source_title: string;
  source_publisher: string;
  source_url: string | null;
}

function whereClause(q: ObservationQuery) {
  const conditions: postgres.PendingQuery<postgres.Row[]>[] = [];
  if (q.reporter) conditions.push(sql`o.reporter_code = ANY(${q.reporter})`);
  if (q.partner) conditions.push(sql`o.partner_code = ANY(${q.partner})`);
  if (q.flow) conditions.push(sql`o.indicator_code = ANY(${q.flow})`);
  if (q.source) conditions.push(sql`o.source_id = ANY(${q.source})`);
  if (q.from !== undefined) conditions.push(sql`o.year >= ${q.from}`);
  if (q.to !== undefined) conditions.push(sql`o.year <= ${q.to}`);
  if (conditions.length === 0) return sql``;
  return sql`WHERE ${conditions.reduce((acc, c) => sql`${acc} AND ${c}`)}`;
}

function selectObservations(q: ObservationQuery) {
  return sql<ObservationRecord[]>`
    SELECT o.source_id, r.name AS reporter, o.reporter_code, p.name AS partner, o.partner_code, o.year, o.period,
           o.indicator_code AS flow, o.value::text AS value, o.unit, o.scale, o.flag, o.note, o.qualifier::text AS qualifier,
           o.derivation::text AS derivation, o.derivation_note, o.stated_growth_pct::text AS stated_growth_pct, o.locator,
           o.series_key, o.period_kind::text AS period_kind, o.period_start::text AS period_start,
           o.period_end::text AS period_end, o.vintage, i.label AS indicator_label, s.title AS source_title,
           s.publisher AS source_publisher, s.url AS source_url
    FROM observation o
    JOIN partner r ON r.code = o.reporter_code
    JOIN partner p ON p.code = o.partner_code
    JOIN indicator i ON i.code = o.indicator_code
    JOIN source s ON s.id = o.source_id
    ${whereClause(q)}
    ORDER BY o.source_id, o.reporter_code, o.partner_code, o.indicator_code, o.year NULLS FIRST, o.period, o.series_key`;
}

/** Batches of rows in a stable order; the caller writes each batch before the next is read. */
export async function* streamObservations(q: ObservationQuery, batchSize = 2000): AsyncGenerator<ObservationRecord[]> {
  try {
    for await (const rows of selectObservations(q).cursor(batchSize)) yield rows;
  } catch (error) {
    console.error('[queries] streamObservations failed', { q, error });
    throw new Error('Could not load data (observations).');
  }
}

/** Which of the given codes are unknown, so a typo gets a 400 instead of an empty result. */
export async function findUnknownCodes(q: ObservationQuery): Promise<{ parameter: string; codes: string[] }[]> {
  return runQuery('findUnknownCodes', q, async () => {
    const checks: { parameter: string; codes: string[]; known: Promise<{ code: string }[]> }[] = [];
    const partnerCodes = [...(q.reporter ?? []), ...(q.partner ?? [])];
    if (partnerCodes.length) {
      const known = sql<{ code: string }[]>`SELECT code FROM partner WHERE code = ANY(${partnerCodes})`;
      if (q.reporter) checks.push({ parameter: 'reporter', codes: q.reporter, known });
      if (q.partner) checks.push({ parameter: 'partner', codes: q.partner, known });
    }
    if (q.flow) checks.push({ parameter: 'flow', codes: q.flow, known: sql<{ code: string }[]>`SELECT code FROM indicator WHERE code = ANY(${q.flow})` });
    if (q.source) checks.push({ parameter: 'source', codes: q.source, known: sql<{ code: string }[]>`SELECT id AS code FROM source WHERE id = ANY(${q.source})` });
    const results = await Promise.all(checks.map(async (c) => {
      const known = new Set((await c.known).map((r) => r.code));
      return { parameter: c.parameter, codes: c.codes.filter((code) => !known.has(code)) };
    }));
    return results.filter((r) => r.codes.length > 0);
  });
}
