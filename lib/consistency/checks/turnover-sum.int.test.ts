import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, inEnglish, setUpReporter, statOf, tearDown, valueOf } from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { sharedRows } from '@/lib/testing/shared-data';
import { IMF, insertTradeRows } from '@/lib/testing/trade-fixtures';
import { getTurnoverSumCheck } from './turnover-sum';

const sql = connectTestDatabase();

/** Derived turnover rows with an export and an import row of the same key, in the official sources' files. */
function pairedDerivedTurnover(): number {
  let paired = 0;
  for (const file of [
    'imf_dots_kaz_reported.csv',
    'imf_dots_mirror_partner_reported.csv',
    'bns_trade_by_partner_2020_2025.csv',
    'derived_eu27_from_bns_2020_2025.csv',
  ]) {
    const rows = sharedRows(file);
    const key = (r: (typeof rows)[number]) => [r.reporter_code, r.partner_code, r.year, r.period, r.unit].join('|');
    const flows = new Map<string, Set<string>>();
    for (const r of rows) flows.set(key(r), (flows.get(key(r)) ?? new Set()).add(r.flow));
    paired += rows.filter(
      (r) =>
        r.flow === 'turnover' &&
        r.flag.startsWith('derived') &&
        flows.get(key(r))?.has('export') &&
        flows.get(key(r))?.has('import'),
    ).length;
  }
  return paired;
}

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('recomputes every derived turnover row of the official sources, without a mismatch', async () => {
    const check = inEnglish(await getTurnoverSumCheck());
    expect(check.outcome).toBe('pass');
    expect(statOf(check, 'rows checked')).toBe(pairedDerivedTurnover());
    expect(statOf(check, 'mismatches')).toBe(0);
    // The article's turnover figures worked back from a stated growth have no export/import pair.
    const unpaired = check.items.filter((i) => i.outcome === 'info');
    expect(unpaired.length).toBeGreaterThan(0);
    for (const item of unpaired) expect(item.values[0]?.sourceIds[0]).toMatch(/^article:/);
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'tsum');
    await insertTradeRows(sql, [
      // 10 + 5 stored as 16: a mismatch; 10 + 5 = 15 in 2032: fine.
      { source: IMF, reporter, partner: 'CHN', flow: 'export', year: 2031, value: 10 },
      { source: IMF, reporter, partner: 'CHN', flow: 'import', year: 2031, value: 5 },
      { source: IMF, reporter, partner: 'CHN', flow: 'turnover', year: 2031, value: 16, derivation: 'DERIVED' },
      { source: IMF, reporter, partner: 'CHN', flow: 'export', year: 2032, value: 10 },
      { source: IMF, reporter, partner: 'CHN', flow: 'import', year: 2032, value: 5 },
      { source: IMF, reporter, partner: 'CHN', flow: 'turnover', year: 2032, value: 15, derivation: 'DERIVED' },
    ]);
  });

  afterAll(() => tearDown(sql, [reporter]));

  it('fails a derived turnover that is not export + import, and lists it', async () => {
    const check = inEnglish(await getTurnoverSumCheck());
    expect(check.outcome).toBe('fail');
    expect(statOf(check, 'mismatches')).toBe(1);
    const entry = findItem(check, (i) => i.outcome === 'fail' && i.title === `${reporter} → CHN turnover, FY 2031`);
    expect(entry.difference).toMatchObject({ value: 1_000_000, unit: 'USD' });
    expect(valueOf(entry, 'export + import')?.value).toBe(15_000_000);
    expect(findItem(check, (i) => i.key === `turnover-sum:source:${IMF}`).outcome).toBe('fail');
    expect(check.items.some((i) => i.title === `${reporter} → CHN turnover, FY 2032`)).toBe(false);
  });
});
