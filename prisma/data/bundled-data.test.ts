// The bundled dataset must match ../shared/data (which sits beside the project, as in CI)
// wherever both have a file, column for column in the tidy layout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { TIDY_COLUMNS } from '@/lib/import/tidy-row';
import { sharedDir } from '@/lib/testing/shared-dir';

const BUNDLED = path.join(import.meta.dirname, 'observations');
const SHARED = path.join(sharedDir(), 'data');
type Row = Record<string, string>;
const read = (file: string) => parse(readFileSync(file), { columns: true, bom: true }) as Row[];
const tidy = (rows: Row[]) => rows.map((r) => TIDY_COLUMNS.map((c) => r[c] ?? ''));

describe('bundled observations', () => {
  const files = readdirSync(BUNDLED).filter((f) => f.endsWith('.csv'));

  it('has the shared data files beside the project to compare with', () => {
    expect(existsSync(SHARED), `expected ${SHARED}`).toBe(true);
    expect(files.length).toBe(7);
  });

  it.each(files)('%s equals ../shared/data on the 13 tidy columns', (file) => {
    const bundled = read(path.join(BUNDLED, file));
    const shared = read(path.join(SHARED, file));
    expect(bundled.length).toBe(shared.length);
    expect(tidy(bundled)).toEqual(tidy(shared));
  });

  it('bundles the ECB exchange rates unchanged', () => {
    expect(readFileSync(path.join(import.meta.dirname, 'reference', 'fx_eur_usd_annual.csv'), 'utf8'))
      .toBe(readFileSync(path.join(SHARED, 'fx_eur_usd_annual.csv'), 'utf8'));
  });

  it('names every reporter and partner code it uses, and every source', () => {
    const partners = new Set(read(path.join(import.meta.dirname, 'reference', 'partners.csv')).map((r) => r.code));
    const sources = new Set(read(path.join(import.meta.dirname, 'reference', 'sources.csv')).map((r) => r.id));
    // Misses are collected and compared once: an expect per cell (~60,000) took seconds on a busy machine.
    const missing: string[] = [];
    for (const file of files) {
      for (const r of read(path.join(BUNDLED, file))) {
        if (r.reporter_code && !partners.has(r.reporter_code)) missing.push(`${file}: reporter ${r.reporter_code}`);
        if (!partners.has(r.partner_code ?? '')) missing.push(`${file}: partner ${r.partner_code}`);
        if (!sources.has(r.source_id ?? '')) missing.push(`${file}: source ${r.source_id}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
