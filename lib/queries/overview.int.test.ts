import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestDatabase } from '@/lib/testing/database';
import {
  deleteReporterRows,
  IMF,
  refreshSeries,
  registerOfficialSources,
  testReporterCode,
} from '@/lib/testing/trade-fixtures';
import { getAvailableYears, getPartnerTable, getSourceAttribution, getTopPartnersTurnoverSeries } from './overview';

// The tests own their rows: a reporter and a source of their own (unique per worker), so the
// bundled data in the seeded database never changes what they see, and they never change what
// others see. The reporter's official series has Kazakhstan's rule; its rows are the IMF's.
const sql = connectTestDatabase();
const R = testReporterCode('overview_table');
const SOURCE = `test_overview_${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;

interface FixtureRow {
  partner: string;
  flow: 'export' | 'import' | 'turnover';
  year: number;
  value: string;
  scale?: number;
  period?: string;
  unit?: string;
  estimate?: boolean;
}

const ROWS: FixtureRow[] = [
  // World total; 2020 published in USD thousand, to prove the scale is applied.
  { partner: 'AGG_WORLD', flow: 'turnover', year: 2019, value: '100' },
  { partner: 'AGG_WORLD', flow: 'turnover', year: 2020, value: '200000', scale: 3 },
  { partner: 'RUS', flow: 'turnover', year: 2019, value: '30' },
  { partner: 'RUS', flow: 'export', year: 2020, value: '20' },
  { partner: 'RUS', flow: 'import', year: 2020, value: '30', estimate: true },
  { partner: 'RUS', flow: 'turnover', year: 2020, value: '50', estimate: true },
  // China has no 2019 value: a gap, not a zero.
  { partner: 'CHN', flow: 'turnover', year: 2020, value: '40' },
  { partner: 'DEU', flow: 'turnover', year: 2020, value: '10' },
  // The EU is bigger than China but is a group: never ranked among partner countries.
  { partner: 'AGG_EU', flow: 'turnover', year: 2020, value: '45' },
  // Export only: no turnover, so it sorts last whatever the direction.
  { partner: 'USA', flow: 'export', year: 2020, value: '5' },
  // Neither a month nor a euro figure may enter an annual USD total.
  { partner: 'DEU', flow: 'turnover', year: 2020, value: '999', period: '2020-01' },
  { partner: 'ITA', flow: 'turnover', year: 2020, value: '999', unit: 'EUR' },
];

beforeAll(async () => {
  await registerOfficialSources(sql, R);
  await sql`
    INSERT INTO source (id, kind, title, publisher, url, attribution, vintage)
    VALUES (${SOURCE}, 'STATISTICAL_DATASET', 'Test source', 'Test publisher', 'https://example.org/', 'Test attribution.', 'test vintage')`;
  for (const row of ROWS) {
    const period = row.period ?? 'FY';
    await sql`
      INSERT INTO observation (source_id, reporter_code, partner_code, indicator_code, year, period, period_kind, period_key,
                               value, unit, scale, is_estimate)
      VALUES (${IMF}, ${R}, ${row.partner}, ${row.flow}, ${row.year}, ${period}, ${period === 'FY' ? 'YEAR' : 'MONTH'},
              ${`${row.year}|${period}`}, ${row.value}, ${row.unit ?? 'USD'}, ${row.scale ?? 6},
              ${row.estimate ?? false})`;
  }
  await refreshSeries(sql);
});

afterAll(async () => {
  await deleteReporterRows(sql, [R]);
  await sql`DELETE FROM source WHERE id = ${SOURCE}`;
  await sql.end();
});

describe('getTopPartnersTurnoverSeries', () => {
  it('ranks partner countries in the latest year, adds the world total, and converts to USD million', async () => {
    const series = await getTopPartnersTurnoverSeries({
      reporter: R,
      top: 2,
      fromYear: 1992,
      toYear: 2030,
    });
    expect(series.rankYear).toBe(2020);
    expect(series.partners.map((partner) => partner.code)).toEqual(['AGG_WORLD', 'RUS', 'CHN']);
    expect(series.partners[0]).toMatchObject({ isWorld: true, rank: 0 });
    const pick = (partnerCode: string) =>
      series.points
        .filter((point) => point.partnerCode === partnerCode)
        .map(({ year, valueUsdMn }) => ({ year, valueUsdMn }));
    expect(pick('AGG_WORLD')).toContainEqual({ year: 2020, valueUsdMn: 200 });
    expect(pick('RUS')).toContainEqual({ year: 2020, valueUsdMn: 50 });
    expect(pick('CHN')).toEqual([{ year: 2020, valueUsdMn: 40 }]);
    expect(series.points[0]).toMatchObject({ sourceId: IMF, derivation: 'PUBLISHED' });
    expect(series.points.every((point) => point.valueUsdMn !== 999)).toBe(true);
    expect([series.fromYear, series.toYear]).toEqual([2019, 2020]);
    expect(series.sourceIds).toEqual([IMF]);
  });

  it('respects the year range', async () => {
    const series = await getTopPartnersTurnoverSeries({
      reporter: R,
      top: 2,
      fromYear: 2019,
      toYear: 2019,
    });
    expect(series.rankYear).toBe(2019);
    expect(series.points.every((point) => point.year === 2019)).toBe(true);
  });

  it('returns an empty series, not an error, for a reporter without data', async () => {
    const series = await getTopPartnersTurnoverSeries({
      reporter: `${R}_none`,
      fromYear: 1992,
      toYear: 2030,
    });
    expect(series).toMatchObject({ partners: [], points: [], rankYear: null, fromYear: null, sourceIds: [] });
  });
});

describe('getPartnerTable', () => {
  const base = { reporter: R, year: 2020, partners: 'countries' } as const;

  it('lists countries with export, import, turnover and share of the world total', async () => {
    const table = await getPartnerTable({ ...base, sort: 'turnover', dir: 'desc' });
    expect(table.year).toBe(2020);
    expect(table.worldTurnoverUsdMn).toBe(200);
    expect(table.rows.map((row) => row.code)).toEqual(['RUS', 'CHN', 'DEU', 'USA']);
    expect(table.rows[0]).toMatchObject({
      exportUsdMn: 20,
      importUsdMn: 30,
      turnoverUsdMn: 50,
      shareOfWorld: 0.25,
      exportIsEstimate: false,
      importIsEstimate: true,
      turnoverIsEstimate: true,
      exportIsDerived: false,
      sourceIds: [IMF],
    });
    expect(table.worldSourceId).toBe(IMF);
    expect(table.rows[3]).toMatchObject({
      code: 'USA',
      exportUsdMn: 5,
      importUsdMn: null,
      turnoverUsdMn: null,
      shareOfWorld: null,
    });
    expect(table.total).toBe(4);
  });

  it('keeps missing values last in ascending order too', async () => {
    const table = await getPartnerTable({ ...base, sort: 'turnover', dir: 'asc' });
    expect(table.rows.map((row) => row.code)).toEqual(['DEU', 'CHN', 'RUS', 'USA']);
  });

  it('sorts by name and filters by partner kind', async () => {
    const byName = await getPartnerTable({ ...base, partners: 'all', sort: 'name', dir: 'asc' });
    const names = byName.rows.map((row) => row.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const groups = await getPartnerTable({ ...base, partners: 'groups', sort: 'share', dir: 'desc' });
    expect(groups.rows.map((row) => [row.code, row.shareOfWorld])).toEqual([
      ['AGG_WORLD', 1],
      ['AGG_EU', 0.225],
    ]);
  });

  it('defaults to the latest year with data', async () => {
    const table = await getPartnerTable({ ...base, year: undefined, sort: 'turnover', dir: 'desc' });
    expect(table.year).toBe(2020);
  });
});

describe('getAvailableYears and getSourceAttribution', () => {
  it('lists annual years only', async () => {
    expect(await getAvailableYears({ reporter: R })).toEqual([2019, 2020]);
  });

  it('returns how to credit each source, in the order asked', async () => {
    expect(await getSourceAttribution([SOURCE, 'no_such_source'])).toEqual([
      {
        id: SOURCE,
        title: 'Test source',
        publisher: 'Test publisher',
        url: 'https://example.org/',
        attribution: 'Test attribution.',
        vintage: 'test vintage',
        publishedOn: null,
      },
    ]);
  });
});
