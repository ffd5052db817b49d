import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '@/lib/testing/database';
import {
  BNS,
  BNS_EU27,
  deleteReporterRows,
  IMF,
  insertTradeRows,
  refreshSeries,
  registerOfficialSources,
  testReporterCode,
} from '@/lib/testing/trade-fixtures';
import {
  getCompareSeries,
  getGroupMembersOn,
  getPartnerOptions,
  getTopPartnersByTurnover,
  getTradeYearRange,
  getUsdPerEurRates,
} from './compare';

const sql = connectTestDatabase();
const R = testReporterCode('compare');

beforeAll(async () => {
  await registerOfficialSources(sql, R);
  await insertTradeRows(sql, [
    // IMF years, and 2020 in both IMF and the bureau: the bureau's table wins the whole year.
    { source: IMF, reporter: R, partner: 'CHN', flow: 'turnover', year: 2019, value: 100 },
    { source: IMF, reporter: R, partner: 'CHN', flow: 'turnover', year: 2020, value: 999 },
    { source: BNS, reporter: R, partner: 'CHN', flow: 'turnover', year: 2020, value: 150000, scale: 3 },
    { source: BNS, reporter: R, partner: 'CHN', flow: 'turnover', year: 2021, value: 200000, scale: 3 },
    { source: BNS, reporter: R, partner: 'CHN', flow: 'export', year: 2021, value: 120000, scale: 3 },
    { source: BNS, reporter: R, partner: 'CHN', flow: 'import', year: 2021, value: 80000, scale: 3 },
    // An IMF figure in a bureau year is never used: Russia has no export, so no balance.
    { source: IMF, reporter: R, partner: 'RUS', flow: 'export', year: 2021, value: 10 },
    { source: BNS, reporter: R, partner: 'RUS', flow: 'import', year: 2021, value: 20000, scale: 3 },
    { source: BNS, reporter: R, partner: 'RUS', flow: 'turnover', year: 2021, value: 50000, scale: 3 },
    // The EU: IMF writes AGG_EU, the derived bureau total AGG_EU27; one series either way.
    { source: IMF, reporter: R, partner: 'AGG_EU', flow: 'turnover', year: 2019, value: 300 },
    {
      source: BNS_EU27,
      reporter: R,
      partner: 'AGG_EU27',
      flow: 'turnover',
      year: 2021,
      value: 400000,
      scale: 3,
      derivation: 'DERIVED',
    },
    // World: the IMF publishes one (2019; its 2020 figure loses to the bureau's year). The bureau's
    // table has none: its total is the sum of its partner rows.
    { source: IMF, reporter: R, partner: 'AGG_WORLD', flow: 'turnover', year: 2019, value: 1000 },
    { source: IMF, reporter: R, partner: 'AGG_WORLD', flow: 'turnover', year: 2020, value: 900 },
  ]);
  await refreshSeries(sql);
});

afterAll(async () => {
  await deleteReporterRows(sql, [R]);
  await sql.end();
});

describe('getCompareSeries', () => {
  it('takes each year from one table, shows AGG_EU27 as the EU, and sums the bureau’s partners for its total', async () => {
    const data = await getCompareSeries({
      reporter: R,
      partners: ['CHN', 'AGG_EU'],
      flow: 'turnover',
      fromYear: 2019,
      toYear: 2022,
    });
    expect(data.partners.map((p) => p.code)).toEqual(['CHN', 'AGG_EU']);
    const chn = data.points.filter((p) => p.partnerCode === 'CHN').map((p) => [p.year, p.valueUsdMn, p.sourceId]);
    expect(chn).toEqual([
      [2019, 100, IMF],
      [2020, 150, BNS],
      [2021, 200, BNS],
    ]);
    expect(
      data.points.filter((p) => p.partnerCode === 'AGG_EU').map((p) => [p.year, p.valueUsdMn, p.sourceId]),
    ).toEqual([
      [2019, 300, IMF],
      [2021, 400, BNS_EU27],
    ]);
    // 2020 = China's 150 (the bureau's only partner that year, not the IMF's 900); 2021 = 200 + 50.
    expect(data.world.map((p) => [p.year, p.valueUsdMn, p.derivation, p.sourceId])).toEqual([
      [2019, 1000, 'PUBLISHED', IMF],
      [2020, 150, 'DERIVED', BNS],
      [2021, 250, 'DERIVED', BNS],
    ]);
  });

  it('computes the balance only where the year’s table has both sides', async () => {
    const data = await getCompareSeries({
      reporter: R,
      partners: ['CHN', 'RUS'],
      flow: 'balance',
      fromYear: 2019,
      toYear: 2022,
    });
    expect(data.points.map((p) => [p.partnerCode, p.year, p.valueUsdMn, p.derivation])).toEqual([
      ['CHN', 2021, 40, 'DERIVED'],
    ]);
    // World 2021: exports 120 (China), imports 80 + 20.
    expect(data.world.map((p) => [p.year, p.valueUsdMn])).toEqual([[2021, 20]]);
  });

  it('returns nothing for no partners', async () => {
    expect(await getCompareSeries({ reporter: R, partners: [], flow: 'export', fromYear: 2000, toYear: 2020 })).toEqual(
      {
        partners: [],
        points: [],
        world: [],
      },
    );
  });
});

describe('getTradeYearRange and getTopPartnersByTurnover', () => {
  it('ends the range at the last year with a world total', async () => {
    expect(await getTradeYearRange({ reporter: R })).toEqual({ minYear: 2019, maxYear: 2021 });
  });

  it('ranks countries only', async () => {
    const ranked = await getTopPartnersByTurnover({ reporter: R, year: 2021, limit: 5 });
    expect(ranked.map((r) => [r.code, r.turnoverUsdMn])).toEqual([
      ['CHN', 200],
      ['RUS', 50],
    ]);
  });
});

describe('reference reads', () => {
  it('lists every partner with the years of its series', async () => {
    const options = await getPartnerOptions({ reporter: R });
    expect(options.find((o) => o.code === 'CHN')).toMatchObject({ firstYear: 2019, lastYear: 2021, kind: 'COUNTRY' });
    expect(options.find((o) => o.code === 'AGG_EU')).toMatchObject({ firstYear: 2019, lastYear: 2021 });
    expect(options.find((o) => o.code === 'USA')).toMatchObject({ firstYear: null, lastYear: null });
  });

  it('reads the ECB rates as numbers', async () => {
    const { rates, sourceId } = await getUsdPerEurRates();
    expect(sourceId).toBe('ecb_eurofxref_annual');
    expect(rates.find((r) => r.year === 2023)).toEqual({ year: 2023, usdPerEur: 1.0813, isProvisional: false });
    expect(rates.find((r) => r.year === 2026)?.isProvisional).toBe(true);
  });

  it('lists group members on a date', async () => {
    const [eu, eaeu] = await getGroupMembersOn({ groupCodes: ['AGG_EU', 'AGG_EAEU'], date: '2019-06-30' });
    expect(eu?.memberCodes).toContain('GBR');
    expect(eu?.memberCodes).toHaveLength(28);
    expect(eaeu?.memberCodes).toEqual(['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS']);
    const [euLater] = await getGroupMembersOn({ groupCodes: ['AGG_EU'], date: '2021-01-01' });
    expect(euLater?.memberCodes).not.toContain('GBR');
  });
});
