// Factories for integration tests of the trade queries. Each test file works under a reporter code
// of its own (unique per worker and process), so it can use the real source ids, whose precedence
// the queries depend on, without touching or seeing the bundled data.
import type postgres from 'postgres';
import { refreshOfficialSeries } from '@/lib/import/official-series';

export const IMF = 'imf_dots_2022_via_SamLeBlanc';
export const BNS = 'bns_312101_via_makenerzhan';
export const BNS_EU27 = 'derived_eu27_from_bns_312101';
export const MONTHLY = 'bns_446905_monthly_via_makenerzhan';

export function testReporterCode(prefix: string): string {
  return `ZZ_${prefix}_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;
}

export interface TradeRow {
  source: string;
  reporter: string;
  partner: string;
  flow: string;
  year: number;
  value: number | string;
  /** Power of ten; 6 (USD million) unless given. */
  scale?: number;
  /** 'FY' unless given; 'YYYY-MM' rows are months. */
  period?: string;
  unit?: string;
  estimate?: boolean;
  derivation?: 'PUBLISHED' | 'DERIVED' | 'INFERRED';
  qualifier?: 'EXACT' | 'ABOUT' | 'AT_LEAST' | 'MORE_THAN' | 'NEARLY' | 'ESTIMATE';
  periodKind?: 'YEAR' | 'MONTH' | 'MONTHS_TO_DATE' | 'MULTI_YEAR' | 'STOCK_AT_DATE' | 'DATE';
  periodStart?: string | null;
  periodEnd?: string | null;
  flag?: string;
  note?: string;
}

export async function insertPartner(
  sql: postgres.Sql,
  code: string,
  name = `Test ${code}`,
  kind = 'COUNTRY',
): Promise<void> {
  await sql`INSERT INTO partner (code, name, kind) VALUES (${code}, ${name}, ${kind}::"PartnerKind") ON CONFLICT (code) DO NOTHING`;
}

export async function insertTradeRows(sql: postgres.Sql, rows: readonly TradeRow[]): Promise<void> {
  for (const row of rows) {
    const period = row.period ?? 'FY';
    const isMonth = /^\d{4}-\d{2}$/.test(period);
    const kind = row.periodKind ?? (period === 'FY' ? 'YEAR' : isMonth ? 'MONTH' : 'MONTHS_TO_DATE');
    let start = row.periodStart ?? null;
    let end = row.periodEnd ?? null;
    if (row.periodStart === undefined && period === 'FY') [start, end] = [`${row.year}-01-01`, `${row.year}-12-31`];
    if (row.periodStart === undefined && isMonth) {
      const month = Number(period.slice(5));
      const last = new Date(Date.UTC(row.year, month, 0)).getUTCDate();
      [start, end] = [`${period}-01`, `${period}-${String(last).padStart(2, '0')}`];
    }
    await sql`
      INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_start, period_end,
                               period_key, value, unit, scale, is_estimate, derivation, qualifier, flag, note)
      VALUES (${row.source}, ${row.reporter}, ${row.partner}, ${row.flow}, ${row.year}, ${period}, ${kind}::"PeriodKind", ${start}, ${end},
              ${`${row.year}|${period}`}, ${String(row.value)}, ${row.unit ?? 'USD'}, ${row.scale ?? 6}, ${row.estimate ?? false},
              ${row.derivation ?? 'PUBLISHED'}::"Derivation", ${row.qualifier ?? 'EXACT'}::"Qualifier", ${row.flag ?? ''}, ${row.note ?? null})`;
  }
}

/** Twelve (or `months`) monthly world totals of `value` each, for one flow and year. */
export function monthlyWorld(
  reporter: string,
  flow: 'export' | 'import',
  year: number,
  value: number,
  months = 12,
): TradeRow[] {
  return Array.from({ length: months }, (_, i) => ({
    source: MONTHLY,
    reporter,
    partner: 'AGG_WORLD',
    flow,
    year,
    period: `${year}-${String(i + 1).padStart(2, '0')}`,
    value,
  }));
}

export async function deleteReporterRows(sql: postgres.Sql, codes: readonly string[]): Promise<void> {
  await sql`DELETE FROM observation WHERE reporter_code IN ${sql(codes)} OR partner_code IN ${sql(codes)}`;
  await sql`DELETE FROM group_membership WHERE group_code IN ${sql(codes)} OR member_code IN ${sql(codes)}`;
  await sql`DELETE FROM official_source WHERE reporter_code IN ${sql(codes)}`;
  await sql`DELETE FROM series_break WHERE reporter_code IN ${sql(codes)}`;
  await refreshSeries(sql);
  await sql`DELETE FROM partner WHERE code IN ${sql(codes)}`;
}

/**
 * Gives a test reporter the official-series rule of Kazakhstan (official_source): the same sources
 * in the same order, so queries under that reporter read a relation built by the real view.
 */
export async function registerOfficialSources(sql: postgres.Sql, reporter: string): Promise<void> {
  await insertPartner(sql, reporter, `Test reporter ${reporter}`);
  await sql`
    INSERT INTO official_source (reporter_code, source_id, precedence, derived_from, world_total, note)
    SELECT ${reporter}, source_id, precedence, derived_from, world_total, note
    FROM official_source WHERE reporter_code = 'KAZ'
    ON CONFLICT DO NOTHING`;
}

/** Rebuilds the official series after a test inserted observations, as an import does. */
export async function refreshSeries(sql: postgres.Sql): Promise<void> {
  await sql.begin((tx) => refreshOfficialSeries(tx));
}
