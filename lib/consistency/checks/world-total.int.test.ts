import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findItem, inEnglish, setUpReporter, statOf, tearDown, valueOf } from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { sharedRows, sharedRowsFor, sharedValue } from '@/lib/testing/shared-data';
import { BNS, IMF, insertTradeRows, monthlyWorld, refreshSeries } from '@/lib/testing/trade-fixtures';
import { getWorldTotalCheck } from './world-total';

const sql = connectTestDatabase();
const BNS_FILE = 'bns_trade_by_partner_2020_2025.csv';
const MONTHLY_FILE = 'bns_total_trade_monthly_2019_2026.csv';

/** The bureau's partner rows of a year and flow, summed (the table has no world row). */
const bureauTotal = (flow: string, year: number) =>
  sharedRowsFor(BNS_FILE, flow, year).reduce((sum, row) => sum + Number(row.value) * Number(row.scale), 0);

/** The bureau's twelve monthly totals of a year, summed. */
const monthlyTotal = (flow: string, year: number) => {
  const months = sharedRows(MONTHLY_FILE).filter((r) => r.flow === flow && r.year === String(year));
  expect(months).toHaveLength(12);
  return months.reduce((sum, row) => sum + Number(row.value) * Number(row.scale), 0);
};

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('sets the total the screens show against the bureau’s monthly totals, 2019 to 2025', async () => {
    const check = inEnglish(await getWorldTotalCheck());
    expect(check.values).toEqual({ pct: 0.1 });
    // 7 years (2019-2025 have twelve months each) × export, import, turnover.
    expect(statOf(check, 'years × flows compared')).toBe(21);
    expect(check.outcome).toBe('pass');
  });

  it('says the screens show the IMF’s 2019 total, and lists the bureau’s monthly sum beside it, ungraded', async () => {
    const check = inEnglish(await getWorldTotalCheck());
    const exports2019 = findItem(check, (i) => i.title === 'KAZ → AGG_WORLD exports, FY 2019');
    expect(exports2019.outcome).toBe('info');
    const shown = valueOf(exports2019, 'shown on the screens (official series)');
    expect(shown?.sourceIds).toEqual([IMF]);
    expect(shown?.value).toBeCloseTo(
      sharedValue('imf_dots_kaz_reported.csv', { partner: 'AGG_WORLD', flow: 'export', year: 2019 }),
      0,
    );
    expect(valueOf(exports2019, 'sum of the bureau’s monthly totals')?.value).toBeCloseTo(
      monthlyTotal('export', 2019),
      0,
    );
  });

  it('shows the bureau’s 2020 total (its partner rows summed), which agrees with its monthly totals', async () => {
    const check = inEnglish(await getWorldTotalCheck());
    for (const flow of ['export', 'import'] as const) {
      const item = findItem(check, (i) => i.title === `KAZ → AGG_WORLD ${flow}s, FY 2020`);
      expect(item.outcome).toBe('pass');
      const shown = valueOf(item, 'shown on the screens (official series)');
      expect(shown?.sourceIds).toEqual([BNS]);
      expect(shown?.value).toBeCloseTo(bureauTotal(flow, 2020), -1);
      expect(valueOf(item, 'sum of the bureau’s monthly totals')?.value).toBeCloseTo(monthlyTotal(flow, 2020), 0);
    }
    // Issue 13: the bureau's 2020 total is USD 86,469.8 million (the IMF's 85,069.7 is not shown).
    const turnover = findItem(check, (i) => i.title === 'KAZ → AGG_WORLD turnover, FY 2020');
    expect((valueOf(turnover, 'shown on the screens (official series)')?.value ?? 0) / 1e6).toBeCloseTo(86_469.8, 1);
  });

  it('grades the rounding-level 2023 import difference by the tolerance: a pass, not a failure', async () => {
    const check = inEnglish(await getWorldTotalCheck());
    const imports2023 = findItem(check, (i) => i.title === 'KAZ → AGG_WORLD imports, FY 2023');
    const difference = monthlyTotal('import', 2023) - bureauTotal('import', 2023);
    // The two bureau products differ (by USD 0.17 million), but by far less than 0.1 %.
    expect(Math.abs(difference)).toBeGreaterThan(1e5);
    expect(Math.abs(difference) / bureauTotal('import', 2023)).toBeLessThan(1e-3);
    expect(imports2023.outcome).toBe('pass');
    expect(imports2023.difference?.value).toBeCloseTo(difference, -2);
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'world');
    await insertTradeRows(sql, [
      // 2031: the partner table sums to 120 + 60; the months to 12 × 10 and 12 × 5 (agree).
      { source: BNS, reporter, partner: 'CHN', flow: 'export', year: 2031, value: 100000, scale: 3 },
      { source: BNS, reporter, partner: 'RUS', flow: 'export', year: 2031, value: 20000, scale: 3 },
      { source: BNS, reporter, partner: 'CHN', flow: 'import', year: 2031, value: 60000, scale: 3 },
      // The table's turnover rows: export + import where both sides are published.
      { source: BNS, reporter, partner: 'CHN', flow: 'turnover', year: 2031, value: 160000, scale: 3 },
      { source: BNS, reporter, partner: 'RUS', flow: 'turnover', year: 2031, value: 20000, scale: 3 },
      ...monthlyWorld(reporter, 'export', 2031, 10),
      ...monthlyWorld(reporter, 'import', 2031, 5),
      // 2032: the months add up to 2 % more than the partner table.
      { source: BNS, reporter, partner: 'CHN', flow: 'export', year: 2032, value: 100000, scale: 3 },
      { source: BNS, reporter, partner: 'CHN', flow: 'import', year: 2032, value: 50000, scale: 3 },
      { source: BNS, reporter, partner: 'CHN', flow: 'turnover', year: 2032, value: 150000, scale: 3 },
      ...monthlyWorld(reporter, 'export', 2032, 8.5),
      ...monthlyWorld(reporter, 'import', 2032, 50 / 12),
      // 2033: eleven months only: never an annual figure.
      { source: BNS, reporter, partner: 'CHN', flow: 'export', year: 2033, value: 100000, scale: 3 },
      ...monthlyWorld(reporter, 'export', 2033, 10, 11),
    ]);
    await refreshSeries(sql);
  });

  afterAll(() => tearDown(sql, [reporter]));

  it('passes agreeing totals, asks for review beyond 0.1 %, and never sums a year with a month missing', async () => {
    const check = inEnglish(await getWorldTotalCheck({ reporter }));
    const title = (flow: string, year: number) => `${reporter} → AGG_WORLD ${flow}, FY ${year}`;
    expect(findItem(check, (i) => i.title === title('exports', 2031)).outcome).toBe('pass');
    expect(findItem(check, (i) => i.title === title('turnover', 2031)).outcome).toBe('pass');
    const off = findItem(check, (i) => i.title === title('exports', 2032));
    expect(off.outcome).toBe('review');
    expect(off.difference?.relative).toBeCloseTo(0.02, 6);
    expect(check.items.some((i) => i.title.endsWith('FY 2033'))).toBe(false);
    expect(check.outcome).toBe('review');
  });
});
