import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleValue } from '@/lib/testing/article-data';
import {
  findItem,
  inEnglish,
  insertSource,
  setUpReporter,
  tearDown,
  valueOf,
} from '@/lib/testing/consistency-fixtures';
import { connectTestDatabase } from '@/lib/testing/database';
import { sharedValue } from '@/lib/testing/shared-data';
import { BNS_EU27, IMF, insertTradeRows, refreshSeries, type TradeRow } from '@/lib/testing/trade-fixtures';
import { getStatedGrowthCheck } from './stated-growth';

const sql = connectTestDatabase();

afterAll(async () => {
  await sql.end();
});

describe('on the bundled data', () => {
  it('checks the EU’s +38 % of 2022 against the official series’ 2021 EU, not against its own implied base', async () => {
    const check = inEnglish(await getStatedGrowthCheck());
    const eu2022 = findItem(check, (i) => i.title === 'KAZ → AGG_EU turnover, FY 2022: stated growth on FY 2021');
    expect(eu2022.outcome).toBe('pass');
    const base = valueOf(eu2022, 'base (used)');
    const eu2021 = sharedValue('derived_eu27_from_bns_2020_2025.csv', {
      partner: 'AGG_EU27',
      flow: 'turnover',
      year: 2021,
    });
    expect(base).toMatchObject({ sourceIds: [BNS_EU27], period: 'FY 2021', unit: 'USD' });
    expect(base?.value).toBeCloseTo(eu2021, 0);
    expect(base?.note).toMatch(/official series/);
    const stated = articleValue({ flow: 'turnover', partner: 'AGG_EU', year: 2022, period: 'FY' });
    expect(valueOf(eu2022, 'recomputed growth')?.value).toBeCloseTo((stated / eu2021 - 1) * 100, 6);
    // The article's own 2021 figure (40 / 1.38) is listed as excluded, never as a base.
    expect(valueOf(eu2022, 'excluded: implied by the stated growth')?.sourceIds[0]).toMatch(/^article:001/);
  });

  it('never verifies the EU’s +3.2 % of Jan-Nov 2023 against the Jan-Nov 2022 figure derived from it', async () => {
    const check = inEnglish(await getStatedGrowthCheck());
    const janNov = findItem(
      check,
      (i) => i.title === 'KAZ → AGG_EU turnover, Jan-Nov 2023: stated growth on Jan-Nov 2022',
    );
    expect(janNov.outcome).toBe('not_checkable');
    expect(valueOf(janNov, 'base (used)')).toBeUndefined();
    const implied = valueOf(janNov, 'excluded: implied by the stated growth');
    expect(implied?.value).toBeCloseTo(
      articleValue({ flow: 'turnover', partner: 'AGG_EU', year: 2022, period: 'Jan-Nov' }),
      0,
    );
    expect(janNov.explanation).toMatch(/needs KAZ → AGG_EU turnover for Jan-Nov 2022 in USD/);
  });
});

describe('with a reporter of its own', () => {
  let reporter = '';
  const WORKER = `${process.env.VITEST_POOL_ID ?? '0'}_${process.pid}`;
  const NEWS = `test_growth_news_${WORKER}`;
  const OTHER_NEWS = `test_growth_other_${WORKER}`;

  beforeAll(async () => {
    reporter = await setUpReporter(sql, 'growth');
    await insertSource(sql, NEWS);
    await insertSource(sql, OTHER_NEWS);
    const jan = (year: number): Pick<TradeRow, 'period' | 'periodKind' | 'periodStart' | 'periodEnd'> => ({
      period: 'Jan-Nov',
      periodKind: 'MONTHS_TO_DATE',
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-11-30`,
    });
    await insertTradeRows(sql, [
      // Jan-Nov 2031 +20 % on another page's Jan-Nov 2030 (12 on 10): passes on the same months.
      { source: OTHER_NEWS, reporter, partner: 'CHN', flow: 'turnover', year: 2030, value: 10, ...jan(2030) },
      { source: NEWS, reporter, partner: 'CHN', flow: 'turnover', year: 2031, value: 12, ...jan(2031) },
      // FY 2033 +10 % with only its own worked-back 2032 (inferred, not published): not checkable.
      { source: NEWS, reporter, partner: 'CHN', flow: 'turnover', year: 2032, value: '12.73', derivation: 'INFERRED' },
      { source: NEWS, reporter, partner: 'CHN', flow: 'turnover', year: 2033, value: 14 },
      // FY 2036 +10 % on the official series' 2035 (IMF, 100): 110 passes.
      { source: IMF, reporter, partner: 'CHN', flow: 'turnover', year: 2035, value: 100 },
      { source: NEWS, reporter, partner: 'CHN', flow: 'turnover', year: 2036, value: 110 },
      // FY 2038 +50 % on the official 2037 (100): 110 cannot be +50 %.
      { source: IMF, reporter, partner: 'CHN', flow: 'turnover', year: 2037, value: 100 },
      { source: NEWS, reporter, partner: 'CHN', flow: 'turnover', year: 2038, value: 110 },
    ]);
    for (const [year, growth] of [
      [2031, '20'],
      [2033, '10'],
      [2036, '10'],
      [2038, '50'],
    ] as const) {
      await sql`UPDATE observation SET stated_growth_pct = ${growth}
                WHERE source_id = ${NEWS} AND reporter_code = ${reporter} AND year = ${year}`;
    }
    await refreshSeries(sql);
  });

  afterAll(() => tearDown(sql, [reporter], [NEWS, OTHER_NEWS]));

  const title = (period: string, base: string) => `${reporter} → CHN turnover, ${period}: stated growth on ${base}`;

  it('compares part-years with the same months of another source', async () => {
    const check = inEnglish(await getStatedGrowthCheck());
    const item = findItem(check, (i) => i.title === title('Jan-Nov 2031', 'Jan-Nov 2030'));
    expect(item.outcome).toBe('pass');
    expect(valueOf(item, 'base (used)')).toMatchObject({ sourceIds: [OTHER_NEWS], period: 'Jan-Nov 2030' });
  });

  it('refuses a base worked back from the stated growth, even when it is marked inferred', async () => {
    const check = inEnglish(await getStatedGrowthCheck());
    const item = findItem(check, (i) => i.title === title('FY 2033', 'FY 2032'));
    expect(item.outcome).toBe('not_checkable');
    expect(valueOf(item, 'excluded: implied by the stated growth')?.sourceIds).toEqual([NEWS]);
  });

  it('takes the official series as the base and fails a growth the stored values contradict', async () => {
    const check = inEnglish(await getStatedGrowthCheck());
    const pass = findItem(check, (i) => i.title === title('FY 2036', 'FY 2035'));
    expect(pass.outcome).toBe('pass');
    expect(valueOf(pass, 'base (used)')).toMatchObject({ sourceIds: [IMF], value: 100e6 });
    const fail = findItem(check, (i) => i.title === title('FY 2038', 'FY 2037'));
    expect(fail.outcome).toBe('fail');
    expect(valueOf(fail, 'recomputed growth')?.value).toBeCloseTo(10, 9);
    expect(check.outcome).toBe('fail');
  });
});
