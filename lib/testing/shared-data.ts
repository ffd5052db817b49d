// Figures read straight from ../shared/data (the files the bundled dataset was compiled from), so
// that tests state expected values from the data and never from the code under test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharedDir } from './shared-dir';

export interface SharedRow {
  source_id: string;
  reporter_code: string;
  partner_code: string;
  year: string;
  period: string;
  flow: string;
  value: string;
  unit: string;
  scale: string;
  flag: string;
  note: string;
}

const cache = new Map<string, SharedRow[]>();

export function sharedRows(file: string): SharedRow[] {
  let rows = cache.get(file);
  if (!rows) {
    rows = parse(readFileSync(path.join(sharedDir(), 'data', file)), { columns: true, bom: true }) as SharedRow[];
    cache.set(file, rows);
  }
  return rows;
}

export interface SharedKey {
  reporter?: string;
  partner: string;
  flow: string;
  year: number;
  /** 'FY' unless given. */
  period?: string;
}

const matches = (row: SharedRow, key: SharedKey) =>
  row.reporter_code === (key.reporter ?? 'KAZ') &&
  row.partner_code === key.partner &&
  row.flow === key.flow &&
  row.year === String(key.year) &&
  row.period === (key.period ?? 'FY');

/** The one value of `file` under `key`, in absolute units (value × scale); throws when absent. */
export function sharedValue(file: string, key: SharedKey): number {
  const found = sharedRows(file).filter((row) => matches(row, key));
  if (found.length !== 1) throw new Error(`${found.length} rows for ${JSON.stringify(key)} in ${file}`);
  const [row] = found as [SharedRow];
  return Number(row.value) * Number(row.scale);
}

/** The ECB annual average of `fx_eur_usd_annual.csv` (its own layout), as written there. */
export function ecbRate(year: number): string {
  const rows = parse(readFileSync(path.join(sharedDir(), 'data', 'fx_eur_usd_annual.csv')), {
    columns: true,
    bom: true,
  }) as { year: string; usd_per_eur: string }[];
  const row = rows.find((r) => r.year === String(year));
  if (!row) throw new Error(`no ECB rate for ${year}`);
  return row.usd_per_eur;
}

/** Every row of `file` for a flow and year (all partners), for sums and counts. */
export function sharedRowsFor(file: string, flow: string, year: number, reporter = 'KAZ'): SharedRow[] {
  return sharedRows(file).filter(
    (row) => row.reporter_code === reporter && row.flow === flow && row.year === String(year) && row.period === 'FY',
  );
}
