import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { connectTestDatabase } from '@/lib/testing/database';
import {
  BNS,
  BNS_EU27,
  deleteReporterRows,
  IMF,
  insertPartner,
  insertTradeRows,
  MONTHLY,
  monthlyWorld,
  testReporterCode,
} from '@/lib/testing/trade-fixtures';
import {
  getPartnerTable,
  getTurnoverComposition,
  getWorldHeadline,
  getYearToDate,
  OTHER_PARTNERS_KEY,
} from './overview';

const sql = connectTestDatabase();
const R = testReporterCode('overview');

beforeAll(async () => {
  await insertPartner(sql, R, 'Test reporter');
  await insertTradeRows(sql, [
    // 2020: IMF world total; 2021-2022 from twelve months; 2023 has three months only.
    { source: IMF, reporter: R, partner: 'AGG_WORLD', flow: 'export', year: 2020, value: 60 },
    { source: IMF, reporter: R, partner: 'AGG_WORLD', flow: 'import', year: 2020, value: 40 },
    { source: IMF, reporter: R, partner: 'AGG_WORLD', flow: 'turnover', year: 2020, value: 100, derivation: 'DERIVED' },
    ...monthlyWorld(R, 'export', 2021, 10),
    ...monthlyWorld(R, 'import', 2021, 5),
    ...monthlyWorld(R, 'export', 2022, 12),
    ...monthlyWorld(R, 'import', 2022, 4),
    ...monthlyWorld(R, 'export', 2023, 20, 3),
    ...monthlyWorld(R, 'import', 2023, 10, 3),
    // Partners in 2022: the EU block is 60, of which Germany 40 and France 20.
    { source: BNS, reporter: R, partner: 'DEU', flow: 'turnover', year: 2022, value: 40 },
    { source: BNS, reporter: R, partner: 'FRA', flow: 'turnover', year: 2022, value: 20 },
    {
      source: BNS_EU27,
      reporter: R,
      partner: 'AGG_EU27',
      flow: 'turnover',
      year: 2022,
      value: 60,
      derivation: 'DERIVED',
    },
    { source: BNS, reporter: R, partner: 'CHN', flow: 'turnover', year: 2022, value: 50 },
    { source: BNS, reporter: R, partner: 'RUS', flow: 'turnover', year: 2022, value: 30 },
    { source: BNS, reporter: R, partner: 'CHN', flow: 'turnover', year: 2021, value: 45 },
  ]);
});

afterAll(async () => {
  await deleteReporterRows(sql, [R]);
  await sql.end();
  await db.$disconnect();
});

describe('getWorldHeadline', () => {
  it('gives the latest complete year with the change on the year before, and marks derived totals', async () => {
    const headline = await getWorldHeadline({ reporter: R });
    expect(headline.year).toBe(2022);
    const byFlow = Object.fromEntries(headline.figures.map((f) => [f.flow, f]));
    expect(byFlow.turnover).toMatchObject({ valueUsdMn: 192, previousUsdMn: 180, sourceId: MONTHLY, isDerived: true });
    expect(byFlow.turnover?.change).toBeCloseTo(12 / 180, 12);
    expect(byFlow.export).toMatchObject({ valueUsdMn: 144, previousUsdMn: 120 });
    expect(byFlow.balance).toMatchObject({ valueUsdMn: 96, previousUsdMn: 60 });
    expect(headline.figures.map((f) => f.flow)).toEqual(['turnover', 'export', 'import', 'balance']);
  });
});

describe('getYearToDate', () => {
  it('sums the same months of every year for the partial latest year', async () => {
    const ytd = await getYearToDate({ reporter: R });
    expect(ytd).toMatchObject({ year: 2023, firstMonth: 1, lastMonth: 3, sourceId: MONTHLY });
    expect(ytd?.rows).toEqual([
      { year: 2021, exportUsdMn: 30, importUsdMn: 15, turnoverUsdMn: 45, balanceUsdMn: 15 },
      { year: 2022, exportUsdMn: 36, importUsdMn: 12, turnoverUsdMn: 48, balanceUsdMn: 24 },
      { year: 2023, exportUsdMn: 60, importUsdMn: 30, turnoverUsdMn: 90, balanceUsdMn: 30 },
    ]);
  });
});

describe('getTurnoverComposition', () => {
  const base = { reporter: R, top: 2, fromYear: 2020, toYear: 2022 } as const;

  it('shows the EU as one block and leaves its members out of the ranking', async () => {
    const composition = await getTurnoverComposition({ ...base, eu: 'block' });
    expect(composition.rankYear).toBe(2022);
    expect(composition.parts.map((p) => p.key)).toEqual(['AGG_EU', 'CHN', OTHER_PARTNERS_KEY]);
    const in2022 = composition.points.filter((p) => p.year === 2022);
    expect(in2022.map((p) => [p.key, p.valueUsdMn])).toEqual([
      ['AGG_EU', 60],
      ['CHN', 50],
      [OTHER_PARTNERS_KEY, 82],
    ]);
    // The parts add up to the whole: nothing counted twice, nothing lost.
    expect(in2022.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 12);
    // 2021: the EU has no figure, so its trade is inside "other"; 2020: neither has one.
    expect(composition.incompleteYears).toEqual([2020, 2021]);
  });

  it('shows the members instead of the block, never both', async () => {
    const composition = await getTurnoverComposition({ ...base, top: 3, eu: 'members' });
    expect(composition.parts.map((p) => p.key)).toEqual(['CHN', 'DEU', 'RUS', OTHER_PARTNERS_KEY]);
    const other2022 = composition.points.find((p) => p.year === 2022 && p.key === OTHER_PARTNERS_KEY);
    expect(other2022?.valueUsdMn).toBe(192 - 50 - 40 - 30);
  });
});

describe('getPartnerTable on the official series', () => {
  it('takes shares of the derived world total and credits its source', async () => {
    const table = await getPartnerTable({ reporter: R, year: 2022, sort: 'turnover', dir: 'desc', partners: 'all' });
    expect(table.worldTurnoverUsdMn).toBe(192);
    expect(table).toMatchObject({ worldSourceId: MONTHLY, worldIsDerived: true });
    expect(table.sourceIds).toEqual([BNS, BNS_EU27, MONTHLY].sort());
    expect(table.rows.find((r) => r.code === 'AGG_EU')).toMatchObject({
      turnoverUsdMn: 60,
      turnoverIsDerived: true,
      shareOfWorld: 60 / 192,
    });
  });
});
