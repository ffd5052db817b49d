// Upserts the small reference tables (sources, partners, indicators, group memberships, exchange
// rates) from the bundled CSV files. Idempotent: running it twice changes nothing.
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type postgres from 'postgres';

type Row = Record<string, string>;
const readCsv = async (file: string): Promise<Row[]> =>
  parse(await readFile(file), { columns: true, bom: true, trim: true }) as Row[];
const orNull = (v: string | undefined) => (v === undefined || v === '' ? null : v);

export async function upsertSources(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  for (const r of rows) {
    await sql`
      INSERT INTO source (id, kind, title, publisher, published_on, url, attribution, vintage, note)
      VALUES (${r.id ?? ''}, ${r.kind ?? ''}, ${r.title ?? ''}, ${r.publisher ?? ''}, ${orNull(r.published_on)},
              ${orNull(r.url)}, ${r.attribution ?? ''}, ${orNull(r.vintage)}, ${orNull(r.note)})
      ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, title = EXCLUDED.title, publisher = EXCLUDED.publisher,
        published_on = EXCLUDED.published_on, url = EXCLUDED.url, attribution = EXCLUDED.attribution,
        vintage = EXCLUDED.vintage, note = EXCLUDED.note`;
  }
  return rows.length;
}

/** Partners with their kind and, where the bureau lists them, its Russian name (name_ru, used by search). */
export async function upsertPartners(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  for (const r of rows) {
    await sql`
      INSERT INTO partner (code, name, kind, name_ru)
      VALUES (${r.code ?? ''}, ${r.name ?? ''}, ${r.kind ?? ''}, ${orNull(r.name_ru)})
      ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, name_ru = EXCLUDED.name_ru`;
  }
  return rows.length;
}

export async function upsertIndicators(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  for (const r of rows) {
    await sql`
      INSERT INTO indicator (code, label, unit_kind, category, definition, sort_order)
      VALUES (${r.code ?? ''}, ${r.label ?? ''}, ${r.unit_kind ?? ''}, ${r.category ?? ''}, ${r.definition ?? ''},
              ${Number(r.sort_order ?? 0)})
      ON CONFLICT (code) DO UPDATE SET label = EXCLUDED.label, unit_kind = EXCLUDED.unit_kind,
        category = EXCLUDED.category, definition = EXCLUDED.definition, sort_order = EXCLUDED.sort_order`;
  }
  return rows.length;
}

export async function upsertMemberships(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  for (const r of rows) {
    await sql`
      INSERT INTO group_membership (group_code, member_code, valid_from, valid_to, note)
      VALUES (${r.group_code ?? ''}, ${r.member_code ?? ''}, ${r.valid_from ?? ''}, ${orNull(r.valid_to)}, ${orNull(r.note)})
      ON CONFLICT (group_code, member_code, valid_from) DO UPDATE SET valid_to = EXCLUDED.valid_to, note = EXCLUDED.note`;
  }
  return rows.length;
}

/** The ECB file's own layout: year,usd_per_eur,source,note; a "YTD" year marks a provisional rate. */
export async function upsertEurUsdRates(sql: postgres.Sql, file: string, sourceId: string): Promise<number> {
  const rows = await readCsv(file);
  let n = 0;
  for (const r of rows) {
    const year = Number.parseInt(r.year ?? '', 10);
    if (!Number.isInteger(year) || !r.usd_per_eur) continue;
    const provisional = !/^\d{4}$/.test(r.year ?? '') || /to[- ]date|ytd|partial/i.test(`${r.year} ${r.note}`);
    await sql`
      INSERT INTO exchange_rate (year, base_currency, quote_currency, rate, is_provisional, source_id, note)
      VALUES (${year}, 'EUR', 'USD', ${r.usd_per_eur}, ${provisional}, ${sourceId}, ${orNull(r.note)})
      ON CONFLICT (year, base_currency, quote_currency) DO UPDATE SET rate = EXCLUDED.rate,
        is_provisional = EXCLUDED.is_provisional, source_id = EXCLUDED.source_id, note = EXCLUDED.note`;
    n += 1;
  }
  return n;
}

/**
 * ISO 3166-1 codes (prisma/data/reference/iso_3166_1.csv): sets iso2 and iso_numeric on the
 * partner of the same alpha-3 code, and adds the ISO countries the partner list lacks, so that
 * SDMX and Comtrade files can name any country by alpha-2, alpha-3 or numeric code. Names of
 * existing partners are left as they are.
 */
export async function upsertIsoCountries(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  await sql`
    INSERT INTO partner (code, name, kind, iso2, iso_numeric)
    SELECT code, name, 'COUNTRY', iso2, iso_numeric
    FROM unnest(${rows.map((r) => r.alpha3 ?? '')}::text[], ${rows.map((r) => r.name ?? '')}::text[],
                ${rows.map((r) => r.alpha2 ?? '')}::text[], ${rows.map((r) => r.numeric ?? '')}::text[])
         AS iso(code, name, iso2, iso_numeric)
    ON CONFLICT (code) DO UPDATE SET iso2 = EXCLUDED.iso2, iso_numeric = EXCLUDED.iso_numeric`;
  return rows.length;
}

/**
 * The rule of which sources make up each reporter's official series (official_source); returns
 * how many rows were new or changed, so the caller knows to refresh the series.
 */
export async function upsertOfficialSources(sql: postgres.Sql, file: string): Promise<number> {
  const rows = await readCsv(file);
  let changed = 0;
  for (const r of rows) {
    const written = await sql`
      INSERT INTO official_source (reporter_code, source_id, precedence, derived_from, world_total, note)
      VALUES (${r.reporter_code ?? ''}, ${r.source_id ?? ''}, ${Number(r.precedence)}, ${orNull(r.derived_from)},
              ${orNull(r.world_total)}::"WorldTotalRule", ${r.note ?? ''})
      ON CONFLICT (reporter_code, source_id) DO UPDATE SET precedence = EXCLUDED.precedence,
        derived_from = EXCLUDED.derived_from, world_total = EXCLUDED.world_total, note = EXCLUDED.note
      WHERE (official_source.precedence, official_source.derived_from, official_source.world_total, official_source.note)
        IS DISTINCT FROM (EXCLUDED.precedence, EXCLUDED.derived_from, EXCLUDED.world_total, EXCLUDED.note)
      RETURNING source_id`;
    changed += written.length;
  }
  return changed;
}
