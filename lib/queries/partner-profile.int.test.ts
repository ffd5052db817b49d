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
import { getNewsFigures } from './news-figures';
import {
  getGroupMemberTrade,
  getMirrorComparison,
  getPartner,
  getPartnerMemberships,
  getPartnerTrade,
} from './partner-profile';

const sql = connectTestDatabase();
const R = testReporterCode('profile');

beforeAll(async () => {
  await registerOfficialSources(sql, R);
  await insertTradeRows(sql, [
    { source: IMF, reporter: R, partner: 'NLD', flow: 'export', year: 2019, value: 3000 },
    { source: IMF, reporter: R, partner: 'NLD', flow: 'import', year: 2019, value: 200, estimate: true },
    { source: IMF, reporter: R, partner: 'NLD', flow: 'turnover', year: 2019, value: 3200, derivation: 'DERIVED' },
    { source: IMF, reporter: R, partner: 'NLD', flow: 'export', year: 2020, value: 3149 },
    { source: BNS, reporter: R, partner: 'NLD', flow: 'export', year: 2020, value: 3100 },
    { source: BNS, reporter: R, partner: 'NLD', flow: 'import', year: 2020, value: 240 },
    { source: BNS, reporter: R, partner: 'NLD', flow: 'turnover', year: 2020, value: 3340 },
    { source: BNS, reporter: R, partner: 'DEU', flow: 'turnover', year: 2020, value: 2000 },
    {
      source: BNS_EU27,
      reporter: R,
      partner: 'AGG_EU27',
      flow: 'turnover',
      year: 2020,
      value: 10000,
      derivation: 'DERIVED',
    },
    { source: IMF, reporter: R, partner: 'AGG_WORLD', flow: 'turnover', year: 2020, value: 40000 },
    // Mirror: the Netherlands reports its imports from the test reporter (= the reporter's exports).
    { source: IMF, reporter: 'NLD', partner: R, flow: 'import', year: 2020, value: 140 },
    { source: IMF, reporter: 'NLD', partner: R, flow: 'export', year: 2020, value: 673.7 },
  ]);
  await refreshSeries(sql);
});

afterAll(async () => {
  await deleteReporterRows(sql, [R]);
  await sql.end();
});

describe('getPartner', () => {
  it('finds partners and refuses codes that cannot exist', async () => {
    expect(await getPartner('DEU')).toMatchObject({ code: 'DEU', kind: 'COUNTRY' });
    expect(await getPartner('AGG_EU')).toMatchObject({ kind: 'GROUP' });
    expect(await getPartner('ZZZ')).toBeNull();
    expect(await getPartner("DEU'; --")).toBeNull();
  });
});

describe('getPartnerTrade', () => {
  it('reads the official series with balance, the world total and the rank among countries', async () => {
    const trade = await getPartnerTrade({ code: 'NLD', reporter: R });
    const in2020 = Object.fromEntries(
      trade.points.filter((p) => p.year === 2020).map((p) => [p.flow, [p.valueUsdMn, p.sourceId]]),
    );
    expect(in2020).toEqual({ export: [3100, BNS], import: [240, BNS], turnover: [3340, BNS], balance: [2860, BNS] });
    expect(trade.points.find((p) => p.year === 2019 && p.flow === 'import')?.isEstimate).toBe(true);
    // 2020 is the bureau's year: its total is the sum of its partner rows (3,340 + 2,000), not the IMF's 40,000.
    expect(trade.worldTurnover.map((p) => [p.year, p.valueUsdMn, p.sourceId])).toEqual([[2020, 5340, BNS]]);
    expect(trade.rank).toEqual({ year: 2020, rank: 1, of: 2 });
  });

  it('reads the EU under either code, with no rank', async () => {
    const eu27 = await getPartnerTrade({ code: 'AGG_EU27', reporter: R });
    const eu = await getPartnerTrade({ code: 'AGG_EU', reporter: R });
    expect(eu27.points).toEqual(eu.points);
    expect(eu.points.map((p) => [p.flow, p.valueUsdMn])).toEqual([['turnover', 10000]]);
    expect(eu.rank).toBeNull();
  });
});

describe('getMirrorComparison', () => {
  it('puts both sides of the same flow next to each other, from one source', async () => {
    const mirror = await getMirrorComparison({ code: 'NLD', reporter: R });
    expect(mirror.sourceId).toBe(IMF);
    expect(mirror.years).toEqual([
      {
        year: 2019,
        kazExportUsdMn: 3000,
        partnerImportUsdMn: null,
        kazImportUsdMn: 200,
        partnerExportUsdMn: null,
        hasEstimate: true,
      },
      // IMF's own 2020 export (3,149), not the bureau's (3,100): one database on both sides.
      {
        year: 2020,
        kazExportUsdMn: 3149,
        partnerImportUsdMn: 140,
        kazImportUsdMn: null,
        partnerExportUsdMn: 673.7,
        hasEstimate: false,
      },
    ]);
  });
});

describe('getGroupMemberTrade', () => {
  it('gives members as shares of the group’s own figure, without summing them', async () => {
    const members = await getGroupMemberTrade({ code: 'AGG_EU', reporter: R });
    expect(members.year).toBe(2020);
    expect(members.groupTurnoverUsdMn).toBe(10000);
    expect(members.members.map((m) => [m.code, m.turnoverUsdMn, m.shareOfGroup])).toEqual([
      ['NLD', 3340, 0.334],
      ['DEU', 2000, 0.2],
    ]);
  });
});

describe('bundled references', () => {
  it('lists memberships both ways, with periods', async () => {
    const gbr = await getPartnerMemberships('GBR');
    expect(gbr.groups.find((g) => g.groupCode === 'AGG_EU')).toMatchObject({
      validFrom: '1973-01-01',
      validTo: '2020-01-31',
    });
    const eu = await getPartnerMemberships('AGG_EU');
    expect(eu.members).toHaveLength(28);
    expect(eu.members[0]).toMatchObject({ validFrom: '1958-01-01', validTo: null });
  });

  it('finds news figures under both EU codes, and the partner’s own statistics when asked', async () => {
    const eu = await getNewsFigures({
      partnerCodes: ['AGG_EU'],
      indicators: ['fdi_gross_inflow', 'fdi_cumulative_inflow'],
    });
    expect(eu.some((f) => f.partnerCode === 'AGG_EU27' && f.indicatorCode === 'fdi_gross_inflow')).toBe(true);
    const china = await getNewsFigures({ partnerCodes: ['CHN'], includeMirror: true, indicators: ['turnover'] });
    expect(china.some((f) => f.reporterCode === 'CHN' && f.partnerCode === 'KAZ')).toBe(true);
    expect(china.find((f) => f.value === '31.2')).toMatchObject({ unit: 'USD', scale: 9, valueUsdMn: 31200 });
    const euro = await getNewsFigures({ partnerCodes: ['DEU'], includeMirror: true, indicators: ['turnover'] });
    expect(euro.find((f) => f.unit === 'EUR')?.valueUsdMn).toBeNull();
  });
});
