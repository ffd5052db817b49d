// Upserts events and agreements (with their parties) from the bundled CSV files, and derives
// DESTA's agreements from its per-co-party observation rows. Idempotent by each record's key.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type postgres from 'postgres';
import { SCALES } from '@/lib/tidy/scale';

type Row = Record<string, string>;
const readCsv = async (file: string): Promise<Row[]> =>
  parse(await readFile(file), { columns: true, bom: true, trim: true }) as Row[];
const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);
const intOrNull = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
const codes = (v: string | undefined) =>
  (v ?? '')
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean);

export async function upsertEvents(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  await sql.begin(async (tx) => {
    for (const r of rows) {
      const [event] = await tx<{ id: number }[]>`
        INSERT INTO event (key, date, end_date, date_inferred, kind, title, summary, date_basis, place, source_id,
                           locator, note)
        VALUES (${r.key ?? ''}, ${r.date ?? ''}, ${orNull(r.end_date)}, ${r.date_inferred === 'true'}, ${r.kind ?? ''},
                ${r.title ?? ''}, ${orNull(r.summary)}, ${orNull(r.date_basis)}, ${orNull(r.place)}, ${r.source_id ?? ''},
                ${orNull(r.locator)}, ${orNull(r.note)})
        ON CONFLICT (key) DO UPDATE SET date = EXCLUDED.date, end_date = EXCLUDED.end_date,
          date_inferred = EXCLUDED.date_inferred, kind = EXCLUDED.kind, title = EXCLUDED.title,
          summary = EXCLUDED.summary, date_basis = EXCLUDED.date_basis, place = EXCLUDED.place,
          source_id = EXCLUDED.source_id, locator = EXCLUDED.locator, note = EXCLUDED.note
        RETURNING id`;
      if (!event) continue;
      await tx`DELETE FROM event_partner WHERE event_id = ${event.id}`;
      for (const code of codes(r.partner_codes)) {
        await tx`INSERT INTO event_partner (event_id, partner_code) VALUES (${event.id}, ${code})`;
      }
    }
  });
  return rows.length;
}

interface AgreementInput {
  key: string;
  title: string;
  kind: string;
  status: string;
  grouped: boolean;
  summary: string | null;
  inForcePrecision: string;
  signedOn: string | null;
  signedYear: number | null;
  inForceOn: string | null;
  inForceYear: number | null;
  value: string | null;
  currency: string | null;
  scale: number;
  qualifier: string;
  sourceId: string;
  locator: string | null;
  note: string | null;
  parties: string[];
  /** Every source naming the agreement, the main one included. */
  sources: { sourceId: string; locator: string | null }[];
}

async function upsertAgreement(tx: postgres.TransactionSql, a: AgreementInput): Promise<void> {
  const [row] = await tx<{ id: number }[]>`
    INSERT INTO agreement (key, title, kind, status, grouped, summary, signed_on, signed_year, in_force_on,
                           in_force_year, in_force_precision, value, currency, scale, qualifier, source_id, locator, note)
    VALUES (${a.key}, ${a.title}, ${a.kind}, ${a.status}, ${a.grouped}, ${a.summary}, ${a.signedOn}, ${a.signedYear},
            ${a.inForceOn}, ${a.inForceYear}, ${a.inForcePrecision}, ${a.value}, ${a.currency}, ${a.scale},
            ${a.qualifier}, ${a.sourceId}, ${a.locator}, ${a.note})
    ON CONFLICT (key) DO UPDATE SET title = EXCLUDED.title, kind = EXCLUDED.kind, status = EXCLUDED.status,
      grouped = EXCLUDED.grouped, summary = EXCLUDED.summary, signed_on = EXCLUDED.signed_on,
      signed_year = EXCLUDED.signed_year, in_force_on = EXCLUDED.in_force_on, in_force_year = EXCLUDED.in_force_year,
      in_force_precision = EXCLUDED.in_force_precision, value = EXCLUDED.value, currency = EXCLUDED.currency,
      scale = EXCLUDED.scale, qualifier = EXCLUDED.qualifier, source_id = EXCLUDED.source_id,
      locator = EXCLUDED.locator, note = EXCLUDED.note
    RETURNING id`;
  if (!row) return;
  await tx`DELETE FROM agreement_party WHERE agreement_id = ${row.id}`;
  for (const code of new Set(a.parties)) {
    await tx`INSERT INTO agreement_party (agreement_id, partner_code) VALUES (${row.id}, ${code})`;
  }
  await tx`DELETE FROM agreement_source WHERE agreement_id = ${row.id}`;
  await addAgreementSources(tx, row.id, a.sources);
}

async function addAgreementSources(
  tx: postgres.TransactionSql,
  agreementId: number,
  sources: readonly { sourceId: string; locator: string | null }[],
): Promise<void> {
  for (const s of sources) {
    await tx`
      INSERT INTO agreement_source (agreement_id, source_id, locator) VALUES (${agreementId}, ${s.sourceId}, ${s.locator})
      ON CONFLICT (agreement_id, source_id) DO UPDATE SET locator = EXCLUDED.locator`;
  }
}

/** "source_id@locator|source_id@locator": the further sources of one agreements.csv row. */
const alsoSources = (v: string | undefined) =>
  (v ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf('@');
      return at < 0
        ? { sourceId: part, locator: null }
        : { sourceId: part.slice(0, at), locator: orNull(part.slice(at + 1).trim()) };
    });

/**
 * The articles' agreements, one row per agreement. A row with `same_as` names an agreement already
 * loaded from DESTA: it adds its sources, parties, status and stated dates to that row instead of
 * creating a second one. Article agreements no longer in the file are removed, so that a merged or
 * withdrawn row does not linger in a database seeded before.
 */
export async function upsertAgreements(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  await sql.begin(async (tx) => {
    const own = rows.filter((r) => !r.same_as).map((r) => r.key ?? '');
    await tx`DELETE FROM agreement WHERE key NOT LIKE 'desta:%' AND NOT (key = ANY(${own}))`;
    for (const r of rows) {
      const sources = [{ sourceId: r.source_id ?? '', locator: orNull(r.locator) }, ...alsoSources(r.also_sources)];
      if (r.same_as) {
        const [target] = await tx<{ id: number }[]>`
          UPDATE agreement SET title = ${r.title ?? ''}, status = ${r.status || 'SIGNED'}, summary = ${orNull(r.summary)},
            in_force_on = coalesce(${orNull(r.in_force_on)}::date, in_force_on),
            in_force_year = coalesce(${intOrNull(r.in_force_year)}::int, in_force_year),
            in_force_precision = ${r.in_force_precision || 'DAY'}
          WHERE key = ${r.same_as} RETURNING id`;
        if (!target) throw new Error(`agreements.csv ${r.key}: same_as ${r.same_as} is not loaded`);
        for (const code of codes(r.party_codes)) {
          await tx`INSERT INTO agreement_party (agreement_id, partner_code) VALUES (${target.id}, ${code})
                   ON CONFLICT DO NOTHING`;
        }
        await addAgreementSources(tx, target.id, sources);
        continue;
      }
      await upsertAgreement(tx, {
        key: r.key ?? '',
        title: r.title ?? '',
        kind: r.kind ?? 'OTHER',
        status: r.status || 'SIGNED',
        grouped: r.grouped === 'true',
        summary: orNull(r.summary),
        signedOn: orNull(r.signed_on),
        signedYear: intOrNull(r.signed_year),
        inForceOn: orNull(r.in_force_on),
        inForceYear: intOrNull(r.in_force_year),
        inForcePrecision: r.in_force_precision || 'DAY',
        value: orNull(r.value),
        currency: orNull(r.currency),
        scale: SCALES[r.scale ?? ''] ?? 0,
        qualifier: r.qualifier || 'EXACT',
        sourceId: r.source_id ?? '',
        locator: orNull(r.locator),
        note: orNull(r.note),
        parties: codes(r.party_codes),
        sources,
      });
    }
  });
  return rows.length;
}

/** DESTA rows name one co-party each; the agreement is what they share under one series key. */
export async function deriveDestaAgreements(sql: postgres.Sql, sourceId: string): Promise<number> {
  const rows = await sql<{ series_key: string; year: number | null; note: string; flag: string; parties: string[] }[]>`
    SELECT series_key, min(year) AS year, min(note) AS note, min(flag) AS flag,
           array_agg(DISTINCT partner_code ORDER BY partner_code) AS parties
    FROM observation WHERE source_id = ${sourceId} AND series_key LIKE 'desta:%'
    GROUP BY series_key`;
  await sql.begin(async (tx) => {
    for (const r of rows) {
      const title = /DESTA no\. \d+ "([^"]+)"/.exec(r.note)?.[1] ?? r.series_key;
      const inForce = /entry into force year=(\d{4})/.exec(r.note)?.[1];
      // DESTA records signature and entry into force; a treaty still negotiated has neither.
      const status = r.flag === 'negotiation' ? 'UNDER_NEGOTIATION' : inForce ? 'IN_FORCE' : 'SIGNED';
      await upsertAgreement(tx, {
        key: r.series_key,
        title,
        kind: 'TRADE_AGREEMENT',
        status,
        grouped: false,
        summary: null,
        inForcePrecision: 'YEAR',
        signedOn: null,
        signedYear: r.year,
        inForceOn: null,
        inForceYear: inForce ? Number(inForce) : null,
        value: null,
        currency: null,
        scale: 0,
        qualifier: 'EXACT',
        sourceId,
        locator: r.series_key.replace('desta:', 'DESTA no. '),
        note: r.note,
        parties: ['KAZ', ...r.parties],
        sources: [{ sourceId, locator: r.series_key.replace('desta:', 'DESTA no. ') }],
      });
    }
  });
  return rows.length;
}
