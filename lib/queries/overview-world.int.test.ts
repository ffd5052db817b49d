import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '@/lib/testing/database';
import {
  BNS,
  BNS_EU27,
  deleteReporterRows,
  IMF,
  insertTradeRows,
  MONTHLY,
  monthlyWorld,
  refreshSeries,
  registerOfficialSources,
  testReporterCode,
  type TradeRow,
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

/** Export, import and turnover of one partner and year from one source. */
const flows = (source: string, partner: string, year: number, exp: number, imp: number): TradeRow[] => [
  { source, reporter: R, partner, flow: 'export', year, value: exp },
  { source, reporter: R, partner, flow: 'import', year, value: imp },
  { source, reporter: R, partner, flow: 'turnover', year, value: exp + imp, derivation: 'DERIVED' },
];

beforeAll(async () => {
  await registerOfficialSources(sql, R);
  await insertTradeRows(sql, [
    // 2020: the IMF's year, with its published world total.
    ...flows(IMF, 'AGG_WORLD', 2020, 60, 40),
    // 2021-2022: the bureau's years. Its table has no world row: the total is the sum of its partners.
    ...flows(BNS, 'CHN', 2021, 30, 15),
    ...flows(BNS, 'DEU', 2022, 30, 10),
    ...flows(BNS, 'FRA', 2022, 15, 5),
    ...flows(BNS, 'CHN', 2022, 35, 15),
    ...flows(BNS, 'RUS', 2022, 10, 20),
    // The EU block (a group, never part of the sum): Germany and France.
    ...flows(BNS_EU27, 'AGG_EU27', 2022, 45, 15),
    // The IMF also has 2022 figures: a year is taken whole from the best table, so these never show.
    ...flows(IMF, 'AGG_WORLD', 2022, 900, 99),
    ...flows(IMF, 'CHN', 2022, 500, 1),
    // The bureau's monthly totals: a product of their own, used only for the part-year comparison.
    ...monthlyWorld(R, 'export', 2021, 10),
    ...monthlyWorld(R, 'import', 2021, 5),
    ...monthlyWorld(R, 'export', 2022, 12),
    ...monthlyWorld(R, 'import', 2022, 4),
    ...monthlyWorld(R, 'export', 2023, 20, 3),
    ...monthlyWorld(R, 'import', 2023, 10, 3),
  ]);
  await refreshSeries(sql);
});

afterAll(async () => {
  await deleteReporterRows(sql, [R]);
  await sql.end();
});

describe('getWorldHeadline', () => {
  it('gives the latest year with the change on the year before, from the partner table’s own total', async () => {
    const headline = await getWorldHeadline({ reporter: R });
    expect(headline.year).toBe(2022);
    const byFlow = Object.fromEntries(headline.figures.map((f) => [f.flow, f]));
    // 2022: 40 + 20 + 50 + 30 (the EU block is a group and not added); 2021: China alone.
    expect(byFlow.turnover).toMatchObject({ valueUsdMn: 140, previousUsdMn: 45, sourceId: BNS, isDerived: true });
    expect(byFlow.turnover?.change).toBeCloseTo(95 / 45, 12);
    expect(byFlow.export).toMatchObject({ valueUsdMn: 90, previousUsdMn: 30 });
    expect(byFlow.import).toMatchObject({ valueUsdMn: 50, previousUsdMn: 15 });
    expect(byFlow.balance).toMatchObject({ valueUsdMn: 40, previousUsdMn: 15 });
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
      [OTHER_PARTNERS_KEY, 30],
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
    expect(other2022?.valueUsdMn).toBe(140 - 50 - 40 - 30);
  });
});

describe('getPartnerTable on the official series', () => {
  it('takes shares of the same table’s total and credits its source', async () => {
    const table = await getPartnerTable({ reporter: R, year: 2022, sort: 'turnover', dir: 'desc', partners: 'all' });
    expect(table.worldTurnoverUsdMn).toBe(140);
    expect(table).toMatchObject({ worldSourceId: BNS, worldIsDerived: true });
    expect(table.sourceIds).toEqual([BNS, BNS_EU27].sort());
    expect(table.rows.find((r) => r.code === 'AGG_EU')).toMatchObject({
      turnoverUsdMn: 60,
      turnoverIsDerived: true,
      shareOfWorld: 60 / 140,
    });
    expect(table.rows.find((r) => r.code === 'CHN')).toMatchObject({ turnoverUsdMn: 50, sourceIds: [BNS] });
  });

  it('takes an IMF year whole from the IMF, total included', async () => {
    const table = await getPartnerTable({ reporter: R, year: 2020, sort: 'turnover', dir: 'desc', partners: 'all' });
    expect(table).toMatchObject({ worldTurnoverUsdMn: 100, worldSourceId: IMF, worldIsDerived: true });
  });
});
